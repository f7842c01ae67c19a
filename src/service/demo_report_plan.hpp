#pragma once
// The synthetic monthly reports of one demo project: from its signing month to `last` (or the
// month it reached capacity), investment following its total over the building period, and a
// review state like a real province's at the end of 2022 (most approved, the last months still
// under review, some drafts, a few returned). The same project always gives the same reports.
#include <cstdint>
#include <vector>

#include "domain/error.hpp"
#include "domain/month.hpp"
#include "domain/project.hpp"
#include "store/store.hpp"

namespace sanpi::service::demo {

inline constexpr int kLastDemoReportYear = 2022;
inline constexpr int kLastDemoReportMonth = 12;

struct ReportPeople {
    std::int64_t zone_user = 0;  // drafts and submits
    std::int64_t city_user = 0;  // approves or returns
};

// Every month's report of the project, in month order, through the review steps of the domain.
// A cancelled project or one never signed gets none. Fails only if a review step refuses.
Result<std::vector<store::ReportRecord>> plan_reports(const domain::Project& project, domain::Month last,
                                                      const ReportPeople& people);

}  // namespace sanpi::service::demo
