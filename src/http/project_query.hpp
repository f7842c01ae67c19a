#pragma once
// GET /api/v1/projects query parameters -> store::ProjectQuery. Unknown, repeated or malformed
// parameters are a 400 naming each parameter, so a typo never silently widens a list.
#include <cstdint>
#include <variant>

#include "http/context.hpp"
#include "http/list_params.hpp"
#include "store/store.hpp"

namespace sanpi::http {

struct ProjectListRequest {
    store::ProjectQuery query;
    std::int64_t page = 1;
    std::int64_t page_size = kDefaultPageSize;
};

std::variant<ProjectListRequest, Problem> parse_project_list(const QueryParams& params);

}  // namespace sanpi::http
