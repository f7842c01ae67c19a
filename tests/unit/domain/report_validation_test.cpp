#include "domain/report_validation.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "report_builders.hpp"

namespace sanpi::domain {
namespace report_validation_test {

using testing::field_names;
using testing::make_project;
using testing::make_report;
using testing::month;
using testing::wan;
using testing::with_status;
using testing::ymd;

const Date kToday = ymd(2022, 10, 15);

Project at_capacity_on(Date d) {
    Project p = make_project();
    p.stage = Stage::kAtCapacity;
    p.actual.start = ymd(2022, 6, 10);
    p.actual.production = ymd(2022, 7, 1);
    p.actual.capacity = d;
    return p;
}

Project cancelled() {
    Project p = make_project();
    p.status = ProjectStatus::kCancelled;
    return p;
}

Project reserve() {
    Project p = make_project();
    p.stage = Stage::kReserve;
    p.actual = {};
    return p;
}

TEST(ReportMonth, MustLieInTheProjectsReportingWindowAndHaveEnded) {
    struct Case {
        std::string name;
        Project project;
        std::optional<Date> cancelled_on;
        Month month;
        std::string en_part;  // empty: accepted
    };
    const Case cases[] = {
        {"signing month", make_project(), {}, month(2022, 6), ""},
        {"last ended month", make_project(), {}, month(2022, 9), ""},
        {"before signing", make_project(), {}, month(2022, 5), "before the month the project was signed (2022-06-01)"},
        {"current month", make_project(), {}, month(2022, 10), "2022-10 has not ended"},
        {"future month", make_project(), {}, month(2023, 1), "has not ended"},
        {"reserve project", reserve(), {}, month(2022, 7), "reserve project cannot report"},
        {"capacity month", at_capacity_on(ymd(2022, 8, 10)), {}, month(2022, 8), ""},
        {"after capacity", at_capacity_on(ymd(2022, 8, 10)), {}, month(2022, 9), "reached capacity in 2022-08"},
        {"cancellation month", cancelled(), ymd(2022, 7, 20), month(2022, 7), ""},
        {"after cancellation", cancelled(), ymd(2022, 7, 20), month(2022, 8), "cancelled in 2022-07"},
        {"cancelled, date unknown", cancelled(), {}, month(2022, 7), "cancellation date is unknown"},
        {"cancellation date ignored while active", make_project(), ymd(2022, 7, 20), month(2022, 9), ""},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const auto errors = check_report_month(c.month, c.project, c.cancelled_on, kToday);
        if (c.en_part.empty()) {
            EXPECT_TRUE(errors.empty()) << errors.at(0).message.en;
            continue;
        }
        ASSERT_EQ(errors.size(), 1u);
        EXPECT_EQ(errors[0].field, "month");
        EXPECT_NE(errors[0].message.en.find(c.en_part), std::string::npos) << errors[0].message.en;
        EXPECT_FALSE(errors[0].message.zh.empty());
    }
}

TEST(ReportMonth, AMonthEndsAfterItsLastDay) {
    EXPECT_FALSE(check_report_month(month(2022, 9), make_project(), {}, ymd(2022, 9, 30)).empty());
    EXPECT_TRUE(check_report_month(month(2022, 9), make_project(), {}, ymd(2022, 10, 1)).empty());
}

std::string repeat(std::string_view s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

TEST(ReportContent, RefusesEachBadFigureOrText) {
    struct Case {
        std::string name;
        void (*change)(ProgressReport&);
        std::vector<std::string> fields;
    };
    const Case cases[] = {
        {"valid", [](ProgressReport&) {}, {}},
        {"zero figures",
         [](ProgressReport& r) {
             r.investment_completed = Money{};
             r.capital_arrived = Money{};
             r.jobs = 0;
             r.percent_complete = 0;
         },
         {}},
        {"percent 100", [](ProgressReport& r) { r.percent_complete = 100; }, {}},
        {"text of 2000", [](ProgressReport& r) { r.progress_text = repeat("字", 2000); }, {}},
        {"negative investment",
         [](ProgressReport& r) { r.investment_completed = Money::from_fen(-1); },
         {"investment_completed"}},
        {"negative capital", [](ProgressReport& r) { r.capital_arrived = Money::from_fen(-1); }, {"capital_arrived"}},
        {"percent -1", [](ProgressReport& r) { r.percent_complete = -1; }, {"percent_complete"}},
        {"percent 101", [](ProgressReport& r) { r.percent_complete = 101; }, {"percent_complete"}},
        {"negative jobs", [](ProgressReport& r) { r.jobs = -1; }, {"jobs"}},
        {"empty text", [](ProgressReport& r) { r.progress_text = ""; }, {"progress_text"}},
        {"blank text", [](ProgressReport& r) { r.progress_text = " \n "; }, {"progress_text"}},
        {"text of 2001", [](ProgressReport& r) { r.progress_text = repeat("字", 2001); }, {"progress_text"}},
        {"invalid utf-8", [](ProgressReport& r) { r.progress_text = "\xc3\x28"; }, {"progress_text"}},
        {"note of 1001", [](ProgressReport& r) { r.confirmation_note = repeat("字", 1001); }, {"confirmation_note"}},
        {"all at once",
         [](ProgressReport& r) {
             r.jobs = -5;
             r.percent_complete = 200;
             r.progress_text.clear();
         },
         {"percent_complete", "jobs", "progress_text"}},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        ProgressReport r = make_report();
        c.change(r);
        EXPECT_EQ(field_names(check_report_content(r)), c.fields);
    }
}

TEST(ValidateReport, CollectsMonthContentAndOverrunProblems) {
    Project p = make_project();
    p.total_investment = wan(1000);
    const std::vector<ProgressReport> others = {
        with_status(make_report(), 1, month(2022, 6), wan(1400), ReportStatus::kApproved),
    };
    ProgressReport r = make_report();  // July, 3000万元
    r.jobs = -1;
    EXPECT_EQ(field_names(validate_report(r, p, {}, others, kToday)),
              (std::vector<std::string>{"jobs", "confirmation_note"}));
    r.month = month(2022, 11);
    EXPECT_EQ(field_names(validate_report(r, p, {}, others, kToday)),
              (std::vector<std::string>{"month", "jobs", "confirmation_note"}));
}

TEST(ValidateReport, AcceptsAValidReport) {
    const std::vector<ProgressReport> others = {
        with_status(make_report(), 1, month(2022, 6), wan(5000), ReportStatus::kApproved),
    };
    EXPECT_TRUE(validate_report(make_report(), make_project(), {}, others, kToday).empty());
}

TEST(ValidateReport, ANegativeFigureIsNotAlsoAnOverrun) {
    Project p = make_project();
    p.total_investment = Money{};
    ProgressReport r = make_report();
    r.investment_completed = Money::from_fen(-1);
    EXPECT_EQ(field_names(validate_report(r, p, {}, {}, kToday)), (std::vector<std::string>{"investment_completed"}));
}

}  // namespace report_validation_test
}  // namespace sanpi::domain
