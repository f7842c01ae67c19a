#pragma once
// GET /api/v1/projects query parameters -> store::ProjectQuery. Unknown, repeated or malformed
// parameters are a 400 naming each parameter, so a typo never silently widens a list.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "domain/bulletin.hpp"
#include "domain/money.hpp"
#include "http/context.hpp"
#include "http/list_params.hpp"
#include "store/store.hpp"

namespace sanpi::http {

// OFFSET paging reads and skips every row before the page: it stops here, deeper pages follow
// next_cursor (keyset paging, as deep as the list goes at the cost of the first page).
inline constexpr std::int64_t kMaxListOffset = 10000;

struct ProjectListRequest {
    store::ProjectQuery query;
    std::int64_t page = 1;
    std::int64_t page_size = kDefaultPageSize;
    std::optional<std::string> cursor;  // as given; decoded into query.after
};

std::variant<ProjectListRequest, Problem> parse_project_list(const QueryParams& params);

// GET /api/v1/projects/export.xlsx: the list's filters, sort and order (no paging: the export holds
// every row), `unit` (元|万元|亿元, or yuan|wan|yi; default 亿元) and `lang` (zh|en, default zh).
struct ProjectExportRequest {
    store::ProjectQuery query;
    domain::MoneyUnit unit = domain::MoneyUnit::kYi;
    domain::BulletinLang lang = domain::BulletinLang::kZh;
};

std::variant<ProjectExportRequest, Problem> parse_project_export(const QueryParams& params);

}  // namespace sanpi::http
