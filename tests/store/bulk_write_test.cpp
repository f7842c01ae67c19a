// A bulk write (Tx::begin_bulk, an import's commit): a failed call still leaves the rest of the
// transaction usable, so a clashing made-up code can be tried again; the projects' indexes that
// SQLite sets aside for many new rows are back before COMMIT, and after a rollback.
#include "store/schema_text.hpp"
#include "store/sqlite/sqlite_tx.hpp"
#include "store/store_fixture.hpp"

namespace sanpi::store_test {
namespace {

using domain::Scope;

class StoreBulkWriteTest : public StoreTest {
protected:
    void SetUp() override {
        StoreTest::SetUp();
        w_ = seed();
    }

    // `n` projects over two zones in two cities, named so that the name order is not the id order.
    Result<void> insert_many(store::Tx& tx, int n) {
        for (int i = 0; i < n; ++i) {
            auto p = make_project("BULK-" + std::to_string(i), i % 2 == 0 ? w_.taiyuan_zone : w_.datong_zone);
            p.name = "项目 " + std::to_string((i * 7919) % n);
            if (auto id = tx.insert_project(p); !id) return id.error();
        }
        return {};
    }

    std::vector<std::string> first_names_in_taiyuan() {
        store::ProjectQuery q;
        q.city_code = "140100";
        q.sort = store::ProjectSortKey::kName;
        q.limit = 3;
        auto page =
            read<store::Page<domain::ProjectView>>([&](store::Tx& tx) { return tx.list_projects(Scope::all(), q); });
        std::vector<std::string> names;
        for (const auto& v : page.items) names.push_back(v.project.name);
        return names;
    }

    World w_;
};

TEST_P(StoreBulkWriteTest, AFailedCallLeavesTheRestOfTheTransactionUsable) {
    write_void([&](store::Tx& tx) -> Result<void> {
        if (auto bulk = tx.begin_bulk(0); !bulk) return bulk;
        auto first = tx.insert_project(make_project("SAME", w_.taiyuan_zone, {w_.steel_corp}));
        if (!first) return first.error();
        auto clash = tx.insert_project(make_project("SAME", w_.datong_zone, {w_.coal_corp}));
        EXPECT_FALSE(clash);
        if (!clash) {
            EXPECT_EQ(clash.error().code, ErrorCode::kConflict) << clash.error().message.en;
        }
        auto other = tx.insert_project(make_project("OTHER", w_.datong_zone, {w_.coal_corp}));
        if (!other) return other.error();
        return {};
    });
    auto same = read<std::optional<domain::Project>>([](store::Tx& tx) { return tx.find_project_by_code("SAME"); });
    ASSERT_TRUE(same);
    EXPECT_EQ(same->zone_id, w_.taiyuan_zone);
    EXPECT_EQ(same->investor_ids, std::vector<std::int64_t>{w_.steel_corp});
    auto other = read<std::optional<domain::Project>>([](store::Tx& tx) { return tx.find_project_by_code("OTHER"); });
    ASSERT_TRUE(other);
    EXPECT_EQ(other->investor_ids, std::vector<std::int64_t>{w_.coal_corp});
}

TEST_P(StoreBulkWriteTest, ManyNewProjectsLeaveTheSchemaAsMigratedAndTheListsRight) {
    const auto migrated = schema_text(*db_, GetParam());
    ASSERT_FALSE(migrated.empty());
    write_void([&](store::Tx& tx) -> Result<void> {
        if (auto bulk = tx.begin_bulk(2500); !bulk) return bulk;
        return insert_many(tx, 2500);
    });
    EXPECT_EQ(schema_text(*db_, GetParam()), migrated);
    // Names sort as text: 项目 0, 项目 1, 项目 10; the even rows (Taiyuan) hold every name once
    // between them and the odd rows, so Taiyuan's first three names are its smallest.
    std::vector<std::string> expected;
    for (int i = 0; i < 2500; i += 2) expected.push_back("项目 " + std::to_string((i * 7919) % 2500));
    std::sort(expected.begin(), expected.end());
    expected.resize(3);
    EXPECT_EQ(first_names_in_taiyuan(), expected);
}

TEST_P(StoreBulkWriteTest, AFailedBulkWriteLeavesTheSchemaAsMigratedAndNothingWritten) {
    const auto migrated = schema_text(*db_, GetParam());
    auto error = write_error([&](store::Tx& tx) -> Result<void> {
        if (auto bulk = tx.begin_bulk(2500); !bulk) return bulk;
        if (auto r = insert_many(tx, 100); !r) return r;
        return Error::conflict("第100行：中止", "row 100: stopped");
    });
    EXPECT_EQ(error.code, ErrorCode::kConflict);
    EXPECT_EQ(schema_text(*db_, GetParam()), migrated);
    EXPECT_TRUE(first_names_in_taiyuan().empty());
}

SANPI_STORE_SUITE(StoreBulkWriteTest);

// What the SQLite writer does inside the transaction: the plain indexes go, the unique ones stay,
// and all of them are back once restored.
TEST(SqliteBulkWrite, SetsThePlainIndexesAsideAndBuildsThemAgain) {
    auto db = testing::make_test_store(testing::Backend::kSqlite);
    auto conn = store::sqlite::Connection::open(db->url.substr(7), false, 5000);
    const auto indexes = [&](std::string_view which) {
        auto q = conn->query_once(std::string("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND "
                                              "tbl_name = 'projects' AND sql ") +
                                  std::string(which));
        return q->step() ? q->int64(0) : -1;
    };
    const auto plain = indexes("NOT LIKE 'CREATE UNIQUE %'");
    const auto unique = indexes("LIKE 'CREATE UNIQUE %'");
    ASSERT_GT(plain, 5);
    ASSERT_GE(unique, 1);
    const auto cache_size = [&] {
        auto q = conn->query_once("PRAGMA cache_size");
        return q->step() ? q->int64(0) : 0;
    };
    const auto writer_cache = cache_size();
    conn->exec("BEGIN IMMEDIATE");
    {
        store::sqlite::SqliteTx tx(*conn);
        ASSERT_TRUE(tx.begin_bulk(1999));  // too few to be worth it
        EXPECT_EQ(indexes("NOT LIKE 'CREATE UNIQUE %'"), plain);
        EXPECT_EQ(cache_size(), writer_cache);
        ASSERT_TRUE(tx.begin_bulk(2000));
        EXPECT_EQ(indexes("NOT LIKE 'CREATE UNIQUE %'"), 0);
        EXPECT_EQ(indexes("LIKE 'CREATE UNIQUE %'"), unique);
        EXPECT_GT(cache_size(), writer_cache);  // negative: KiB; a smaller cache is nearer 0
        ASSERT_TRUE(tx.restore_indexes());
        EXPECT_EQ(indexes("NOT LIKE 'CREATE UNIQUE %'"), plain);
        EXPECT_EQ(cache_size(), writer_cache);
    }
    conn->exec("COMMIT");
    // A body that fails before the indexes are restored: the rollback brings them back, and the
    // transaction's end the writer's page cache.
    conn->exec("BEGIN IMMEDIATE");
    {
        store::sqlite::SqliteTx tx(*conn);
        ASSERT_TRUE(tx.begin_bulk(2000));
        EXPECT_EQ(indexes("NOT LIKE 'CREATE UNIQUE %'"), 0);
    }
    conn->exec("ROLLBACK");
    EXPECT_EQ(indexes("NOT LIKE 'CREATE UNIQUE %'"), plain);
    EXPECT_EQ(cache_size(), writer_cache);
}

}  // namespace
}  // namespace sanpi::store_test
