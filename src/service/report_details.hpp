#pragma once
// Reports as the service answers them: each with the cumulative figures through its month, in
// both bases, derived from the project's monthly figures at read time.
#include <cstdint>

#include "domain/error.hpp"
#include "service/report_service.hpp"
#include "store/store.hpp"

namespace sanpi::service {

// The report `id` within `scope` (kNotFound otherwise) with its figures.
Result<ReportDetail> load_report_detail(store::Tx& tx, const domain::Scope& scope, std::int64_t id);
// A page of reports with their figures: one query for the reports of every project on the page.
Result<store::Page<ReportDetail>> with_figures(store::Tx& tx, store::Page<store::ReportView> page);

}  // namespace sanpi::service
