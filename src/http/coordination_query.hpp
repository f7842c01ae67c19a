#pragma once
// GET .../coordination-items query parameters -> store::CoordinationQuery. As for projects,
// unknown, repeated or malformed parameters are a 400 naming each one.
#include <cstdint>
#include <variant>

#include "http/context.hpp"
#include "http/list_params.hpp"
#include "store/store.hpp"

namespace sanpi::http {

struct CoordinationListRequest {
    store::CoordinationQuery query;
    std::int64_t page = 1;
    std::int64_t page_size = kDefaultPageSize;
};

std::variant<CoordinationListRequest, Problem> parse_coordination_list(const QueryParams& params);

}  // namespace sanpi::http
