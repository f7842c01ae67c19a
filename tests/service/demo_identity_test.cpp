// The demo's identities and commitments: present where each project's stage calls for them,
// consistent with its dates, accepted by the rules, and never duplicated by a second run.
#include "domain/approval.hpp"
#include "domain/funding.hpp"
#include "domain/planned_date_change.hpp"
#include "domain/project_code.hpp"
#include "domain/validation.hpp"
#include "service_fixture.hpp"
#include "store/checksum.hpp"

namespace sanpi::testing {
namespace {

using domain::Stage;

const domain::Date kEvent = domain::Date::from_ymd(2022, 6, 22).value();

class DemoIdentityTest : public ServiceTest {
protected:
    std::vector<domain::ProjectView> all_projects() {
        std::vector<domain::ProjectView> out;
        store::ProjectQuery q;
        q.limit = 500;
        for (;; q.offset += q.limit) {
            auto page = projects().list(as("province"), q);
            EXPECT_TRUE(page);
            if (!page || page->items.empty()) break;
            for (auto& v : page->items) out.push_back(std::move(v));
        }
        return out;
    }

    std::int64_t rows_of(std::string_view table) {
        auto sums = store::table_checksums(store());
        EXPECT_TRUE(sums);
        for (const auto& t : *sums) {
            if (t.table == table) return t.rows;
        }
        ADD_FAILURE() << "no table " << table;
        return 0;
    }
};

TEST_P(DemoIdentityTest, IdentitiesFollowEachProjectsStage) {
    int current_layout = 0, legacy = 0, near_lapse = 0, extended = 0, code_names = 0;
    for (const auto& v : all_projects()) {
        const auto& p = v.project;
        SCOPED_TRACE(p.code);
        if (p.actual.start) {
            ASSERT_TRUE(p.approval);
            EXPECT_LE(p.approval->date, *p.actual.start);
        }
        if (p.stage == Stage::kReserve) {
            EXPECT_FALSE(p.approval);
        }
        if (!p.code_name.empty()) {
            EXPECT_EQ(p.stage, Stage::kReserve);
            ++code_names;
        }
        if (p.stats_entry_date) {
            EXPECT_GE(*p.stats_entry_date, *p.actual.start);
        }
        if (p.approval) {
            const auto code = domain::ProjectCode::parse(p.national_code, kEvent);
            ASSERT_TRUE(code) << p.national_code;
            EXPECT_EQ(code->region()->str(), v.region_code);
            EXPECT_EQ(p.national_code_legacy, code->legacy());
            ++(code->legacy() ? legacy : current_layout);
            const auto days = domain::days_until_lapse(*p.approval, p.actual.start, kEvent);
            if (days && *days > 0 && *days <= 60) ++near_lapse;
            if (p.approval->extension) ++extended;
        }
        if (p.stage >= Stage::kSigned) {
            EXPECT_TRUE(p.capacity_agreement);
        }
    }
    EXPECT_GT(current_layout, 100);
    EXPECT_GT(legacy, 10);
    EXPECT_GT(near_lapse, 0);
    EXPECT_GT(extended, 0);
    EXPECT_GT(code_names, 10);
}

TEST_P(DemoIdentityTest, FundingAddsUpAndRealisedFiguresFollowProduction) {
    int with_realised = 0;
    for (const auto& listed : all_projects()) {
        if (listed.project.id % 7 != 0 && listed.project.stage < Stage::kProducing) continue;  // a sample
        auto view = projects().get(as("province"), listed.project.id);
        ASSERT_TRUE(view);
        const auto& p = view->project;
        SCOPED_TRACE(p.code);
        EXPECT_FALSE(p.funding.empty());
        EXPECT_TRUE(domain::validate_funding(p.funding, p.total_investment).empty());
        for (const auto& r : p.realised) {
            EXPECT_GE(r.year, p.actual.production->year());
            EXPECT_LT(r.year, 2022);
        }
        if (!p.realised.empty()) ++with_realised;
        EXPECT_TRUE(domain::validate_project(p, kEvent).empty());
    }
    EXPECT_GT(with_realised, 5);
}

TEST_P(DemoIdentityTest, SomePlannedStartsSlippedWithAReasonAndARerunAddsNothing) {
    const auto slips = rows_of("planned_date_changes");
    const auto funding = rows_of("project_funding");
    const auto realised = rows_of("project_realised");
    EXPECT_GT(slips, 10);
    ASSERT_TRUE(service::load_demo(store(), clock_));
    EXPECT_EQ(rows_of("planned_date_changes"), slips);
    EXPECT_EQ(rows_of("project_funding"), funding);
    EXPECT_EQ(rows_of("project_realised"), realised);
    bool seen = false;
    for (const auto& v : all_projects()) {
        if (seen || v.project.stage != Stage::kSigned) continue;
        auto timeline = projects().timeline(as("province"), v.project.id);
        ASSERT_TRUE(timeline);
        for (const auto& e : timeline->planned_date_changes) {
            EXPECT_TRUE(domain::is_slip(e.change));
            EXPECT_FALSE(e.change.reason.empty());
            EXPECT_EQ(e.change.new_date, v.project.planned.start);  // the slip led to today's plan
            seen = true;
        }
    }
    EXPECT_TRUE(seen);
}

INSTANTIATE_TEST_SUITE_P(Backends, DemoIdentityTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
