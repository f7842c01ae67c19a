// A campaign summary as of a day before the campaign was held: the entries as they stood that day
// (rebuilt from the audit log) counted with their projects as they stood (a later correction of
// the industry does not show), marked not yet held;
// unchanged by what was entered and corrected later; refused for a day before it was created. The
// previous campaign and the conversion since earlier campaigns are those of that day too.
#include "service_fixture.hpp"

namespace sanpi::testing {
namespace {

using domain::BatchKind;

class CampaignSummaryThenTest : public ServiceTest {
protected:
    static domain::Date day(int y, int m, int d) { return domain::Date::from_ymd(y, m, d).value(); }

    domain::CampaignSummary then(std::int64_t campaign, domain::Date when) {
        auto s = campaigns().summary_as_of(as("province"), campaign, when);
        EXPECT_TRUE(s) << (s ? "" : s.error().message.en);
        return s ? **s : domain::CampaignSummary{};
    }

    static const domain::BatchSummary& start_batch(const domain::CampaignSummary& s) {
        return s.batches.at(static_cast<std::size_t>(BatchKind::kStart));
    }
};

TEST_P(CampaignSummaryThenTest, BeforeTheHoldItCountsTheEntriesAsTheyStood) {
    // Day 1 (the tests' today, 2024-01-15): a new campaign and one confirmed entry.
    const auto campaign = planned_campaign("补记测试活动", day(2023, 9, 20));
    const auto first = project_at("taiyuan-zgq", domain::Stage::kSigned);
    const auto second = project_at("datong-etdz", domain::Stage::kSigned);
    ASSERT_TRUE(campaigns().add_entry(as("province"), campaign.id, first.id, BatchKind::kStart));
    // Day 2: a second entry, and the first project's industry corrected.
    clock_.set(kTestNow + 86400);
    ASSERT_TRUE(campaigns().add_entry(as("province"), campaign.id, second.id, BatchKind::kStart));
    service::ProjectPatch corrected_industry;
    corrected_industry.industry_code = first.industry_code == "big_data" ? "new_materials" : "big_data";
    const auto version = projects().get(as("province"), first.id).value().project.version;
    auto corrected = projects().update(as("province"), first.id, version, corrected_industry);
    ASSERT_TRUE(corrected) << corrected.error().message.en
                           << (corrected.error().fields.empty() ? "" : " " + corrected.error().fields[0].field);
    // Day 3: held.
    clock_.set(kTestNow + 2 * 86400);
    ASSERT_TRUE(campaigns().hold(as("province"), campaign.id, std::nullopt));

    const auto day1 = then(campaign.id, day(2024, 1, 15));
    EXPECT_EQ(day1.campaign.status, domain::CampaignStatus::kPlanning) << "not yet held that day";
    EXPECT_EQ(day1.figures_as_of, day(2024, 1, 15));
    EXPECT_EQ(start_batch(day1).projects, 1);
    EXPECT_EQ(start_batch(day1).total_investment, first.total_investment);
    const auto industry_count = [](const domain::BatchSummary& b, const std::string& code) {
        for (const auto& line : b.by_industry) {
            if (line.industry_code == code) return line.projects;
        }
        return std::int64_t{0};
    };
    EXPECT_EQ(industry_count(start_batch(day1), first.industry_code), 1) << "the industry it had that day";
    EXPECT_EQ(industry_count(start_batch(day1), *corrected_industry.industry_code), 0);
    std::int64_t by_city = 0;
    for (const auto& c : start_batch(day1).by_city) by_city += c.projects;
    EXPECT_EQ(by_city, 1);
    ASSERT_EQ(start_batch(day1).top_projects.size(), 1u);
    EXPECT_EQ(start_batch(day1).top_projects[0].project_id, first.id);

    const auto day2 = then(campaign.id, day(2024, 1, 16));
    EXPECT_EQ(day2.campaign.status, domain::CampaignStatus::kPlanning);
    EXPECT_EQ(start_batch(day2).projects, 2);
    EXPECT_EQ(start_batch(day2).total_investment, first.total_investment + second.total_investment);
    EXPECT_EQ(industry_count(start_batch(day2), *corrected_industry.industry_code),
              second.industry_code == *corrected_industry.industry_code ? 2 : 1);

    // From the hold on: the frozen figures, the campaign held.
    const auto day3 = then(campaign.id, day(2024, 1, 17));
    EXPECT_NE(day3.campaign.status, domain::CampaignStatus::kPlanning);
    EXPECT_EQ(start_batch(day3).projects, 2);

    // The day before the campaign was created in the system: nothing to show.
    auto before = campaigns().summary_as_of(as("province"), campaign.id, day(2024, 1, 14));
    ASSERT_FALSE(before);
    EXPECT_EQ(before.error().fields.at(0).field, "as_of");

    // A withdrawal after the day changes nothing about that day.
    clock_.set(kTestNow + 3 * 86400);
    ASSERT_TRUE(campaigns().withdraw_entry(as("province"), campaign.id, second.id, BatchKind::kStart, "撤回测试"));
    EXPECT_EQ(start_batch(then(campaign.id, day(2024, 1, 16))).projects, 2);
}

TEST_P(CampaignSummaryThenTest, BeforeTheHoldThePreviousCampaignAndTheConversionAreThoseOfThatDay) {
    // Day 1: campaign A (held, one project in its sign batch), then B, planned.
    const auto a = planned_campaign("转化测试甲", day(2023, 9, 5));
    const auto signed_in_a = project_at("taiyuan-zgq", domain::Stage::kSigned);
    ASSERT_TRUE(campaigns().add_entry(as("province"), a.id, signed_in_a.id, BatchKind::kSign));
    ASSERT_TRUE(campaigns().hold(as("province"), a.id, std::nullopt));
    const auto b = planned_campaign("转化测试乙", day(2023, 9, 20));
    const auto on_day1 = campaigns().summary(as("province"), b.id).value();
    ASSERT_TRUE(on_day1.previous);
    ASSERT_EQ(on_day1.previous->id, a.id);
    ASSERT_EQ(on_day1.previous_batches.size(), 3u);
    EXPECT_EQ(on_day1.previous_batches[0].projects, 1) << "A's sign batch";
    ASSERT_LT(0, on_day1.conversion.signed_earlier) << "the demo campaign and A";

    // Day 2: A's project starts; campaign C, between A and B, enters another signed project.
    clock_.set(kTestNow + 86400);
    auto started = projects().transition(as("province"), signed_in_a.id, signed_in_a.version,
                                         {domain::Stage::kStarted, day(2024, 1, 16), "开工仪式", ""});
    ASSERT_TRUE(started) << started.error().message.en;
    const auto c = planned_campaign("转化测试丙", day(2023, 9, 10));
    const auto signed_in_c = project_at("datong-etdz", domain::Stage::kSigned);
    ASSERT_TRUE(campaigns().add_entry(as("province"), c.id, signed_in_c.id, BatchKind::kSign));
    const auto on_day2 = campaigns().summary(as("province"), b.id).value();
    ASSERT_TRUE(on_day2.previous);
    EXPECT_EQ(on_day2.previous->id, c.id);
    EXPECT_EQ(on_day2.conversion.signed_earlier, on_day1.conversion.signed_earlier + 1);
    EXPECT_EQ(on_day2.conversion.started_since, on_day1.conversion.started_since + 1);

    // Day 3: B held. Each day before reads as it did that day.
    clock_.set(kTestNow + 2 * 86400);
    ASSERT_TRUE(campaigns().hold(as("province"), b.id, std::nullopt));
    const auto same = [](const domain::CampaignSummary& was, const domain::CampaignSummary& then) {
        ASSERT_TRUE(then.previous);
        EXPECT_EQ(then.previous->id, was.previous->id);
        EXPECT_EQ(then.previous->status, was.previous->status);
        ASSERT_EQ(then.previous_batches.size(), was.previous_batches.size());
        for (std::size_t i = 0; i < was.previous_batches.size(); ++i) {
            EXPECT_EQ(then.previous_batches[i].batch, was.previous_batches[i].batch);
            EXPECT_EQ(then.previous_batches[i].projects, was.previous_batches[i].projects);
            EXPECT_EQ(then.previous_batches[i].total_investment, was.previous_batches[i].total_investment);
        }
        EXPECT_EQ(then.conversion.signed_earlier, was.conversion.signed_earlier);
        EXPECT_EQ(then.conversion.started_since, was.conversion.started_since);
        EXPECT_EQ(then.conversion.started_earlier, was.conversion.started_earlier);
        EXPECT_EQ(then.conversion.producing_since, was.conversion.producing_since);
    };
    same(on_day1, then(b.id, day(2024, 1, 15)));
    const auto day2 = then(b.id, day(2024, 1, 16));
    same(on_day2, day2);
    EXPECT_EQ(day2.previous->status, domain::CampaignStatus::kPlanning) << "C was planned";
    EXPECT_EQ(day2.previous_batches.at(0).projects, 1) << "C's entry as it stood";
    EXPECT_EQ(day2.previous_batches.at(0).total_investment, signed_in_c.total_investment);
}

INSTANTIATE_TEST_SUITE_P(Backends, CampaignSummaryThenTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
