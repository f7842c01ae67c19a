// The demo's monthly reports: every project from its signing month to 2022-12 (or its capacity
// month), each report one the API itself would accept, review states like a real province's, and
// nothing added by loading the demo again.
#include <map>

#include "domain/report_totals.hpp"
#include "domain/report_validation.hpp"
#include "service/report_rules.hpp"
#include "service_fixture.hpp"

namespace sanpi::testing {
namespace {

using domain::Month;
using domain::ProgressReport;
using domain::ReportStatus;

class DemoReportsTest : public ServiceTest {
protected:
    std::vector<domain::Project> all_projects() {
        std::vector<domain::Project> out;
        store::ProjectQuery q;
        q.limit = 500;
        for (;; q.offset += q.limit) {
            auto page = projects().list(as("province"), q);
            EXPECT_TRUE(page);
            if (!page || page->items.empty()) break;
            for (const auto& v : page->items) out.push_back(v.project);
        }
        return out;
    }
    std::map<std::int64_t, std::vector<ProgressReport>> reports_by_project(const std::vector<domain::Project>& ps) {
        std::vector<std::int64_t> ids;
        for (const auto& p : ps) ids.push_back(p.id);
        auto reports = store::read_value<std::vector<ProgressReport>>(
            store(), [&](store::Tx& tx) { return tx.list_reports_of_projects(ids); });
        EXPECT_TRUE(reports);
        std::map<std::int64_t, std::vector<ProgressReport>> out;
        for (auto& r : reports ? *reports : std::vector<ProgressReport>{}) out[r.project_id].push_back(r);
        return out;
    }
};

TEST_P(DemoReportsTest, EveryProjectReportsFromSigningToTheEndOf2022AndTheRulesAcceptEachReport) {
    const auto ps = all_projects();
    auto by_project = reports_by_project(ps);
    const Month last = Month::parse("2022-12").value();
    std::map<ReportStatus, int> statuses;
    for (const auto& p : ps) {
        const auto& reports = by_project[p.id];
        if (p.stage == domain::Stage::kReserve || p.status == domain::ProjectStatus::kCancelled) {
            EXPECT_TRUE(reports.empty()) << p.code;
            continue;
        }
        ASSERT_FALSE(reports.empty()) << p.code;
        const Month end = p.actual.capacity ? std::min(last, Month::of(*p.actual.capacity)) : last;
        EXPECT_EQ(reports.front().month, Month::of(*p.actual.sign)) << p.code;
        EXPECT_LE(reports.back().month, end) << p.code;
        EXPECT_GE(reports.back().month, end.prev()) << p.code;  // only the last month may still be missing
        for (const auto& r : reports) {
            ++statuses[r.status];
            EXPECT_TRUE(domain::validate_report(r, p, std::nullopt, reports, clock_.today()).empty())
                << p.code << " " << r.month.to_string();
            if (r.status == ReportStatus::kApproved) {
                EXPECT_NE(r.approved_by, r.submitted_by) << p.code;
            }
            if (r.status == ReportStatus::kReturned) {
                EXPECT_TRUE(r.return_reason && !r.return_reason->empty()) << p.code;
            }
        }
    }
    const int total = statuses[ReportStatus::kApproved] + statuses[ReportStatus::kSubmitted] +
                      statuses[ReportStatus::kDraft] + statuses[ReportStatus::kReturned];
    EXPECT_GT(statuses[ReportStatus::kApproved] * 10, total * 8);  // most approved
    EXPECT_GT(statuses[ReportStatus::kSubmitted], 100);
    EXPECT_GT(statuses[ReportStatus::kDraft], 20);
    EXPECT_GT(statuses[ReportStatus::kReturned], 10);
    EXPECT_LT(statuses[ReportStatus::kReturned], statuses[ReportStatus::kDraft] * 2);  // a few
}

TEST_P(DemoReportsTest, InvestmentRoughlyFollowsTheTotalOfAProjectAtCapacity) {
    const auto ps = all_projects();
    auto by_project = reports_by_project(ps);
    int checked = 0;
    for (const auto& p : ps) {
        if (p.stage != domain::Stage::kAtCapacity || p.status != domain::ProjectStatus::kActive) continue;
        const auto& reports = by_project[p.id];
        auto sum = domain::cumulative_through(reports, reports.back().month, domain::FigureBasis::kIncludingUnapproved);
        ASSERT_TRUE(sum);
        // A finished project has spent most of its total, and not wildly more.
        EXPECT_GT(sum->investment.fen() * 10, p.total_investment.fen() * 6) << p.code;
        EXPECT_LT(sum->investment.fen() * 10, p.total_investment.fen() * 14) << p.code;
        EXPECT_EQ(reports.back().percent_complete, 100) << p.code;
        ++checked;
    }
    EXPECT_GT(checked, 10);
}

TEST_P(DemoReportsTest, LoadingTheDemoAgainAddsNoReport) {
    const auto before = reports_by_project(all_projects());
    EXPECT_GT(demo_.progress_reports, 10000);
    auto again = service::load_demo(store(), clock_);
    ASSERT_TRUE(again) << again.error().message.en;
    EXPECT_EQ(again->progress_reports, 0);
    const auto after = reports_by_project(all_projects());
    ASSERT_EQ(after.size(), before.size());
    for (const auto& [id, reports] : before) EXPECT_EQ(after.at(id).size(), reports.size());
}

TEST(ReportRules, ACancelledProjectWasCancelledOnItsLatestMoveIntoCancelled) {
    using domain::ProjectStatus;
    const auto day = [](int d) { return domain::Date::from_ymd(2023, 5, d).value(); };
    auto change = [](ProjectStatus from, ProjectStatus to, std::optional<domain::Date> date) {
        domain::StageChange c;
        c.from_status = from;
        c.to_status = to;
        c.date = date;
        return c;
    };
    EXPECT_FALSE(service::cancellation_date({}));
    const std::vector<domain::StageChange> history = {
        change(ProjectStatus::kActive, ProjectStatus::kCancelled, day(1)),
        change(ProjectStatus::kCancelled, ProjectStatus::kCancelled, day(9)),  // not a move into cancelled
        change(ProjectStatus::kCancelled, ProjectStatus::kActive, day(3)),
        change(ProjectStatus::kActive, ProjectStatus::kCancelled, day(7)),
        change(ProjectStatus::kCancelled, ProjectStatus::kCancelled, day(8)),
    };
    EXPECT_EQ(service::cancellation_date(history), day(7));
    // An undated move (made through PATCH) leaves the date unknown: the window closes.
    EXPECT_FALSE(service::cancellation_date({change(ProjectStatus::kActive, ProjectStatus::kCancelled, std::nullopt)}));
}

INSTANTIATE_TEST_SUITE_P(Backends, DemoReportsTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
