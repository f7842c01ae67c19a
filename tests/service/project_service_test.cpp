#include "service_fixture.hpp"

#include <algorithm>

namespace sanpi::testing {
namespace {

using domain::Money;
using domain::Stage;
using service::ProjectPatch;

class ProjectServiceTest : public ServiceTest {
protected:
    // A complete, valid new project for `zone_code`.
    ProjectPatch new_project(const std::string& zone_code) {
        ProjectPatch p;
        p.name = "测试氢能装备项目";
        p.zone_id = zone(zone_code).id;
        p.industry_code = "new_energy";
        p.total_investment = Money::from_fen(5'000'000'000);
        p.annual_planned_investment = Money::from_fen(1'000'000'000);
        return p;
    }

    std::int64_t count_all() { return projects().list(as("province"), {}).value().total; }
};

TEST_P(ProjectServiceTest, ZoneUserCreatesInOwnZoneWithGeneratedCode) {
    auto created = projects().create(as("taiyuan-zgq"), new_project("taiyuan-zgq"));
    ASSERT_TRUE(created) << created.error().message.en;
    EXPECT_EQ(created->project.version, 1);
    EXPECT_EQ(created->project.stage, Stage::kReserve);
    EXPECT_EQ(created->project.code.rfind("taiyuan-zgq-", 0), 0u) << created->project.code;
    EXPECT_EQ(created->city_code, "140100");
}

// A made-up code that clashes with one already stored is made again: the second project gets the
// next suffix instead of a 409 about a code its creator never typed (a crash-test import of 200
// rows was refused so, when suffixes were six hex digits).
TEST_P(ProjectServiceTest, AGeneratedCodeThatClashesIsMadeAgain) {
    const std::vector<std::string> suffixes{"0000aaaa", "0000aaaa", "0000aaaa", "0000bbbb"};
    std::size_t next = 0;
    service::ProjectService clashing(store(), clock_, [&] { return suffixes.at(next++); });
    auto first = clashing.create(as("taiyuan-zgq"), new_project("taiyuan-zgq"));
    ASSERT_TRUE(first) << first.error().message.en;
    auto second = clashing.create(as("taiyuan-zgq"), new_project("taiyuan-zgq"));
    ASSERT_TRUE(second) << second.error().message.en;
    EXPECT_EQ(first->project.code, "taiyuan-zgq-202401-0000aaaa");
    EXPECT_EQ(second->project.code, "taiyuan-zgq-202401-0000bbbb");
    EXPECT_EQ(next, suffixes.size());
    EXPECT_EQ(projects().get(as("province"), second->project.id)->project.code, second->project.code);

    // A code the caller gives is never changed: its clash is the caller's 409.
    auto typed = new_project("taiyuan-zgq");
    typed.code = first->project.code;
    const auto before = count_all();
    auto refused = projects().create(as("taiyuan-zgq"), typed);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
    ASSERT_FALSE(refused.error().fields.empty());
    EXPECT_EQ(refused.error().fields[0].field, "code");
    EXPECT_EQ(count_all(), before);
}
TEST_P(ProjectServiceTest, ZoneUserCannotCreateInAnotherZone) {
    const auto before = count_all();
    auto created = projects().create(as("taiyuan-zgq"), new_project("datong-etdz"));
    ASSERT_FALSE(created);
    EXPECT_EQ(created.error().code, ErrorCode::kInvalidInput);
    ASSERT_FALSE(created.error().fields.empty());
    EXPECT_EQ(created.error().fields[0].field, "zone_id");
    EXPECT_EQ(count_all(), before);
}

TEST_P(ProjectServiceTest, ReadOnlyRolesCannotWrite) {
    for (const char* who : {"viewer", "supervisor", "taiyuan"}) {
        auto created = projects().create(as(who), new_project("taiyuan-zgq"));
        ASSERT_FALSE(created) << who;
        EXPECT_EQ(created.error().code, ErrorCode::kForbidden) << who;
    }
}

TEST_P(ProjectServiceTest, InvalidProjectReportsEveryFieldAndWritesNothing) {
    const auto before = count_all();
    ProjectPatch p = new_project("taiyuan-zgq");
    p.name = "";
    p.industry_code = "no_such_industry";
    p.annual_planned_investment = Money::from_fen(9'000'000'000);  // more than the total
    auto created = projects().create(as("province"), p);
    ASSERT_FALSE(created);
    std::vector<std::string> fields;
    for (const auto& f : created.error().fields) fields.push_back(f.field);
    EXPECT_NE(std::find(fields.begin(), fields.end(), "name"), fields.end());
    EXPECT_NE(std::find(fields.begin(), fields.end(), "industry"), fields.end());
    EXPECT_NE(std::find(fields.begin(), fields.end(), "annual_planned_investment"), fields.end());
    EXPECT_EQ(count_all(), before);
}

TEST_P(ProjectServiceTest, StaleVersionConflictsAndChangesNothing) {
    auto created = projects().create(as("province"), new_project("datong-etdz")).value();
    ProjectPatch rename;
    rename.name = "第一次修改";
    auto first = projects().update(as("province"), created.project.id, 1, rename);
    ASSERT_TRUE(first) << first.error().message.en;
    EXPECT_EQ(first->project.version, 2);
    rename.name = "基于旧版本的修改";
    auto stale = projects().update(as("province"), created.project.id, 1, rename);
    ASSERT_FALSE(stale);
    EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
    auto now = projects().get(as("province"), created.project.id).value();
    EXPECT_EQ(now.project.name, "第一次修改");
    EXPECT_EQ(now.project.version, 2);
}

TEST_P(ProjectServiceTest, StageMovesAreRecordedInHistory) {
    auto created = projects().create(as("province"), new_project("datong-etdz")).value();
    ProjectPatch start;
    start.stage_move = domain::StageMove{Stage::kStarted, domain::Date::from_ymd(2023, 5, 1).value(), std::nullopt};
    auto started = projects().update(as("province"), created.project.id, 1, start);
    ASSERT_TRUE(started) << started.error().message.en;
    EXPECT_EQ(started->project.stage, Stage::kStarted);
    EXPECT_EQ(started->project.actual.start->iso(), "2023-05-01");
    EXPECT_EQ(started->project.actual.sign->iso(), "2023-05-01");
    auto history = projects().history(as("province"), created.project.id);
    ASSERT_TRUE(history);
    ASSERT_EQ(history->size(), 1u);
    EXPECT_EQ((*history)[0].to_stage, Stage::kStarted);
}

TEST_P(ProjectServiceTest, FutureStageDateIsRejected) {
    auto created = projects().create(as("province"), new_project("datong-etdz")).value();
    ProjectPatch start;
    start.stage_move = domain::StageMove{Stage::kSigned, clock_.today().add_days(1), std::nullopt};
    auto r = projects().update(as("province"), created.project.id, 1, start);
    ASSERT_FALSE(r);
    ASSERT_FALSE(r.error().fields.empty());
    EXPECT_EQ(r.error().fields[0].field, "stage_date");
    EXPECT_EQ(projects().get(as("province"), created.project.id).value().project.version, 1);
}

TEST_P(ProjectServiceTest, OtherZonesProjectsAreInvisible) {
    auto theirs = projects().create(as("province"), new_project("datong-etdz")).value();
    auto got = projects().get(as("taiyuan-zgq"), theirs.project.id);
    ASSERT_FALSE(got);
    EXPECT_EQ(got.error().code, ErrorCode::kNotFound);
    ProjectPatch rename;
    rename.name = "越权修改";
    auto upd = projects().update(as("taiyuan-zgq"), theirs.project.id, 1, rename);
    ASSERT_FALSE(upd);
    EXPECT_EQ(upd.error().code, ErrorCode::kNotFound);
    auto history = projects().history(as("taiyuan"), theirs.project.id);
    ASSERT_FALSE(history);
    EXPECT_EQ(history.error().code, ErrorCode::kNotFound);

    const auto own_zone = zone("taiyuan-zgq").id;
    store::ProjectQuery q;
    q.limit = 500;
    auto page = projects().list(as("taiyuan-zgq"), q).value();
    EXPECT_GT(page.total, 0);
    for (const auto& v : page.items) EXPECT_EQ(v.project.zone_id, own_zone);
    auto city = projects().list(as("taiyuan"), q).value();
    for (const auto& v : city.items) EXPECT_EQ(v.city_code, "140100");
}

INSTANTIATE_TEST_SUITE_P(Backends, ProjectServiceTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
