#pragma once
// Progress report records for store tests: valid defaults, tests change what they are about.
#include <string_view>

#include "store/builders.hpp"
#include "store/store.hpp"

namespace sanpi::store_test {

inline domain::Month month(std::string_view text) { return domain::Month::parse(text).value(); }

inline store::ReportRecord make_report(std::int64_t project_id, std::string_view month_text, std::int64_t created_by) {
    store::ReportRecord rec;
    rec.report.project_id = project_id;
    rec.report.month = month(month_text);
    rec.report.investment_completed = domain::Money::from_fen(3'000'000'00);
    rec.report.capital_arrived = domain::Money::from_fen(2'000'000'00);
    rec.report.progress_text = "主体结构施工";
    rec.report.percent_complete = 40;
    rec.report.jobs = 120;
    rec.created_by = created_by;
    rec.created_at = 1'660'000'000;
    return rec;
}

}  // namespace sanpi::store_test
