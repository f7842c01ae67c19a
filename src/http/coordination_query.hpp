#pragma once
// GET .../coordination-items query parameters -> store::CoordinationQuery. As for projects,
// unknown, repeated or malformed parameters are a 400 naming each one.
#include <cstdint>
#include <variant>

#include "domain/bulletin.hpp"
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

// GET /api/v1/coordination-items/export.xlsx: the list's filters (no paging: every row) and `lang`
// (zh|en, default zh). Items carry no amounts, so there is no `unit`.
struct CoordinationExportRequest {
    store::CoordinationQuery query;
    domain::BulletinLang lang = domain::BulletinLang::kZh;
};

std::variant<CoordinationExportRequest, Problem> parse_coordination_export(const QueryParams& params);

}  // namespace sanpi::http
