#include <stdexcept>

#include "store/store_fixture.hpp"

namespace sanpi::store_test {
namespace {

using domain::Scope;

class StoreTransactionsTest : public StoreTest {
protected:
    void SetUp() override {
        StoreTest::SetUp();
        w_ = seed();
    }

    bool project_exists(std::string_view code) {
        return read<std::optional<domain::Project>>([&](store::Tx& tx) { return tx.find_project_by_code(code); })
            .has_value();
    }

    World w_;
};

TEST_P(StoreTransactionsTest, BodyReturningAnErrorRollsEverythingBack) {
    auto r = store().write([&](store::Tx& tx) -> Result<void> {
        if (auto id = tx.insert_project(make_project("P-1", w_.taiyuan_zone)); !id) return id.error();
        if (auto id = tx.insert_zone(make_zone("NEW-ZONE")); !id) return id.error();
        return Error::invalid_field("name", "名称无效", "bad name");
    });
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
    EXPECT_FALSE(project_exists("P-1"));
    EXPECT_FALSE(read<std::optional<domain::Zone>>([](store::Tx& tx) { return tx.find_zone_by_code("NEW-ZONE"); }));
}

TEST_P(StoreTransactionsTest, BodyThrowingRollsBackAndRethrows) {
    EXPECT_THROW(store().write([&](store::Tx& tx) -> Result<void> {
        tx.insert_project(make_project("P-1", w_.taiyuan_zone)).value();
        throw std::runtime_error("boom");
    }),
                 std::runtime_error);
    EXPECT_FALSE(project_exists("P-1"));
    // The connection is healthy afterwards.
    add_project(make_project("P-2", w_.taiyuan_zone));
    EXPECT_TRUE(project_exists("P-2"));
}

TEST_P(StoreTransactionsTest, FailedCallLeavesNothingBehindEvenIfTheBodyGoesOn) {
    // The project row is written before the unknown investor fails; the call must undo it.
    write_void([&](store::Tx& tx) -> Result<void> {
        EXPECT_FALSE(tx.insert_project(make_project("P-1", w_.taiyuan_zone, {w_.coal_corp, 9999})));
        if (auto id = tx.insert_project(make_project("P-2", w_.taiyuan_zone)); !id) return id.error();
        return {};
    });
    EXPECT_FALSE(project_exists("P-1"));
    EXPECT_TRUE(project_exists("P-2"));
}

TEST_P(StoreTransactionsTest, CommittedWriteIsVisibleToLaterReads) {
    write_void([&](store::Tx& tx) -> Result<void> {
        if (auto id = tx.insert_project(make_project("P-1", w_.taiyuan_zone)); !id) return id.error();
        // Inside the same transaction the write is already visible.
        auto found = tx.find_project_by_code("P-1");
        EXPECT_TRUE(found && *found);
        return {};
    });
    EXPECT_TRUE(project_exists("P-1"));
}

TEST_P(StoreTransactionsTest, WritesInsideAReadTransactionAreRefused) {
    auto r = store().read([&](store::Tx& tx) -> Result<void> {
        auto id = tx.insert_project(make_project("P-1", w_.taiyuan_zone));
        if (!id) return id.error();
        return {};
    });
    EXPECT_FALSE(r);
    EXPECT_FALSE(project_exists("P-1"));
}

TEST_P(StoreTransactionsTest, ReadSeesASnapshotWhileAWriterCommits) {
    const auto id = add_project(make_project("P-1", w_.taiyuan_zone));
    must(store().read([&](store::Tx& tx) -> Result<void> {
        EXPECT_EQ(tx.get_project(Scope::all(), id).value()->project.version, 1);
        auto p = tx.get_project(Scope::all(), id).value()->project;
        p.name = "changed meanwhile";
        must(store().write([&](store::Tx& w) { return w.update_project(p, 1); }));
        EXPECT_EQ(tx.get_project(Scope::all(), id).value()->project.version, 1);
        return {};
    }));
    EXPECT_EQ(get_project(Scope::all(), id)->project.version, 2);
}

SANPI_STORE_SUITE(StoreTransactionsTest);

}  // namespace
}  // namespace sanpi::store_test
