#include "store/store_fixture.hpp"

namespace sanpi::store_test {
namespace {

using domain::Scope;

class StoreProjectsTest : public StoreTest {
protected:
    void SetUp() override {
        StoreTest::SetUp();
        w_ = seed();
    }

    domain::Project full_project() {
        auto p = make_project("SX2022-140100-0001", w_.taiyuan_zone, {w_.steel_corp, w_.coal_corp}, "coal_chemical");
        p.chain_node_id = 42;
        p.planned.production = date(2023, 6, 30);
        p.planned.capacity = date(2024, 12, 31);
        p.actual.start = date(2022, 6, 22);
        p.stage = domain::Stage::kStarted;
        p.status = domain::ProjectStatus::kSuspended;
        p.expected_output_value = domain::Money::from_fen(5'000'000'000);
        p.expected_tax = domain::Money::from_fen(123'456'789);
        p.expected_jobs = 850;
        p.land_area_centimu = 12'345;
        p.tags = {"provincial_key", "new_infrastructure"};
        p.synthetic = false;
        return p;
    }

    World w_;
};

TEST_P(StoreProjectsTest, InsertedProjectReadsBackWithEveryField) {
    const auto p = full_project();
    const auto id = add_project(p);
    auto view = get_project(Scope::all(), id);
    ASSERT_TRUE(view);
    auto expected = p;
    expected.id = id;
    expected.version = 1;
    const auto& got = view->project;
    EXPECT_EQ(got.id, id);
    EXPECT_EQ(got.code, expected.code);
    EXPECT_EQ(got.name, expected.name);
    EXPECT_EQ(got.zone_id, expected.zone_id);
    EXPECT_EQ(got.investor_ids, expected.investor_ids);
    EXPECT_EQ(got.industry_code, expected.industry_code);
    EXPECT_EQ(got.chain_node_id, expected.chain_node_id);
    EXPECT_EQ(got.total_investment, expected.total_investment);
    EXPECT_EQ(got.construction_content, expected.construction_content);
    EXPECT_EQ(got.planned, expected.planned);
    EXPECT_EQ(got.actual, expected.actual);
    EXPECT_EQ(got.stage, expected.stage);
    EXPECT_EQ(got.status, expected.status);
    EXPECT_EQ(got.annual_planned_investment, expected.annual_planned_investment);
    EXPECT_EQ(got.expected_output_value, expected.expected_output_value);
    EXPECT_EQ(got.expected_tax, expected.expected_tax);
    EXPECT_EQ(got.expected_jobs, expected.expected_jobs);
    EXPECT_EQ(got.land_area_centimu, expected.land_area_centimu);
    EXPECT_EQ(got.responsible_unit, expected.responsible_unit);
    EXPECT_EQ(got.responsible_post, expected.responsible_post);
    EXPECT_EQ(got.tags, expected.tags);
    EXPECT_EQ(got.synthetic, expected.synthetic);
    EXPECT_EQ(got.version, 1);
}

TEST_P(StoreProjectsTest, ViewResolvesZoneCityAndInvestorNamesInOrder) {
    const auto id = add_project(make_project("P-1", w_.xiaodian_zone, {w_.steel_corp, w_.coal_corp}));
    auto view = get_project(Scope::all(), id);
    ASSERT_TRUE(view);
    EXPECT_EQ(view->zone_name, "TY-XD开发区");
    EXPECT_EQ(view->region_code, "140105");
    EXPECT_EQ(view->city_code, "140100");
    EXPECT_EQ(view->investor_names, (std::vector<std::string>{"太钢不锈", "Shanxi Coal Chemical Group"}));
}

TEST_P(StoreProjectsTest, FindByCodeReturnsTheProjectWithInvestors) {
    const auto id = add_project(make_project("P-1", w_.taiyuan_zone, {w_.coal_corp}));
    auto found = read<std::optional<domain::Project>>([](store::Tx& tx) { return tx.find_project_by_code("P-1"); });
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, id);
    EXPECT_EQ(found->investor_ids, std::vector<std::int64_t>{w_.coal_corp});
    EXPECT_FALSE(read<std::optional<domain::Project>>([](store::Tx& tx) { return tx.find_project_by_code("P-2"); }));
    EXPECT_FALSE(get_project(Scope::all(), id + 100));
}

TEST_P(StoreProjectsTest, UpdateBumpsVersionAndReplacesInvestors) {
    const auto id = add_project(make_project("P-1", w_.taiyuan_zone, {w_.coal_corp, w_.steel_corp}));
    auto p = get_project(Scope::all(), id)->project;
    p.name = "改名后的项目";
    p.investor_ids = {w_.steel_corp};
    p.total_investment = domain::Money::from_fen(7);
    write_void([&](store::Tx& tx) { return tx.update_project(p, 1); });
    auto after = get_project(Scope::all(), id);
    ASSERT_TRUE(after);
    EXPECT_EQ(after->project.version, 2);
    EXPECT_EQ(after->project.name, "改名后的项目");
    EXPECT_EQ(after->project.total_investment, domain::Money::from_fen(7));
    EXPECT_EQ(after->project.investor_ids, std::vector<std::int64_t>{w_.steel_corp});
    EXPECT_EQ(after->investor_names, std::vector<std::string>{"太钢不锈"});
}

// An update names only the columns that change (projects_tx.cpp): every field changed at once,
// then one alone, each reads back exactly, and the version moves even when nothing changed.
TEST_P(StoreProjectsTest, AnUpdateWritesEveryChangedFieldAndKeepsTheOthers) {
    const auto id = add_project(full_project());
    auto p = get_project(Scope::all(), id)->project;
    auto changed = make_project("P-NEW", w_.datong_zone, {w_.steel_corp}, "coal_chemical");
    changed.id = id;
    changed.name = "全部改动";
    changed.stage = domain::Stage::kStarted;
    changed.actual.start = date(2022, 7, 1);
    changed.status = domain::ProjectStatus::kSuspended;
    changed.tags = {};
    changed.synthetic = !p.synthetic;
    write_void([&](store::Tx& tx) { return tx.update_project(changed, 1); });
    auto after = get_project(Scope::all(), id)->project;
    changed.version = 2;
    EXPECT_EQ(after.code, "P-NEW");
    EXPECT_EQ(after.name, "全部改动");
    EXPECT_EQ(after.zone_id, w_.datong_zone);
    EXPECT_EQ(after.industry_code, "coal_chemical");
    EXPECT_EQ(after.planned, changed.planned);
    EXPECT_EQ(after.actual, changed.actual);
    EXPECT_EQ(after.stage, domain::Stage::kStarted);
    EXPECT_EQ(after.status, domain::ProjectStatus::kSuspended);
    EXPECT_EQ(after.total_investment, changed.total_investment);
    EXPECT_EQ(after.expected_jobs, changed.expected_jobs);
    EXPECT_EQ(after.land_area_centimu, changed.land_area_centimu);
    EXPECT_EQ(after.responsible_post, changed.responsible_post);
    EXPECT_EQ(after.tags, std::vector<std::string>{});
    EXPECT_EQ(after.synthetic, changed.synthetic);
    EXPECT_EQ(after.investor_ids, std::vector<std::int64_t>{w_.steel_corp});
    EXPECT_EQ(after.version, 2);
    EXPECT_EQ(get_project(Scope::all(), id)->city_code, "140200");

    auto one = after;
    one.responsible_post = "副主任";
    write_void([&](store::Tx& tx) { return tx.update_project(one, 2); });
    auto again = get_project(Scope::all(), id)->project;
    EXPECT_EQ(again.responsible_post, "副主任");
    EXPECT_EQ(again.name, "全部改动");
    EXPECT_EQ(again.code, "P-NEW");
    EXPECT_EQ(again.planned, changed.planned);
    EXPECT_EQ(again.investor_ids, std::vector<std::int64_t>{w_.steel_corp});
    EXPECT_EQ(again.version, 3);

    write_void([&](store::Tx& tx) { return tx.update_project(again, 3); });
    EXPECT_EQ(get_project(Scope::all(), id)->project.version, 4);
}

TEST_P(StoreProjectsTest, StaleVersionIsAConflictAndChangesNothing) {
    const auto id = add_project(make_project("P-1", w_.taiyuan_zone, {w_.coal_corp}));
    auto p = get_project(Scope::all(), id)->project;
    p.name = "first edit";
    write_void([&](store::Tx& tx) { return tx.update_project(p, 1); });
    p.name = "second edit from a stale copy";
    p.investor_ids = {w_.steel_corp};
    auto e = write_error([&](store::Tx& tx) { return tx.update_project(p, 1); });
    EXPECT_EQ(e.code, ErrorCode::kConflict);
    EXPECT_EQ(e.message.en, "the project was changed by someone else; reload and retry");
    auto after = get_project(Scope::all(), id);
    EXPECT_EQ(after->project.name, "first edit");
    EXPECT_EQ(after->project.version, 2);
    EXPECT_EQ(after->project.investor_ids, std::vector<std::int64_t>{w_.coal_corp});
}

TEST_P(StoreProjectsTest, UpdateOfMissingProjectIsNotFound) {
    auto p = make_project("P-404", w_.taiyuan_zone);
    p.id = 404;
    auto e = write_error([&](store::Tx& tx) { return tx.update_project(p, 1); });
    EXPECT_EQ(e.code, ErrorCode::kNotFound);
}

TEST_P(StoreProjectsTest, DuplicateCodeIsAConflictNamingTheField) {
    add_project(make_project("P-1", w_.taiyuan_zone));
    auto e = write_error([&](store::Tx& tx) { return tx.insert_project(make_project("P-1", w_.datong_zone)).error(); });
    EXPECT_EQ(e.code, ErrorCode::kConflict);
    ASSERT_EQ(e.fields.size(), 1u);
    EXPECT_EQ(e.fields[0].field, "code");
}

TEST_P(StoreProjectsTest, DanglingReferencesAreInvalidInputNamingTheField) {
    struct Case {
        domain::Project project;
        std::string field;
    };
    const std::vector<Case> cases{
        {make_project("P-1", 9999), "zone_id"},
        {make_project("P-2", w_.taiyuan_zone, {}, "no_such_industry"), "industry_code"},
        {make_project("P-3", w_.taiyuan_zone, {w_.coal_corp, 9999}), "investor_ids[1]"},
        {make_project("P-4", w_.taiyuan_zone, {w_.coal_corp, w_.coal_corp}), "investor_ids"},
    };
    for (const auto& c : cases) {
        auto e = write_error([&](store::Tx& tx) { return tx.insert_project(c.project).error(); });
        EXPECT_EQ(e.code, ErrorCode::kInvalidInput) << c.field;
        ASSERT_EQ(e.fields.size(), 1u) << c.field;
        EXPECT_EQ(e.fields[0].field, c.field);
    }
}

TEST_P(StoreProjectsTest, ValuesTheSchemaRefusesAreInvalidInputNamingTheField) {
    auto negative_money = make_project("P-1", w_.taiyuan_zone);
    negative_money.total_investment = domain::Money::from_fen(-1);
    auto negative_jobs = make_project("P-2", w_.taiyuan_zone);
    negative_jobs.expected_jobs = -3;
    for (const auto& [project, field] : {std::pair{negative_money, "total_investment"},
                                         std::pair{negative_jobs, "expected_jobs"}}) {
        auto e = write_error([&](store::Tx& tx) { return tx.insert_project(project).error(); });
        EXPECT_EQ(e.code, ErrorCode::kInvalidInput) << field;
        ASSERT_EQ(e.fields.size(), 1u) << field;
        EXPECT_EQ(e.fields[0].field, field);
        EXPECT_EQ(e.fields[0].message.en.find("CHECK"), std::string::npos) << "SQLite's text must not leak";
    }
}

TEST_P(StoreProjectsTest, UpdateToUnknownZoneIsInvalidAndChangesNothing) {
    const auto id = add_project(make_project("P-1", w_.taiyuan_zone));
    auto p = get_project(Scope::all(), id)->project;
    p.zone_id = 9999;
    auto e = write_error([&](store::Tx& tx) { return tx.update_project(p, 1); });
    EXPECT_EQ(e.code, ErrorCode::kInvalidInput);
    EXPECT_EQ(get_project(Scope::all(), id)->project.zone_id, w_.taiyuan_zone);
}

TEST_P(StoreProjectsTest, StageChangesAreKeptInOrder) {
    const auto id = add_project(make_project("P-1", w_.taiyuan_zone));
    const auto user = write<std::int64_t>([](store::Tx& tx) { return tx.insert_user(make_user("zhang")); });
    domain::StageChange forward{id,
                                domain::Stage::kSigned,
                                domain::Stage::kStarted,
                                domain::ProjectStatus::kActive,
                                domain::ProjectStatus::kActive,
                                date(2022, 6, 22),
                                false,
                                ""};
    domain::StageChange back{id,
                             domain::Stage::kStarted,
                             domain::Stage::kSigned,
                             domain::ProjectStatus::kActive,
                             domain::ProjectStatus::kActive,
                             std::nullopt,
                             true,
                             "开工日期录入错误"};
    write_void([&](store::Tx& tx) -> Result<void> {
        if (auto r = tx.insert_stage_change(forward, user, 1'700'000'000); !r) return r;
        return tx.insert_stage_change(back, 0, 1'700'000'100);  // 0: the system, no account
    });
    auto history = read<std::vector<domain::StageChange>>([&](store::Tx& tx) { return tx.list_stage_changes(id); });
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[0].to_stage, domain::Stage::kStarted);
    EXPECT_EQ(history[0].date, date(2022, 6, 22));
    EXPECT_FALSE(history[0].correction);
    EXPECT_EQ(history[1].from_stage, domain::Stage::kStarted);
    EXPECT_EQ(history[1].to_stage, domain::Stage::kSigned);
    EXPECT_FALSE(history[1].date);
    EXPECT_TRUE(history[1].correction);
    EXPECT_EQ(history[1].reason, "开工日期录入错误");
    EXPECT_TRUE(
        read<std::vector<domain::StageChange>>([](store::Tx& tx) { return tx.list_stage_changes(999); }).empty());
}

TEST_P(StoreProjectsTest, StageChangeForUnknownProjectOrUserIsInvalid) {
    const auto id = add_project(make_project("P-1", w_.taiyuan_zone));
    domain::StageChange c{id,
                          domain::Stage::kSigned,
                          domain::Stage::kStarted,
                          domain::ProjectStatus::kActive,
                          domain::ProjectStatus::kActive,
                          date(2022, 6, 22),
                          false,
                          ""};
    auto unknown_user = write_error([&](store::Tx& tx) { return tx.insert_stage_change(c, 777, 0); });
    ASSERT_EQ(unknown_user.fields.size(), 1u);
    EXPECT_EQ(unknown_user.fields[0].field, "user_id");
    c.project_id = 999;
    auto unknown_project = write_error([&](store::Tx& tx) { return tx.insert_stage_change(c, 0, 0); });
    ASSERT_EQ(unknown_project.fields.size(), 1u);
    EXPECT_EQ(unknown_project.fields[0].field, "project_id");
}

TEST_P(StoreProjectsTest, EveryStageAndStatusIsStored) {
    int n = 0;
    for (auto stage : {domain::Stage::kReserve, domain::Stage::kSigned, domain::Stage::kStarted,
                       domain::Stage::kProducing, domain::Stage::kAtCapacity}) {
        for (auto status :
             {domain::ProjectStatus::kActive, domain::ProjectStatus::kSuspended, domain::ProjectStatus::kCancelled}) {
            auto p = make_project("P-" + std::to_string(++n), w_.taiyuan_zone);
            p.stage = stage;
            p.status = status;
            auto back = get_project(Scope::all(), add_project(p));
            EXPECT_EQ(back->project.stage, stage);
            EXPECT_EQ(back->project.status, status);
        }
    }
}

SANPI_STORE_SUITE(StoreProjectsTest);

}  // namespace
}  // namespace sanpi::store_test
