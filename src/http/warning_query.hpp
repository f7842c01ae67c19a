#pragma once
// GET /api/v1/warnings query parameters -> store::WarningQuery. As for the other lists, unknown,
// repeated or malformed parameters are a 400 naming each one.
#include <cstdint>
#include <variant>

#include "http/context.hpp"
#include "http/list_params.hpp"
#include "store/store.hpp"

namespace sanpi::http {

struct WarningListRequest {
    store::WarningQuery query;
    std::int64_t page = 1;
    std::int64_t page_size = kDefaultPageSize;
};

std::variant<WarningListRequest, Problem> parse_warning_list(const QueryParams& params);

}  // namespace sanpi::http
