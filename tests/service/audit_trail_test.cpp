// Every project and campaign write appends exactly one audit entry, in the same transaction, with
// each changed field's before -> after; a refused write appends nothing.
#include "audit_fixture.hpp"

namespace sanpi::testing {
namespace {

using domain::Date;
using domain::Money;
using domain::Stage;

Date day(int y, int m, int d) { return Date::from_ymd(y, m, d).value(); }

class ProjectAuditTest : public AuditTest {
protected:
    service::ProjectPatch new_project() {
        service::ProjectPatch p;
        p.name = "测试氢能装备项目";
        p.zone_id = zone("taiyuan-zgq").id;
        p.industry_code = "new_energy";
        p.total_investment = Money::from_fen(5'000'000'000);
        return p;
    }
    std::int64_t create() { return projects().create(as("taiyuan-zgq"), new_project()).value().project.id; }

    std::int64_t reserve_project() {
        store::ProjectQuery q;
        q.stage = Stage::kReserve;
        q.status = domain::ProjectStatus::kActive;
        return projects().list(as("province"), q).value().items.at(0).project.id;
    }
};

TEST_P(ProjectAuditTest, CreateRecordsWhoWhenAndEveryFieldSet) {
    const auto seq = head_seq();
    const auto who = as("taiyuan-zgq");
    const auto created = projects().create(who, new_project()).value();
    const auto e = only_entry_after(seq);
    EXPECT_EQ(e.seq, seq + 1);
    EXPECT_EQ(e.action, "project.create");
    EXPECT_EQ(e.entity_type, "project");
    EXPECT_EQ(e.entity_id, created.project.id);
    EXPECT_EQ(e.actor_id, who.user.id);
    EXPECT_EQ(e.actor_name, "taiyuan-zgq");
    EXPECT_EQ(e.at, kTestNow);
    EXPECT_EQ(change_of(e, "name"), change("name", std::nullopt, "测试氢能装备项目"));
    EXPECT_EQ(change_of(e, "total_investment"), change("total_investment", std::nullopt, "50000000"));
    EXPECT_EQ(change_of(e, "code"), change("code", std::nullopt, created.project.code));
    EXPECT_EQ(change_of(e, "stage"), change("stage", std::nullopt, "reserve"));
    EXPECT_FALSE(change_of(e, "construction_content")) << "fields left empty are not listed";
    EXPECT_FALSE(change_of(e, "planned.start"));
}

TEST_P(ProjectAuditTest, UpdateRecordsOnlyTheChangedFieldsBeforeAndAfter) {
    const auto id = create();
    const auto seq = head_seq();
    service::ProjectPatch patch;
    patch.expected_jobs = 150;
    patch.planned_start = std::optional<Date>(day(2024, 3, 1));
    patch.name = "测试氢能装备项目";  // unchanged
    ASSERT_TRUE(projects().update(as("province"), id, 1, patch));
    const auto e = only_entry_after(seq);
    EXPECT_EQ(e.action, "project.update");
    EXPECT_EQ(e.actor_name, "province");
    EXPECT_EQ(e.changes, (std::vector<domain::FieldChange>{change("expected_jobs", "0", "150"),
                                                           change("planned.start", std::nullopt, "2024-03-01")}));
}

TEST_P(ProjectAuditTest, TransitionRecordsTheMoveAndItsEvidence) {
    const auto id = create();
    const auto seq = head_seq();
    ASSERT_TRUE(projects().transition(as("taiyuan-zgq"), id, 1, {Stage::kSigned, day(2023, 6, 1), "签约仪式", ""}));
    const auto e = only_entry_after(seq);
    EXPECT_EQ(e.action, "project.transition");
    EXPECT_EQ(e.changes, (std::vector<domain::FieldChange>{change("actual.sign", std::nullopt, "2023-06-01"),
                                                           change("stage", "reserve", "signed"),
                                                           change("stage_reason", std::nullopt, "签约仪式")}));
    const auto suspended = head_seq();
    ASSERT_TRUE(projects().transition(as("taiyuan-zgq"), id, 2,
                                      {domain::ProjectStatus::kSuspended, day(2023, 7, 1), "", "资金未到位"}));
    const auto s = only_entry_after(suspended);
    EXPECT_EQ(change_of(s, "status"), change("status", "active", "suspended"));
    EXPECT_EQ(change_of(s, "status_reason"), change("status_reason", std::nullopt, "资金未到位"));
}

TEST_P(ProjectAuditTest, RefusedWritesAppendNothing) {
    const auto id = create();
    const auto seq = head_seq();
    service::ProjectPatch rename;
    rename.name = "新名称";
    EXPECT_EQ(projects().update(as("province"), id, 7, rename).error().code, ErrorCode::kConflict);
    EXPECT_EQ(projects().update(as("datong-etdz"), id, 1, rename).error().code, ErrorCode::kNotFound);
    EXPECT_EQ(projects().update(as("viewer"), id, 1, rename).error().code, ErrorCode::kForbidden);
    auto invalid = new_project();
    invalid.name = "";
    EXPECT_EQ(projects().create(as("province"), invalid).error().code, ErrorCode::kInvalidInput);
    auto future = projects().transition(as("taiyuan-zgq"), id, 1, {Stage::kStarted, day(2099, 1, 1), "", ""});
    EXPECT_EQ(future.error().code, ErrorCode::kInvalidInput);
    EXPECT_EQ(head_seq(), seq);
    EXPECT_TRUE(entries_after(seq).empty());
}

TEST_P(ProjectAuditTest, CampaignEntryAndTheHoldsMoveAreRecordedOnTheProject) {
    const auto id = reserve_project();
    const auto province = as("province");
    service::CampaignDraft draft;
    draft.name = "第三次活动";
    draft.date = day(2023, 9, 20);
    const auto campaign = campaigns().create(province, draft).value();
    const auto seq = head_seq();
    ASSERT_TRUE(campaigns().add_entry(province, campaign.id, id, domain::BatchKind::kSign));
    const auto e = only_entry_after(seq);
    EXPECT_EQ(e.action, "campaign.entry_add");
    EXPECT_EQ(e.entity_type, "project");
    EXPECT_EQ(e.entity_id, id);
    EXPECT_EQ(e.actor_name, "province");
    EXPECT_EQ(change_of(e, "campaign_entry.sign"),
              change("campaign_entry.sign", std::nullopt, std::to_string(campaign.id)));
    EXPECT_EQ(change_of(e, "campaign_entry.sign.status"),
              change("campaign_entry.sign.status", std::nullopt, "confirmed"));

    const auto after = head_seq();
    auto twice = campaigns().add_entry(province, campaign.id, id, domain::BatchKind::kSign);
    EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
    auto by_viewer = campaigns().add_entry(as("viewer"), campaign.id, id, domain::BatchKind::kStart);
    EXPECT_EQ(by_viewer.error().code, ErrorCode::kForbidden);
    EXPECT_EQ(head_seq(), after);

    ASSERT_TRUE(campaigns().hold(province, campaign.id, std::nullopt));
    const auto held = entries_after(after);
    ASSERT_EQ(held.size(), 2u);
    EXPECT_EQ(held[0].action, "campaign.stage_move");
    EXPECT_EQ(held[0].entity_id, id);
    EXPECT_EQ(change_of(held[0], "stage"), change("stage", "reserve", "signed"));
    EXPECT_EQ(change_of(held[0], "actual.sign"), change("actual.sign", std::nullopt, "2023-09-20"));
    EXPECT_EQ(held[1].action, "campaign.hold");
    EXPECT_EQ(change_of(held[1], "status"), change("status", "planning", "held"));
}

TEST_P(ProjectAuditTest, TheChainStaysIntactAcrossWrites) {
    const auto id = create();
    service::ProjectPatch patch;
    patch.expected_jobs = 10;
    ASSERT_TRUE(projects().update(as("province"), id, 1, patch));
    const auto result = verify();
    EXPECT_FALSE(result.broken) << result.broken->message.en;
    EXPECT_EQ(result.verified, head_seq());
}

INSTANTIATE_TEST_SUITE_P(Backends, ProjectAuditTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
