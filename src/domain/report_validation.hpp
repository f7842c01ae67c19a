#pragma once
// Whole-report checks against its project and today; every problem at once, each naming its field.
#include <optional>
#include <vector>

#include "domain/date.hpp"
#include "domain/error.hpp"
#include "domain/progress_report.hpp"
#include "domain/project.hpp"

namespace sanpi::domain {

// The months a project reports for run from its signing month (a reserve project has none) to the
// month it reached capacity or, for a cancelled project, the month of `cancelled_on`; and a month
// can only be reported once it has ended. A cancelled project without a known cancellation date
// reports nothing (failing closed rather than leaving the window open).
std::vector<FieldError> check_report_month(Month month, const Project& project, std::optional<Date> cancelled_on,
                                           Date today);

// Figures non-negative, percent 0..100, jobs >= 0, progress text present and bounded, notes bounded.
std::vector<FieldError> check_report_content(const ProgressReport& report);

// All of the above plus the 150% rule against the project's other reports (`reports`, any order;
// see check_overrun).
std::vector<FieldError> validate_report(const ProgressReport& report, const Project& project,
                                        std::optional<Date> cancelled_on, const std::vector<ProgressReport>& reports,
                                        Date today);

}  // namespace sanpi::domain
