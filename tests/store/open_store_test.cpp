// Parsing of --db values; these do not depend on a running backend.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <thread>

#include "store/open_store.hpp"
#include "store/store.hpp"

namespace sanpi::store_test {
namespace {

// PostgreSQL URLs: see postgres_open_test.cpp.

// A SQLite reader computes on this machine's cores (the cores and two more); a PostgreSQL session
// mostly waits for the database (twice the cores, at least 4).
TEST(OpenStoreTest, DefaultPoolSizesFollowTheCoresPerBackend) {
    const std::size_t cores = std::max(1U, std::thread::hardware_concurrency());
    EXPECT_EQ(store::default_pool_size("sqlite:x.db"), cores + 2);
    EXPECT_EQ(store::default_pool_size("x.db"), cores + 2);
    EXPECT_EQ(store::default_pool_size("postgresql://h/db"), std::max<std::size_t>(4, 2 * cores));
    EXPECT_EQ(store::default_pool_size("postgres://h/db"), std::max<std::size_t>(4, 2 * cores));
}

TEST(OpenStoreTest, EmptyUrlIsRefused) {
    auto r = store::open_store("");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
    EXPECT_FALSE(store::open_store("sqlite:"));
}

TEST(OpenStoreTest, InMemoryDatabaseIsRefused) {
    auto r = store::open_store("sqlite::memory:");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
}

TEST(OpenStoreTest, MissingDirectoryIsUnavailableAndNamesThePath) {
    const std::string path = "/nonexistent-sanpi-dir/sub/sanpi.db";
    auto r = store::open_store("sqlite:" + path);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
    EXPECT_NE(r.error().message.en.find(path), std::string::npos);
    EXPECT_NE(r.error().message.zh.find(path), std::string::npos);
}

TEST(OpenStoreTest, PlainPathAndSqlitePrefixOpenTheSameFile) {
    const auto path = std::filesystem::temp_directory_path() / "sanpi-open-store-test.db";
    std::filesystem::remove(path);
    {
        auto plain = store::open_store(path.string());
        ASSERT_TRUE(plain) << plain.error().message.en;
        EXPECT_EQ((*plain)->backend(), "sqlite");
        EXPECT_EQ((*plain)->schema_version().value(), 0);
        EXPECT_GT((*plain)->migrate().value(), 0);
    }
    {
        auto prefixed = store::open_store("sqlite:" + path.string());
        ASSERT_TRUE(prefixed) << prefixed.error().message.en;
        EXPECT_EQ((*prefixed)->migrate().value(), 0);
    }
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

TEST(OpenStoreTest, FileThatIsNotADatabaseIsRefused) {
    const auto path = std::filesystem::temp_directory_path() / "sanpi-not-a-db.db";
    {
        std::FILE* f = std::fopen(path.c_str(), "wb");
        ASSERT_NE(f, nullptr);
        std::fputs("this is certainly not an SQLite file, just some text long enough to fill a header....", f);
        std::fclose(f);
    }
    auto r = store::open_store(path.string());
    EXPECT_FALSE(r);
    std::filesystem::remove(path);
}

}  // namespace
}  // namespace sanpi::store_test
