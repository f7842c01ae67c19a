#pragma once
// Query parameters of the report lists: GET /projects/{id}/reports (month, status), the reviewer's
// queue GET /reports (also zone, city) and GET /reports/missing (month required, zone, city); all
// page with page and page_size. Unknown, repeated or malformed parameters are a 400 naming each.
#include <cstdint>
#include <variant>

#include "domain/bulletin.hpp"
#include "domain/money.hpp"
#include "http/context.hpp"
#include "http/list_params.hpp"
#include "service/report_service.hpp"
#include "store/store.hpp"

namespace sanpi::http {

enum class ReportList { kOfProject, kQueue, kMissing };

struct ReportListRequest {
    store::ReportQuery query;       // kOfProject, kQueue
    service::MissingQuery missing;  // kMissing
    std::int64_t page = 1;
    std::int64_t page_size = kDefaultPageSize;
};

std::variant<ReportListRequest, Problem> parse_report_list(const QueryParams& params, ReportList list);

// GET /api/v1/reports/export.xlsx: the queue's filters (month, status, zone, city; no paging: every
// row), `unit` (元|万元|亿元, or yuan|wan|yi; default 亿元) and `lang` (zh|en, default zh).
struct ReportExportRequest {
    store::ReportQuery query;
    domain::MoneyUnit unit = domain::MoneyUnit::kYi;
    domain::BulletinLang lang = domain::BulletinLang::kZh;
};

std::variant<ReportExportRequest, Problem> parse_report_export(const QueryParams& params);

}  // namespace sanpi::http
