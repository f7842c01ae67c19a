// The native backup (SQLite's online backup API): a ready-to-open database file, and a restore
// that replaces a database's contents. A backend without a native form (PostgreSQL) says so and
// writes nothing: on it each test checks that refusal instead of the SQLite behaviour.
#include <sqlite3.h>

#include "store/dump_fixture.hpp"
#include "store/migrations.hpp"
#include "store/open_store.hpp"

namespace sanpi::store_test {
namespace {

class NativeBackupTest : public StoreTest {
protected:
    bool native() const { return GetParam() == Backend::kSqlite; }

    // Takes a backup of the populated store. False on a backend without one, which must have said
    // so without writing a file and must decline a native restore as well.
    bool backup_to(const std::string& path) {
        const bool done = must(store().backup_native(path));
        EXPECT_EQ(done, native());
        if (!done) {
            EXPECT_FALSE(std::filesystem::exists(path));
            EXPECT_FALSE(must(store().restore_native(path)));
        }
        return done;
    }

    void expect_invalid_restore(store::Store& target, const std::string& path, std::string_view says) {
        const auto before = checksums(target);
        auto r = target.restore_native(path);
        ASSERT_FALSE(r);
        EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
        ASSERT_FALSE(r.error().fields.empty());
        EXPECT_EQ(r.error().fields[0].field, "from");
        EXPECT_NE(r.error().fields[0].message.en.find(says), std::string::npos) << r.error().fields[0].message.en;
        expect_same_tables(checksums(target), before);
    }
};

TEST_P(NativeBackupTest, BackupIsAReadyToOpenDatabaseWithEqualChecksums) {
    populate(db_, GetParam());
    ScratchFile file("backup");
    if (!backup_to(file.path())) return;

    const std::string bytes = read_file(file.path());
    ASSERT_GT(bytes.size(), 100u);
    EXPECT_EQ(bytes.substr(0, 16), std::string("SQLite format 3\0", 16));
    EXPECT_EQ(bytes[18], 1) << "rollback-journal mode: complete without a -wal file";
    EXPECT_FALSE(std::filesystem::exists(file.path() + "-wal"));

    auto copy = must(store::open_store("sqlite:" + file.path()));
    EXPECT_EQ(must(copy->schema_version()), store::all_migrations().back().number);
    expect_same_tables(checksums(*copy), checksums(store()));
}

TEST_P(NativeBackupTest, RestoreReplacesAnotherStoresContents) {
    populate(db_, GetParam());
    ScratchFile file("backup");
    if (!backup_to(file.path())) return;

    auto target = testing::make_test_store(Backend::kSqlite);
    must(target->store->write(
        [](store::Tx& tx) { return tx.upsert_region(make_region("150000", "内蒙古", "Inner Mongolia")); }));
    checksums(*target->store);  // the pool's readers have been used, and must see the restored pages
    ASSERT_TRUE(must(target->store->restore_native(file.path())));

    expect_same_tables(checksums(*target->store), checksums(store()));
    EXPECT_FALSE(must(store::read_value<std::optional<domain::Project>>(*target->store, [](store::Tx& tx) {
                     return tx.find_project_by_code("DUMP-P1");
                 }))->construction_content.empty());
    // Still a working database: writes go on after the restored rows.
    must(target->store->write(
        [](store::Tx& tx) { return tx.upsert_region(make_region("150000", "内蒙古", "Inner Mongolia")); }));
}

TEST_P(NativeBackupTest, BackupRefusesToOverwriteAnExistingFile) {
    ScratchFile file("backup");
    write_file(file.path(), "precious");
    auto r = store().backup_native(file.path());
    EXPECT_EQ(read_file(file.path()), "precious");
    ASSERT_FALSE(r) << "both backends refuse an existing target before anything else";
    EXPECT_EQ(r.error().code, ErrorCode::kConflict);
    ASSERT_FALSE(r.error().fields.empty());
    EXPECT_EQ(r.error().fields[0].field, "to");
}

TEST_P(NativeBackupTest, RestoreRefusesFilesThatAreNotSanpiBackups) {
    seed();
    ScratchFile file("backup");
    if (!backup_to(file.path())) return;
    auto target = testing::make_test_store(Backend::kSqlite);

    expect_invalid_restore(*target->store, file.path() + ".missing", "no such backup file");
    ScratchFile text("not-sqlite");
    write_file(text.path(), "SANPI-DUMP 1\nschema 1\n");
    expect_invalid_restore(*target->store, text.path(), "not a SQLite database");

    ScratchFile damaged("damaged");
    std::string bytes = read_file(file.path());
    for (std::size_t i = 4096 * 2; i < bytes.size(); ++i) bytes[i] = static_cast<char>(0x55);
    write_file(damaged.path(), bytes);
    expect_invalid_restore(*target->store, damaged.path(), "damaged");

    expect_invalid_restore(*target->store, target->url.substr(7), "from itself");
}

TEST_P(NativeBackupTest, RestoreRefusesAnotherSchemaVersion) {
    ScratchFile other("other-schema");
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(other.path().c_str(), &db), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db,
                           "CREATE TABLE schema_migrations (number INTEGER PRIMARY KEY, name TEXT, applied_at BIGINT);"
                           "INSERT INTO schema_migrations VALUES (99, 'future', 0);",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
    if (!native()) {
        EXPECT_FALSE(must(store().restore_native(other.path())));
        return;
    }
    expect_invalid_restore(store(), other.path(), "schema version 99");
}

SANPI_STORE_SUITE(NativeBackupTest);

}  // namespace
}  // namespace sanpi::store_test
