#include "store/store_fixture.hpp"

namespace sanpi::store_test {
namespace {

using domain::Scope;

// A user never sees data outside their scope, neither by guessing an id nor in a list.
class StoreScopeTest : public StoreTest {
protected:
    void SetUp() override {
        StoreTest::SetUp();
        w_ = seed();
        xiaodian_project_ = add_project(make_project("XD-1", w_.xiaodian_zone));
        taiyuan_project_ = add_project(make_project("TY-1", w_.taiyuan_zone));
        datong_project_ = add_project(make_project("DT-1", w_.datong_zone));
    }

    bool visible(const Scope& scope, std::int64_t id) { return get_project(scope, id).has_value(); }

    std::int64_t listed(const Scope& scope) {
        return read<store::Page<domain::ProjectView>>([&](store::Tx& tx) { return tx.list_projects(scope, {}); }).total;
    }

    World w_;
    std::int64_t xiaodian_project_ = 0;
    std::int64_t taiyuan_project_ = 0;
    std::int64_t datong_project_ = 0;
};

TEST_P(StoreScopeTest, ZoneScopeSeesOnlyItsOwnZone) {
    const auto scope = Scope::zone(w_.taiyuan_zone);
    EXPECT_TRUE(visible(scope, taiyuan_project_));
    EXPECT_FALSE(visible(scope, xiaodian_project_));
    EXPECT_FALSE(visible(scope, datong_project_));
    EXPECT_EQ(listed(scope), 1);
}

TEST_P(StoreScopeTest, CityScopeSeesItsCountiesButNotOtherCities) {
    const auto scope = Scope::region(region_code("140100"));
    EXPECT_TRUE(visible(scope, taiyuan_project_));
    EXPECT_TRUE(visible(scope, xiaodian_project_));
    EXPECT_FALSE(visible(scope, datong_project_));
    EXPECT_EQ(listed(scope), 2);
}

TEST_P(StoreScopeTest, CountyScopeSeesOnlyTheCounty) {
    const auto scope = Scope::region(region_code("140105"));
    EXPECT_TRUE(visible(scope, xiaodian_project_));
    EXPECT_FALSE(visible(scope, taiyuan_project_));
    EXPECT_EQ(listed(scope), 1);
}

TEST_P(StoreScopeTest, ProvinceAndAllScopesSeeEverything) {
    EXPECT_EQ(listed(Scope::all()), 3);
    EXPECT_EQ(listed(Scope::region(region_code("140000"))), 3);
    EXPECT_TRUE(visible(Scope::region(region_code("140000")), datong_project_));
    EXPECT_EQ(listed(Scope::region(region_code("110000"))), 0);
}

TEST_P(StoreScopeTest, OutOfScopeAndMissingLookTheSame) {
    const auto scope = Scope::zone(w_.datong_zone);
    EXPECT_EQ(visible(scope, taiyuan_project_), visible(scope, 123456));
}

TEST_P(StoreScopeTest, MalformedScopeIsRefused) {
    Scope bad{Scope::Kind::kRegion, "14' OR 1=1 --", 0};
    auto r = store::read_value<std::optional<domain::ProjectView>>(
        store(), [&](store::Tx& tx) { return tx.get_project(bad, datong_project_); });
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kForbidden);
}

SANPI_STORE_SUITE(StoreScopeTest);

}  // namespace
}  // namespace sanpi::store_test
