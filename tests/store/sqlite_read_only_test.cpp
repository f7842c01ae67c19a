// A SQLite database on a file system mounted read-only is served for reading: reads work, a
// write answers the read-only 503 and changes nothing, and once the file system is writable again
// the next write succeeds and every read sees it, without reopening the store. Staged on a tmpfs
// of the test's own, remounted read-only and back (the test command runs as root).
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "store/migrations.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/store.hpp"
#include "support/tmpfs_mount.hpp"

namespace sanpi::store::sqlite {
namespace {

namespace fs = std::filesystem;

const domain::Industry kFirst{"R01", "只读前", "before", 1};
const domain::Industry kSecond{"R02", "恢复后", "after", 2};

std::vector<std::string> industry_codes(Store& store) {
    std::vector<std::string> codes;
    auto read = store.read([&](Tx& tx) -> Result<void> {
        auto all = tx.list_industries();
        if (!all) return all.error();
        for (const auto& i : *all) codes.push_back(i.code);
        return {};
    });
    EXPECT_TRUE(read) << (read ? "" : read.error().message.en);
    return codes;
}

Result<void> add(Store& store, const domain::Industry& industry) {
    return store.write([&](Tx& tx) { return tx.upsert_industry(industry); });
}

class SqliteReadOnly : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(disk_.ok()) << disk_.error();
        auto store = SqliteStore::open(path_);
        ASSERT_TRUE(store) << store.error().message.en;
        ASSERT_TRUE((*store)->migrate());
        ASSERT_TRUE(add(**store, kFirst));
        // Closed: the last connection folds the log into the file and removes -wal and -shm.
    }

    testing::TmpfsMount disk_{"64m"};
    const std::string path_ = disk_.path() + "/sanpi.db";
};

TEST_F(SqliteReadOnly, ReadsWorkWritesAreRefusedAndResumeOnceWritable) {
    ASSERT_FALSE(fs::exists(path_ + "-wal"));
    ASSERT_TRUE(disk_.set_read_only(true));
    auto opened = SqliteStore::open(path_);
    ASSERT_TRUE(opened) << opened.error().message.en;
    Store& store = **opened;

    EXPECT_EQ(store.schema_version().value(), all_migrations().back().number);
    EXPECT_EQ(industry_codes(store), std::vector<std::string>{"R01"});
    auto refused = add(store, kSecond);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::kUnavailable);
    EXPECT_NE(refused.error().message.en.find("read-only"), std::string::npos) << refused.error().message.en;
    EXPECT_EQ(industry_codes(store), std::vector<std::string>{"R01"});

    // The idle reader opened above read the file as immutable; it must not serve the next read.
    ASSERT_TRUE(disk_.set_read_only(false));
    auto resumed = add(store, kSecond);
    ASSERT_TRUE(resumed) << resumed.error().message.en;
    EXPECT_EQ(industry_codes(store), (std::vector<std::string>{"R01", "R02"}));
    EXPECT_TRUE(fs::exists(path_ + "-wal")) << "the write went to the log, which an immutable reader ignores";
}

TEST_F(SqliteReadOnly, ALogLeftBesideTheFileIsRead) {
    // A server whose file system turned read-only while it ran leaves its -wal and -shm behind
    // with writes not yet folded into the file. Staged by copying them aside while a connection
    // holds them open, then putting them back beside a closed copy of the file.
    {
        auto store = SqliteStore::open(path_);
        ASSERT_TRUE(store);
        ASSERT_TRUE(add(**store, kSecond));
        ASSERT_GT(fs::file_size(path_ + "-wal"), 0U);
        for (const char* suffix : {"", "-wal", "-shm"}) {
            fs::copy_file(path_ + suffix, path_ + suffix + ".kept", fs::copy_options::overwrite_existing);
        }
    }
    for (const char* suffix : {"", "-wal", "-shm"}) fs::rename(path_ + suffix + ".kept", path_ + suffix);
    ASSERT_TRUE(disk_.set_read_only(true));

    auto opened = SqliteStore::open(path_);
    ASSERT_TRUE(opened) << opened.error().message.en;
    EXPECT_EQ(industry_codes(**opened), (std::vector<std::string>{"R01", "R02"}));
    EXPECT_FALSE(add(**opened, domain::Industry{"R03", "只读", "read-only", 3}));
}

TEST_F(SqliteReadOnly, AFileThatIsNotThereIsStillAnErrorOnAReadOnlyFileSystem) {
    ASSERT_TRUE(disk_.set_read_only(true));
    auto opened = SqliteStore::open(disk_.path() + "/missing.db");
    ASSERT_FALSE(opened);
    EXPECT_NE(opened.error().message.en.find("cannot open database file"), std::string::npos)
        << opened.error().message.en;
}

}  // namespace
}  // namespace sanpi::store::sqlite
