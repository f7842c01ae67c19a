#pragma once
// GET /api/v1/notices query parameters -> store::NoticeQuery. As for the other lists, unknown,
// repeated or malformed parameters are a 400 naming each one.
#include <cstdint>
#include <variant>

#include "http/context.hpp"
#include "http/list_params.hpp"
#include "store/store.hpp"

namespace sanpi::http {

struct NoticeListRequest {
    store::NoticeQuery query;
    std::int64_t page = 1;
    std::int64_t page_size = kDefaultPageSize;
};

std::variant<NoticeListRequest, Problem> parse_notice_list(const QueryParams& params);

}  // namespace sanpi::http
