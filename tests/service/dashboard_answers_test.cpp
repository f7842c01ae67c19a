// Dashboards and campaign summaries kept between requests (service/kept_answers.hpp): the same
// answer while nothing it shows has changed, a fresh one after any write that changes it, whichever
// server (service instance) wrote, on both backends.
#include <algorithm>

#include "service_fixture.hpp"

namespace sanpi::testing {
namespace {

using domain::BatchKind;

class DashboardAnswersTest : public ServiceTest {};

TEST_P(DashboardAnswersTest, AnUnchangedDashboardIsTheSameAnswerUntilAWriteChangesIt) {
    service::CampaignService server(store(), clock_);
    const auto first = server.dashboard(as("province"), {}).value();
    EXPECT_EQ(server.dashboard(as("province"), {}).value(), first);

    // A write no figure depends on keeps the answer.
    const auto id = reserve_project_id();
    const auto version = projects().get(as("province"), id).value().project.version;
    service::ProjectPatch post;
    post.responsible_post = "管委会副主任";
    ASSERT_TRUE(projects().update(as("province"), id, version, post));
    EXPECT_EQ(server.dashboard(as("province"), {}).value(), first);

    // A new investment changes the totals: a new answer with the new sums.
    // Moving the project to another industry changes the industry lines: a new answer.
    const auto before = projects().get(as("province"), id).value().project;
    const auto& lines = first->by_industry;
    const auto other = std::find_if(lines.begin(), lines.end(), [&](const auto& l) { return l.code != before.industry_code; });
    ASSERT_NE(other, lines.end());
    service::ProjectPatch move;
    move.industry_code = other->code;
    auto moved = projects().update(as("province"), id, before.version, move);
    ASSERT_TRUE(moved) << moved.error().message.en;
    const auto after = server.dashboard(as("province"), {}).value();
    EXPECT_NE(after, first);
    const auto projects_in = [](const domain::Dashboard& d, const std::string& code) {
        for (const auto& l : d.by_industry) {
            if (l.code == code) return l.total.projects;
        }
        return std::int64_t{-1};
    };
    EXPECT_EQ(projects_in(*after, other->code), projects_in(*first, other->code) + 1);
    EXPECT_EQ(projects_in(*after, before.industry_code), projects_in(*first, before.industry_code) - 1);
    EXPECT_EQ(after->figures.total.projects, first->figures.total.projects);
}

TEST_P(DashboardAnswersTest, AWriteThroughAnotherServerIsSeenAtOnce) {
    service::CampaignService reader(store(), clock_), writer(store(), clock_);
    const auto campaign = planned_campaign("第三次活动", domain::Date::from_ymd(2023, 9, 20).value());
    const auto dashboard = reader.dashboard(as("province"), {}).value();
    const auto summary = reader.summary(as("province"), campaign.id).value();
    // The dashboard shows the latest held campaign (the demo's), not the one being planned.
    ASSERT_TRUE(dashboard->campaign);
    EXPECT_EQ(dashboard->campaign->campaign.id, demo_.campaign_id);
    ASSERT_TRUE(writer.add_entry(as("province"), campaign.id, reserve_project_id(), BatchKind::kSign));
    EXPECT_EQ(reader.summary(as("province"), campaign.id).value().batches[0].projects,
              summary.batches[0].projects + 1);
    ASSERT_TRUE(writer.hold(as("province"), campaign.id, std::nullopt));
    const auto fresh = reader.dashboard(as("province"), {}).value();
    EXPECT_EQ(fresh->campaign->campaign.id, campaign.id);
    EXPECT_EQ(fresh->campaign->batches[0].projects, 1);
}

TEST_P(DashboardAnswersTest, ANewZoneShowsThoughNoCountChanged) {
    service::CampaignService server(store(), clock_);
    const auto before = server.dashboard(as("province"), {}).value();
    const domain::Zone z{0, "SX-TY-CACHE", "缓存测试开发区", domain::ZoneLevel::kProvincial,
                         domain::RegionCode::parse("140100").value(), {}, "cache-zone"};
    ASSERT_TRUE(store().write([&](store::Tx& tx) -> Result<void> {
        auto id = tx.insert_zone(z);
        if (!id) return id.error();
        return {};
    }));
    const auto after = server.dashboard(as("province"), {}).value();
    ASSERT_EQ(after->by_zone.size(), before->by_zone.size() + 1);
    EXPECT_EQ(after->figures.total.projects, before->figures.total.projects);
}

TEST_P(DashboardAnswersTest, ScopesAndFiltersAreKeptApart) {
    service::CampaignService server(store(), clock_);
    const auto province = server.dashboard(as("province"), {}).value();
    const auto city = server.dashboard(as("taiyuan"), {}).value();
    service::DashboardFilter taiyuan;
    taiyuan.city_code = "140100";
    const auto narrowed = server.dashboard(as("province"), taiyuan).value();
    EXPECT_NE(city, province);
    EXPECT_LT(city->figures.total.projects, province->figures.total.projects);
    EXPECT_EQ(narrowed->figures.total.projects, city->figures.total.projects);
    EXPECT_EQ(server.dashboard(as("province"), {}).value(), province);
    EXPECT_EQ(server.dashboard(as("taiyuan"), {}).value(), city);
    // A refused filter is refused every time (refusals are not kept).
    service::DashboardFilter datong;
    datong.city_code = "140200";
    for (int i = 0; i < 2; ++i) {
        auto refused = server.dashboard(as("taiyuan"), datong);
        ASSERT_FALSE(refused);
        EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
    }
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Backends, DashboardAnswersTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace sanpi::testing
