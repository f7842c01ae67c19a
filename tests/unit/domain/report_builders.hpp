#pragma once
// Builders for progress report tests: a valid report of make_project() to mutate.
#include <cstdint>

#include "domain/progress_report.hpp"
#include "domain_builders.hpp"

namespace sanpi::domain::testing {

inline Month month(int year, int m) { return Month::from_ym(year, m).value(); }
inline Money wan(std::int64_t w) { return Money::from_fen(w * 10000 * 100); }

// A draft for 2022-07 of make_project() (signed 2022-06-01, total 12.5亿元).
inline ProgressReport make_report() {
    ProgressReport r;
    r.id = 0;
    r.project_id = 7;
    r.month = month(2022, 7);
    r.investment_completed = wan(3000);
    r.capital_arrived = wan(2000);
    r.progress_text = "主厂房基础施工完成60%";
    r.percent_complete = 40;
    r.jobs = 120;
    return r;
}

inline ProgressReport with_status(ProgressReport r, std::int64_t id, Month m, Money investment, ReportStatus status) {
    r.id = id;
    r.month = m;
    r.investment_completed = investment;
    r.status = status;
    return r;
}

}  // namespace sanpi::domain::testing
