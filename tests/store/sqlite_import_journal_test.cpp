// A bulk load into SQLite leaves WAL mode when it may, to write each page once, and the file is
// back in WAL mode afterwards (what the server's concurrent readers need). When another
// connection has the file open the load goes on in WAL mode instead of failing or waiting.
#include <gtest/gtest.h>

#include "store/sqlite/sqlite_handle.hpp"
#include "support/test_store.hpp"

namespace sanpi::store_test {
namespace {

using store::DumpValue;

std::string path_of(const testing::TestStore& db) { return db.url.substr(7); }

// A read-only connection reports the mode recorded in the file without changing it.
std::string journal_mode(const std::string& path) {
    auto conn = store::sqlite::Connection::open(path, true, 1000);
    auto q = conn->query_once("PRAGMA journal_mode");
    return q->step() ? q->text(0) : "";
}

Result<void> load_two_regions(store::Store& store) {
    return store.import_data([](store::RowSink& sink) -> Result<void> {
        if (auto ok = sink.begin_table("regions", {"code", "name_zh", "name_en", "slug"}); !ok) return ok;
        for (const std::vector<DumpValue>& row : {std::vector<DumpValue>{"140000", "山西省", "Shanxi", "shanxi"},
                                                  std::vector<DumpValue>{"140100", "太原市", "Taiyuan", "taiyuan"}}) {
            if (auto ok = sink.row(row); !ok) return ok;
        }
        return sink.end_table();
    });
}

std::int64_t region_rows(const std::string& path) {
    auto conn = store::sqlite::Connection::open(path, true, 1000);
    auto q = conn->query_once("SELECT count(*) FROM regions");
    return q->step() ? q->int64(0) : -1;
}

TEST(SqliteImportJournal, TheFileIsInWalModeAfterTheLoad) {
    auto db = testing::make_test_store(testing::Backend::kSqlite);
    ASSERT_TRUE(load_two_regions(*db->store));
    EXPECT_EQ(journal_mode(path_of(*db)), "wal");
    EXPECT_EQ(region_rows(path_of(*db)), 2);
}

TEST(SqliteImportJournal, AnotherConnectionHoldingTheFileKeepsTheLoadInWalMode) {
    auto db = testing::make_test_store(testing::Backend::kSqlite);
    auto other = store::sqlite::Connection::open(path_of(*db), true, 1000);
    other->query_once("SELECT count(*) FROM regions")->step();
    auto loaded = load_two_regions(*db->store);
    ASSERT_TRUE(loaded) << loaded.error().message.en;
    EXPECT_EQ(journal_mode(path_of(*db)), "wal");
    auto q = other->query_once("SELECT count(*) FROM regions");
    ASSERT_TRUE(q->step());
    EXPECT_EQ(q->int64(0), 2);
}

}  // namespace
}  // namespace sanpi::store_test
