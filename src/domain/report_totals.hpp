#pragma once
// Cumulative figures of a project's monthly reports. They are always derived from the monthly
// figures, never typed, and always say whether they are official (approved reports only) or
// include data nobody has approved yet.
#include <optional>
#include <vector>

#include "domain/error.hpp"
#include "domain/money.hpp"
#include "domain/month.hpp"
#include "domain/progress_report.hpp"

namespace sanpi::domain {

enum class FigureBasis {
    kOfficial,             // approved reports only
    kIncludingUnapproved,  // every report past draft: submitted, returned and approved
};

struct Cumulative {
    Money investment;  // investment completed
    Money capital;     // capital arrived
    bool official = true;
};

// Sums the reports (of one project, any order) for months up to and including `through`.
// Fails only if a sum overflows.
Result<Cumulative> cumulative_through(const std::vector<ProgressReport>& reports, Month through, FigureBasis basis);

// The 150% rule: when cumulative investment including `report` (its own figure, plus every other
// non-draft report of the project up to its month) exceeds 150% of `total_investment`, the
// report needs a non-blank confirmation note; otherwise an error naming `confirmation_note`.
// `reports` may include a stored version of `report` itself (same non-zero id): it is ignored.
std::optional<FieldError> check_overrun(const ProgressReport& report, const std::vector<ProgressReport>& reports,
                                        Money total_investment);

// True when `cumulative` is more than 150% of `total`, computed exactly in fen.
bool exceeds_overrun_limit(Money cumulative, Money total);

}  // namespace sanpi::domain
