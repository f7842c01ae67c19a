#include "store/store_fixture.hpp"

namespace sanpi::store_test {
namespace {

using domain::Scope;
using store::ProjectQuery;
using store::ProjectSortKey;
using Codes = std::vector<std::string>;

// Four projects in two cities: A and B in Taiyuan, C and D in Datong.
class StoreProjectListTest : public StoreTest {
protected:
    void SetUp() override {
        StoreTest::SetUp();
        w_ = seed();
        add("C-003", "Coal gasification", w_.taiyuan_zone, {w_.coal_corp}, 300, domain::Stage::kStarted,
            date(2022, 5, 1), "coal_chemical");
        add("C-001", "不锈钢精深加工", w_.xiaodian_zone, {w_.steel_corp}, 100, domain::Stage::kSigned, std::nullopt);
        add("C-002", "100% 绿电_项目", w_.datong_zone, {w_.coal_corp, w_.steel_corp}, 300, domain::Stage::kReserve,
            date(2022, 4, 1), "new_materials", domain::ProjectStatus::kSuspended);
        add("C-004", "Graphene film", w_.datong_zone, {}, 50, domain::Stage::kProducing, date(2022, 7, 1));
    }

    void add(std::string code, std::string name, std::int64_t zone, std::vector<std::int64_t> investors,
             std::int64_t yuan, domain::Stage stage, std::optional<domain::Date> planned_start,
             std::string industry = "new_materials", domain::ProjectStatus status = domain::ProjectStatus::kActive) {
        auto p = make_project(std::move(code), zone, std::move(investors), std::move(industry));
        p.name = std::move(name);
        p.total_investment = domain::Money::from_fen(yuan * 100);
        p.stage = stage;
        p.status = status;
        p.planned.start = planned_start;
        add_project(p);
    }

    store::Page<domain::ProjectView> list(const ProjectQuery& q, const Scope& scope = Scope::all()) {
        return read<store::Page<domain::ProjectView>>([&](store::Tx& tx) { return tx.list_projects(scope, q); });
    }

    Codes codes(const ProjectQuery& q, const Scope& scope = Scope::all()) {
        Codes out;
        for (const auto& v : list(q, scope).items) out.push_back(v.project.code);
        return out;
    }

    static ProjectQuery text(std::string s) {
        ProjectQuery q;
        q.text = std::move(s);
        return q;
    }

    static ProjectQuery sorted(ProjectSortKey key, bool descending) {
        ProjectQuery q;
        q.sort = key;
        q.descending = descending;
        return q;
    }

    World w_;
};

TEST_P(StoreProjectListTest, WithoutFiltersListsEverythingInIdOrder) {
    auto page = list({});
    EXPECT_EQ(page.total, 4);
    ASSERT_EQ(page.items.size(), 4u);
    EXPECT_EQ(page.items[0].project.code, "C-003");
    EXPECT_EQ(page.items[0].zone_name, "TY-ETDZ开发区");
    EXPECT_EQ(page.items[0].city_code, "140100");
    EXPECT_EQ(page.items[1].region_code, "140105");
    EXPECT_EQ(page.items[1].city_code, "140100");
    EXPECT_EQ(page.items[2].investor_names, (Codes{"Shanxi Coal Chemical Group", "太钢不锈"}));
    EXPECT_EQ(page.items[2].project.investor_ids, (std::vector<std::int64_t>{w_.coal_corp, w_.steel_corp}));
    EXPECT_TRUE(page.items[3].investor_names.empty());
}

TEST_P(StoreProjectListTest, FiltersNarrowTheList) {
    ProjectQuery q;
    q.city_code = "140100";
    EXPECT_EQ(codes(q), (Codes{"C-003", "C-001"}));
    q = {};
    q.city_code = "140200";
    EXPECT_EQ(codes(q), (Codes{"C-002", "C-004"}));
    q = {};
    q.zone_id = w_.xiaodian_zone;
    EXPECT_EQ(codes(q), (Codes{"C-001"}));
    q = {};
    q.industry_code = "coal_chemical";
    EXPECT_EQ(codes(q), (Codes{"C-003"}));
    q = {};
    q.stage = domain::Stage::kReserve;
    EXPECT_EQ(codes(q), (Codes{"C-002"}));
    q = {};
    q.status = domain::ProjectStatus::kSuspended;
    EXPECT_EQ(codes(q), (Codes{"C-002"}));
    q = {};
    q.city_code = "140200";
    q.industry_code = "new_materials";
    q.status = domain::ProjectStatus::kActive;
    EXPECT_EQ(codes(q), (Codes{"C-004"}));
    EXPECT_EQ(list(q).total, 1);
}

TEST_P(StoreProjectListTest, MalformedCityCodeIsInvalidInput) {
    ProjectQuery q;
    q.city_code = "14%";
    auto r = store::read_value<store::Page<domain::ProjectView>>(
        store(), [&](store::Tx& tx) { return tx.list_projects(Scope::all(), q); });
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
    ASSERT_EQ(r.error().fields.size(), 1u);
    EXPECT_EQ(r.error().fields[0].field, "city_code");
}

TEST_P(StoreProjectListTest, TextMatchesProjectNameIgnoringCase) {
    EXPECT_EQ(codes(text("GRAPHENE")), (Codes{"C-004"}));
    EXPECT_EQ(codes(text("精深")), (Codes{"C-001"}));
    EXPECT_EQ(codes(text("nothing like this")), Codes{});
}

TEST_P(StoreProjectListTest, TextMatchesAnyInvestorName) {
    EXPECT_EQ(codes(text("太钢")), (Codes{"C-001", "C-002"}));
    EXPECT_EQ(codes(text("coal")), (Codes{"C-003", "C-002"}));  // C-003 by name and investor, C-002 by investor
    EXPECT_EQ(list(text("coal")).total, 2);
}

// A text search counts up to a limit (store::kTextSearchCountLimit; here a small one) and says
// whether it counted everything; the page itself is whole either way.
TEST_P(StoreProjectListTest, TextSearchCountsUpToItsLimitAndSaysWhetherThatWasAll) {
    // "e": Graphene film by its name, C-003 and C-002 by their investor Shanxi Coal Chemical Group.
    auto q = text("e");
    const auto all = list(q);
    ASSERT_EQ(all.total, 3);
    EXPECT_TRUE(all.total_exact);
    q.text_count_limit = 3;
    EXPECT_EQ(list(q).total, 3);
    EXPECT_TRUE(list(q).total_exact) << "exactly the limit is still all of them";
    q.text_count_limit = 2;
    const auto capped = list(q);
    EXPECT_EQ(capped.total, 2);
    EXPECT_FALSE(capped.total_exact);
    EXPECT_EQ(capped.items.size(), 3u) << "the page is not cut by the count's limit";
    // Without text every row is counted, whatever the limit.
    ProjectQuery plain;
    plain.text_count_limit = 1;
    EXPECT_EQ(list(plain).total, 4);
    EXPECT_TRUE(list(plain).total_exact);
}

TEST_P(StoreProjectListTest, LikeWildcardsInTextMatchLiterally) {
    EXPECT_EQ(codes(text("%")), (Codes{"C-002"}));
    EXPECT_EQ(codes(text("_")), (Codes{"C-002"}));
    EXPECT_EQ(codes(text("0%")), (Codes{"C-002"}));
    EXPECT_EQ(codes(text("!")), Codes{});
    EXPECT_EQ(codes(text("1_0")), Codes{});
}

TEST_P(StoreProjectListTest, SortsByEveryKeyWithIdBreakingTies) {
    struct Case {
        ProjectSortKey key;
        Codes ascending;
        Codes descending;
    };
    const std::vector<Case> cases{
        {ProjectSortKey::kId, {"C-003", "C-001", "C-002", "C-004"}, {"C-004", "C-002", "C-001", "C-003"}},
        {ProjectSortKey::kCode, {"C-001", "C-002", "C-003", "C-004"}, {"C-004", "C-003", "C-002", "C-001"}},
        {ProjectSortKey::kName, {"C-002", "C-003", "C-004", "C-001"}, {"C-001", "C-004", "C-003", "C-002"}},
        {ProjectSortKey::kTotalInvestment, {"C-004", "C-001", "C-003", "C-002"}, {"C-002", "C-003", "C-001", "C-004"}},
        {ProjectSortKey::kPlannedStart, {"C-002", "C-003", "C-004", "C-001"}, {"C-004", "C-003", "C-002", "C-001"}},
        {ProjectSortKey::kStage, {"C-002", "C-001", "C-003", "C-004"}, {"C-004", "C-003", "C-001", "C-002"}},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(codes(sorted(c.key, false)), c.ascending) << static_cast<int>(c.key);
        EXPECT_EQ(codes(sorted(c.key, true)), c.descending) << static_cast<int>(c.key);
    }
}

TEST_P(StoreProjectListTest, PagesWithOffsetAndLimitAndCountsEverything) {
    ProjectQuery q;
    q.offset = 1;
    q.limit = 2;
    auto page = list(q);
    EXPECT_EQ(page.total, 4);
    ASSERT_EQ(page.items.size(), 2u);
    EXPECT_EQ(page.items[0].project.code, "C-001");
    EXPECT_EQ(page.items[1].project.code, "C-002");
    q.offset = 10;
    EXPECT_TRUE(list(q).items.empty());
    EXPECT_EQ(list(q).total, 4);
}

TEST_P(StoreProjectListTest, LimitAndOffsetAreClamped) {
    ProjectQuery q;
    q.limit = 0;
    EXPECT_EQ(list(q).items.size(), 1u);
    q.limit = -5;
    q.offset = -3;
    EXPECT_EQ(codes(q), (Codes{"C-003"}));
    q.limit = 1'000'000;
    q.offset = 0;
    EXPECT_EQ(list(q).items.size(), 4u);
}

TEST_P(StoreProjectListTest, ListIsFilteredByScopeBeforeCounting) {
    EXPECT_EQ(codes({}, Scope::zone(w_.datong_zone)), (Codes{"C-002", "C-004"}));
    EXPECT_EQ(list({}, Scope::zone(w_.datong_zone)).total, 2);
    EXPECT_EQ(codes({}, Scope::region(region_code("140100"))), (Codes{"C-003", "C-001"}));
    EXPECT_EQ(codes({}, Scope::region(region_code("140105"))), (Codes{"C-001"}));
    ProjectQuery other_city;
    other_city.city_code = "140200";
    EXPECT_EQ(codes(other_city, Scope::region(region_code("140100"))), Codes{});
    EXPECT_EQ(list(other_city, Scope::region(region_code("140100"))).total, 0);
    EXPECT_EQ(codes(text("coal"), Scope::zone(w_.taiyuan_zone)), (Codes{"C-003"}));
}

SANPI_STORE_SUITE(StoreProjectListTest);

}  // namespace
}  // namespace sanpi::store_test
