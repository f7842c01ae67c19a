// A campaign's life through the service on both backends: created and edited by the province,
// entries proposed by zones and confirmed by cities, the stage machine as of the event date,
// double counting across campaigns, holding (stage moves, locks, frozen figures), withdrawals and
// corrections behind a counted batch.
#include "service/figures_check.hpp"
#include "service_fixture.hpp"

namespace sanpi::testing {
namespace {

using domain::BatchKind;
using domain::CampaignStatus;
using domain::Date;
using domain::EntryStatus;
using domain::Stage;

Date on(int y, int m, int d) { return Date::from_ymd(y, m, d).value(); }

class CampaignWorkflowTest : public ServiceTest {
protected:
    std::int64_t batch_projects(std::int64_t campaign_id, BatchKind batch, const std::string& user = "province") {
        return campaigns().summary(as(user), campaign_id).value().batches[static_cast<std::size_t>(batch)].projects;
    }

    void expect_figures_equal_a_recount() {
        auto check = service::check_figures(store());
        ASSERT_TRUE(check);
        EXPECT_TRUE(check->equal()) << check->batch_rows << " batch rows, " << check->campaign_industry_rows
                                    << " industry rows, " << check->stale_entries << " stale entries";
    }
};

TEST_P(CampaignWorkflowTest, TheDemoCampaignIsHeldWithItsThreeBatchesEnteredThroughTheRules) {
    const auto c = campaigns().get(as("viewer"), demo_.campaign_id).value();
    EXPECT_EQ(c.status, CampaignStatus::kHeld);
    EXPECT_EQ(c.year, 2022);
    EXPECT_EQ(c.sequence, 2);
    EXPECT_EQ(batch_projects(c.id, BatchKind::kSign), 321);
    EXPECT_EQ(batch_projects(c.id, BatchKind::kStart), 302);
    EXPECT_EQ(batch_projects(c.id, BatchKind::kProduce), 189);
    expect_figures_equal_a_recount();
}

TEST_P(CampaignWorkflowTest, CreatingChecksEveryFieldAndNumbersTheCampaignsOfAYear) {
    service::CampaignDraft bad;
    bad.name = "";
    bad.date = on(2023, 9, 20);
    bad.year = 2022;
    bad.venues = std::vector<domain::Venue>{{"主会场", "140000", true}, {"", "999999", true}};
    auto refused = campaigns().create(as("province"), bad);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::kInvalidInput);
    std::set<std::string> fields;
    for (const auto& f : refused.error().fields) fields.insert(f.field);
    EXPECT_EQ(fields, (std::set<std::string>{"name", "year", "venues[1].name", "venues[1].main"}));

    service::CampaignDraft unknown_region;
    unknown_region.name = "区划错误";
    unknown_region.date = on(2023, 9, 20);
    unknown_region.venues = std::vector<domain::Venue>{{"分会场", "149900", false}};
    auto no_region = campaigns().create(as("province"), unknown_region);
    ASSERT_FALSE(no_region);
    EXPECT_EQ(no_region.error().fields.at(0).field, "venues[0].region_code");

    service::CampaignDraft missing;
    auto none = campaigns().create(as("province"), missing);
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().fields.size(), 2u);  // name and date

    const auto first = planned_campaign("2023年第一次活动", on(2023, 4, 1));
    const auto second = planned_campaign("2023年第二次活动", on(2023, 9, 20));
    EXPECT_EQ(first.year, 2023);
    EXPECT_EQ(first.sequence, 1);
    EXPECT_EQ(second.sequence, 2);
    EXPECT_EQ(second.status, CampaignStatus::kPlanning);
    service::CampaignDraft same_name;
    same_name.name = "2023年第一次活动";
    same_name.date = on(2023, 11, 1);
    auto dup = campaigns().create(as("province"), same_name);
    ASSERT_FALSE(dup);
    EXPECT_EQ(dup.error().code, ErrorCode::kConflict);
    EXPECT_EQ(dup.error().fields.at(0).field, "name");
}

TEST_P(CampaignWorkflowTest, AZoneProposesItsOwnProjectsAndItsCityConfirmsThem) {
    const auto campaign = planned_campaign("第三次活动", on(2023, 9, 20));
    const auto mine = project_at("taiyuan-zgq", Stage::kSigned);
    const auto other = project_at("datong-etdz", Stage::kSigned);

    auto foreign = campaigns().add_entry(as("taiyuan-zgq"), campaign.id, other.id, BatchKind::kStart);
    ASSERT_FALSE(foreign);
    EXPECT_EQ(foreign.error().code, ErrorCode::kNotFound);

    auto proposed = campaigns().add_entry(as("taiyuan-zgq"), campaign.id, mine.id, BatchKind::kStart);
    ASSERT_TRUE(proposed) << proposed.error().message.en;
    EXPECT_EQ(proposed->entry.status, EntryStatus::kProposed);
    EXPECT_EQ(batch_projects(campaign.id, BatchKind::kStart), 0);  // official figures: confirmed only

    auto by_other_city = campaigns().confirm_entry(as("datong"), campaign.id, mine.id, BatchKind::kStart);
    ASSERT_FALSE(by_other_city);
    EXPECT_EQ(by_other_city.error().code, ErrorCode::kNotFound);
    auto by_zone = campaigns().confirm_entry(as("taiyuan-zgq"), campaign.id, mine.id, BatchKind::kStart);
    ASSERT_FALSE(by_zone);
    EXPECT_EQ(by_zone.error().code, ErrorCode::kForbidden);

    auto confirmed = campaigns().confirm_entry(as("taiyuan"), campaign.id, mine.id, BatchKind::kStart);
    ASSERT_TRUE(confirmed) << confirmed.error().message.en;
    EXPECT_EQ(confirmed->entry.status, EntryStatus::kConfirmed);
    EXPECT_EQ(batch_projects(campaign.id, BatchKind::kStart), 1);
    EXPECT_EQ(batch_projects(campaign.id, BatchKind::kStart, "datong"), 0);
    auto again = campaigns().confirm_entry(as("taiyuan"), campaign.id, mine.id, BatchKind::kStart);
    EXPECT_EQ(again.error().code, ErrorCode::kConflict);

    // The zone can no longer take a confirmed entry out; its city can.
    auto zone_removes = campaigns().remove_entry(as("taiyuan-zgq"), campaign.id, mine.id, BatchKind::kStart);
    EXPECT_EQ(zone_removes.error().code, ErrorCode::kForbidden);
    ASSERT_TRUE(campaigns().remove_entry(as("taiyuan"), campaign.id, mine.id, BatchKind::kStart));
    EXPECT_EQ(batch_projects(campaign.id, BatchKind::kStart), 0);
    expect_figures_equal_a_recount();
}

TEST_P(CampaignWorkflowTest, TheStageMachineDecidesAsOfTheEventDate) {
    const auto campaign = planned_campaign("第三次活动", on(2023, 9, 20));
    const auto reserve = project_at("taiyuan-zgq", Stage::kReserve);
    auto not_signed = campaigns().add_entry(as("province"), campaign.id, reserve.id, BatchKind::kStart);
    ASSERT_FALSE(not_signed);
    EXPECT_EQ(not_signed.error().code, ErrorCode::kInvalidInput);
    EXPECT_EQ(not_signed.error().fields.at(0).field, "batch");

    // Signed after the event: it was not signed by then.
    const auto early = planned_campaign("早先的活动", on(2020, 1, 10));
    const auto signed_project = project_at("taiyuan-zgq", Stage::kSigned);
    ASSERT_TRUE(signed_project.actual.sign);
    ASSERT_LT(on(2020, 1, 10), *signed_project.actual.sign);
    for (auto batch : {BatchKind::kSign, BatchKind::kStart}) {
        auto late = campaigns().add_entry(as("province"), early.id, signed_project.id, batch);
        ASSERT_FALSE(late);
        EXPECT_EQ(late.error().fields.at(0).field, "batch");
    }
    auto fine = campaigns().add_entry(as("province"), campaign.id, signed_project.id, BatchKind::kStart);
    EXPECT_TRUE(fine) << fine.error().message.en;
    expect_figures_equal_a_recount();
}

TEST_P(CampaignWorkflowTest, HoldingMovesStagesOnTheEventDayLocksEntriesAndFreezesTheFigures) {
    auto future = planned_campaign("未来的活动", on(2024, 6, 1));  // the tests' today is 2024-01-15
    auto too_early = campaigns().hold(as("province"), future.id, std::nullopt);
    ASSERT_FALSE(too_early);
    EXPECT_EQ(too_early.error().fields.at(0).field, "date");

    const auto campaign = planned_campaign("第三次活动", on(2023, 9, 20));
    const auto signed_project = project_at("taiyuan-zgq", Stage::kSigned);
    const auto proposal = project_at("taiyuan-zgq", Stage::kReserve);
    ASSERT_TRUE(campaigns().add_entry(as("province"), campaign.id, signed_project.id, BatchKind::kStart));
    ASSERT_TRUE(campaigns().add_entry(as("taiyuan-zgq"), campaign.id, proposal.id, BatchKind::kSign));
    auto pending = campaigns().hold(as("province"), campaign.id, std::nullopt);
    ASSERT_FALSE(pending);
    EXPECT_EQ(pending.error().code, ErrorCode::kConflict);
    EXPECT_EQ(campaigns().get(as("province"), campaign.id).value().status, CampaignStatus::kPlanning);
    ASSERT_TRUE(campaigns().confirm_entry(as("taiyuan"), campaign.id, proposal.id, BatchKind::kSign));

    auto by_city = campaigns().hold(as("taiyuan"), campaign.id, std::nullopt);
    EXPECT_EQ(by_city.error().code, ErrorCode::kForbidden);
    auto stale = campaigns().hold(as("province"), campaign.id, campaign.version - 1);
    EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
    auto held = campaigns().hold(as("province"), campaign.id, std::nullopt);
    ASSERT_TRUE(held) << held.error().message.en;
    EXPECT_EQ(held->status, CampaignStatus::kHeld);
    EXPECT_EQ(held->held_on, on(2024, 1, 15));
    const auto started = projects().get(as("province"), signed_project.id).value().project;
    EXPECT_EQ(started.stage, Stage::kStarted);
    EXPECT_EQ(started.actual.start, on(2023, 9, 20));
    EXPECT_EQ(projects().get(as("province"), proposal.id).value().project.actual.sign, on(2023, 9, 20));

    // Locked: no entries, no edits, no second hold.
    const auto another = project_at("taiyuan-zgq", Stage::kSigned);
    auto locked = campaigns().add_entry(as("province"), campaign.id, another.id, BatchKind::kStart);
    EXPECT_EQ(locked.error().code, ErrorCode::kConflict);
    auto removed = campaigns().remove_entry(as("province"), campaign.id, proposal.id, BatchKind::kSign);
    EXPECT_EQ(removed.error().code, ErrorCode::kConflict);
    service::CampaignDraft rename;
    rename.name = "改名";
    auto edited = campaigns().update(as("province"), campaign.id, held->version, rename);
    EXPECT_EQ(edited.error().code, ErrorCode::kConflict);
    EXPECT_EQ(campaigns().hold(as("province"), campaign.id, std::nullopt).error().code, ErrorCode::kConflict);

    // Frozen: the project's investment changes, the campaign's figures do not; the changes show it.
    const auto before = campaigns().summary(as("province"), campaign.id).value().batches[1].total_investment;
    service::ProjectPatch bigger;
    bigger.total_investment = domain::Money::from_fen(started.total_investment.fen() + 100'000'000'00);
    bigger.funding = domain::FundingBreakdown{};  // the old breakdown no longer adds up
    auto updated = projects().update(as("province"), started.id, started.version, bigger);
    ASSERT_TRUE(updated) << updated.error().message.en << " " << (updated.error().fields.empty() ? "" : updated.error().fields[0].field);
    EXPECT_EQ(campaigns().summary(as("province"), campaign.id).value().batches[1].total_investment, before);
    const auto changes = campaigns().changes(as("province"), campaign.id).value();
    EXPECT_EQ(changes.changed, 1);
    ASSERT_EQ(changes.entries.size(), 1u);
    EXPECT_EQ(changes.entries[0].entry.project_id, started.id);
    EXPECT_EQ(changes.batches[1].investment_counted, before);
    EXPECT_EQ(changes.batches[1].investment_now.fen(), before.fen() + 100'000'000'00);
    EXPECT_EQ(campaigns().changes(as("province"), future.id).error().code, ErrorCode::kConflict);
    expect_figures_equal_a_recount();

    auto closed = campaigns().close(as("province"), campaign.id, std::nullopt);
    ASSERT_TRUE(closed);
    EXPECT_EQ(closed->status, CampaignStatus::kClosed);
}

TEST_P(CampaignWorkflowTest, APlannedCampaignsEntriesFollowTheirProjectUntilItIsHeld) {
    const auto campaign = planned_campaign("第三次活动", on(2023, 9, 20));
    const auto p = project_at("taiyuan-zgq", Stage::kSigned);
    ASSERT_TRUE(campaigns().add_entry(as("province"), campaign.id, p.id, BatchKind::kStart));
    service::ProjectPatch bigger;
    bigger.total_investment = domain::Money::from_fen(p.total_investment.fen() + 5'000'000'00);
    bigger.funding = domain::FundingBreakdown{};  // the old breakdown no longer adds up
    ASSERT_TRUE(projects().update(as("province"), p.id, p.version, bigger));
    EXPECT_EQ(campaigns().summary(as("province"), campaign.id).value().batches[1].total_investment,
              *bigger.total_investment);
    expect_figures_equal_a_recount();
}

TEST_P(CampaignWorkflowTest, ACorrectionBehindACountedBatchWaitsForTheEntryToBeWithdrawn) {
    const auto campaign = planned_campaign("第三次活动", on(2023, 9, 20));
    const auto p = project_at("taiyuan-zgq", Stage::kSigned);
    ASSERT_TRUE(campaigns().add_entry(as("province"), campaign.id, p.id, BatchKind::kStart));
    ASSERT_TRUE(campaigns().hold(as("province"), campaign.id, std::nullopt));
    const auto started = projects().get(as("province"), p.id).value().project;
    ASSERT_EQ(started.stage, Stage::kStarted);

    const service::TransitionRequest back{Stage::kSigned, on(2023, 9, 20), "", "开工日期填报错误"};
    auto refused = projects().transition(as("province"), p.id, started.version, back);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
    EXPECT_EQ(refused.error().fields.at(0).field, "to");
    EXPECT_NE(refused.error().message.zh.find("第三次活动"), std::string::npos);
    EXPECT_EQ(projects().get(as("province"), p.id).value().project.stage, Stage::kStarted);

    auto no_reason = campaigns().withdraw_entry(as("province"), campaign.id, p.id, BatchKind::kStart, "");
    EXPECT_EQ(no_reason.error().fields.at(0).field, "reason");
    auto by_city = campaigns().withdraw_entry(as("taiyuan"), campaign.id, p.id, BatchKind::kStart, "误报");
    EXPECT_EQ(by_city.error().code, ErrorCode::kForbidden);
    auto withdrawn = campaigns().withdraw_entry(as("province"), campaign.id, p.id, BatchKind::kStart, "开工日期误报");
    ASSERT_TRUE(withdrawn) << withdrawn.error().message.en;
    EXPECT_EQ(withdrawn->entry.status, EntryStatus::kWithdrawn);
    EXPECT_EQ(batch_projects(campaign.id, BatchKind::kStart), 1);  // the published figure stands

    auto corrected = projects().transition(as("province"), p.id, started.version, back);
    ASSERT_TRUE(corrected) << corrected.error().message.en;
    EXPECT_EQ(corrected->project.stage, Stage::kSigned);
    const auto changes = campaigns().changes(as("province"), campaign.id).value();
    EXPECT_EQ(changes.batches[1].projects_counted, 1);
    EXPECT_EQ(changes.batches[1].projects_now, 0);

    // Withdrawn, it no longer blocks the project: a later campaign may count it.
    const auto later = planned_campaign("第四次活动", on(2023, 12, 1));
    auto again = campaigns().add_entry(as("province"), later.id, p.id, BatchKind::kStart);
    EXPECT_TRUE(again) << again.error().message.en;
    expect_figures_equal_a_recount();
}

TEST_P(CampaignWorkflowTest, MovingThePlannedDateRechecksTheEntries) {
    const auto campaign = planned_campaign("第三次活动", on(2023, 9, 20));
    const auto p = project_at("taiyuan-zgq", Stage::kSigned);
    ASSERT_TRUE(campaigns().add_entry(as("province"), campaign.id, p.id, BatchKind::kStart));
    service::CampaignDraft earlier;
    earlier.date = on(2019, 1, 1);
    auto refused = campaigns().update(as("province"), campaign.id, campaign.version, earlier);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
    EXPECT_EQ(refused.error().fields.at(0).field, "entries[" + std::to_string(p.id) + "].start");

    service::CampaignDraft later;
    later.date = on(2023, 10, 8);
    later.venues = std::vector<domain::Venue>{{"主会场", "140000", true}, {"太原市分会场", "140100", false}};
    auto moved = campaigns().update(as("province"), campaign.id, campaign.version, later);
    ASSERT_TRUE(moved) << moved.error().message.en;
    EXPECT_EQ(moved->date, on(2023, 10, 8));
    EXPECT_EQ(moved->venues.size(), 2u);
    EXPECT_EQ(moved->version, campaign.version + 1);
    auto stale = campaigns().update(as("province"), campaign.id, campaign.version, later);
    EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
}

// The summary's parts for leaders and the bulletin, from the kept size bands, the investment index
// and the earlier campaigns.
TEST_P(CampaignWorkflowTest, TheSummaryHasSizeBandsLargestProjectsThePreviousCampaignAndTheConversion) {
    const auto demo = campaigns().summary(as("province"), demo_.campaign_id).value();
    EXPECT_FALSE(demo.previous);
    EXPECT_EQ(demo.conversion.signed_earlier, 0);
    for (const auto& batch : demo.batches) {
        ASSERT_EQ(batch.size_bands.size(), 4u);
        std::int64_t last = batch.projects;
        for (const auto& band : batch.size_bands) {
            EXPECT_LE(band.projects, last);
            last = band.projects;
        }
        EXPECT_GT(batch.size_bands[0].projects, 0);
        ASSERT_EQ(batch.top_projects.size(), 10u);
        for (std::size_t i = 1; i < batch.top_projects.size(); ++i) {
            EXPECT_GE(batch.top_projects[i - 1].investment, batch.top_projects[i].investment);
        }
        EXPECT_FALSE(batch.top_projects[0].city_name.empty());
        EXPECT_FALSE(batch.top_projects[0].industry_name.empty());
    }
    // A city sees its own projects only.
    const auto city = campaigns().summary(as("taiyuan"), demo_.campaign_id).value();
    for (const auto& batch : city.batches) {
        for (const auto& t : batch.top_projects) EXPECT_EQ(t.city_code, "140100");
        EXPECT_LE(batch.size_bands[0].projects, batch.projects);
    }

    // One project the demo counted as signed has started since.
    const auto signed_at_demo = demo.batches[0].top_projects[0].project_id;
    const auto before = projects().get(as("province"), signed_at_demo).value().project;
    ASSERT_EQ(before.stage, Stage::kSigned);
    auto moved = projects().transition(as("province"), signed_at_demo, before.version,
                                       {Stage::kStarted, on(2023, 3, 1), "开工仪式", ""});
    ASSERT_TRUE(moved) << moved.error().message.en;

    const auto next = planned_campaign("第三次活动", on(2023, 9, 20));
    const auto summary = campaigns().summary(as("province"), next.id).value();
    ASSERT_TRUE(summary.previous);
    EXPECT_EQ(summary.previous->id, demo_.campaign_id);
    ASSERT_EQ(summary.previous_batches.size(), 3u);
    EXPECT_EQ(summary.previous_batches[0].projects, 321);
    EXPECT_EQ(summary.conversion.signed_earlier, 321);
    EXPECT_EQ(summary.conversion.started_earlier, 302);
    EXPECT_EQ(summary.conversion.started_since, 1);  // the demo's signed projects stayed signed but this one
    EXPECT_EQ(summary.conversion.producing_since, 0);
    EXPECT_EQ(summary.figures_as_of, on(2024, 1, 15));  // planned: as of today
    EXPECT_EQ(demo.figures_as_of, *campaigns().get(as("province"), demo_.campaign_id).value().held_on);
}

INSTANTIATE_TEST_SUITE_P(Backends, CampaignWorkflowTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
