#pragma once
// Report checks that need the store or the caller: who may draft and who may review, whether a
// month is still free, and the domain's whole-report validation fed with the project's history
// and its other reports.
#include <cstdint>
#include <optional>
#include <vector>

#include "domain/date.hpp"
#include "domain/error.hpp"
#include "domain/progress_report.hpp"
#include "domain/project.hpp"
#include "service/principal.hpp"
#include "store/store.hpp"

namespace sanpi::service {

// Zone users draft, change and submit their zone's reports; the province may do it anywhere.
Result<void> require_report_writer(const Principal& who);
// City users approve and return their zones' reports; the province may do it anywhere.
Result<void> require_report_reviewer(const Principal& who);

// The date a cancelled project was cancelled: that of its latest stage-change record into
// `cancelled` (history in the order it was written). None when no such record carries a date.
std::optional<domain::Date> cancellation_date(const std::vector<domain::StageChange>& history);

// 409 naming the report that already covers the month.
Error duplicate_month(domain::Month month, std::int64_t existing_id);
// kConflict (duplicate_month) if another report of the project (not `self_id`) covers `month`.
Result<void> check_month_free(store::Tx& tx, std::int64_t project_id, domain::Month month, std::int64_t self_id);

// The month window, the content and the 150% rule, every problem at once (kInvalidInput).
Result<void> check_report(store::Tx& tx, const domain::Project& project, const domain::ProgressReport& report,
                          domain::Date today);

}  // namespace sanpi::service
