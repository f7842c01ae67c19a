#pragma once
// Reports as the service answers them: each with the cumulative figures through its month, in
// both bases, derived from the project's monthly figures at read time, and its project named as
// the project itself is shown to the caller (a reserve project's code name: project_identity.hpp).
#include <cstdint>

#include "domain/error.hpp"
#include "service/report_service.hpp"
#include "store/store.hpp"

namespace sanpi::service {

// The report `id` within the caller's scope (kNotFound otherwise) with its figures.
Result<ReportDetail> load_report_detail(store::Tx& tx, const Principal& who, std::int64_t id);
// A page of reports with their figures: one query for the reports of every project on the page.
Result<store::Page<ReportDetail>> with_figures(store::Tx& tx, const Principal& who,
                                               store::Page<store::ReportView> page);

}  // namespace sanpi::service
