// Opening a PostgreSQL store: a wrong URL or an unreachable server is a clear error naming "db",
// quickly, never a hang. Only the unknown-database case needs a running server (SANPI_TEST_PG).
#include <gtest/gtest.h>

#include <chrono>

#include "store/open_store.hpp"
#include "store/store.hpp"
#include "support/test_store.hpp"

namespace sanpi::store_test {
namespace {

using Clock = std::chrono::steady_clock;

// Opens `url`, expecting a failure with `code` that names the "db" field within `limit`.
Error open_fails(const std::string& url, ErrorCode code, std::chrono::seconds limit = std::chrono::seconds(3)) {
    const auto started = Clock::now();
    auto r = store::open_store(url);
    EXPECT_LT(Clock::now() - started, limit) << url;
    if (r) {
        ADD_FAILURE() << "opened " << url;
        return Error{};
    }
    EXPECT_EQ(r.error().code, code) << url << ": " << r.error().message.en;
    EXPECT_EQ(r.error().fields.size(), 1u) << url;
    if (!r.error().fields.empty()) {
        EXPECT_EQ(r.error().fields[0].field, "db") << url;
    }
    return r.error();
}

TEST(PostgresOpenTest, UnparseableUrlIsInvalidInput) {
    for (const char* url :
         {"postgresql://[::1", "postgresql://u@h/db?no_such_option=1", "postgres://u@h:5432/db?sslmode"}) {
        open_fails(url, ErrorCode::kInvalidInput);
    }
}

TEST(PostgresOpenTest, InvalidSettingIsInvalidInput) {
    open_fails("postgresql://u@127.0.0.1:notaport/db", ErrorCode::kInvalidInput);
    open_fails("postgresql://u@127.0.0.1:1/db?connect_timeout=soon", ErrorCode::kInvalidInput);
}

TEST(PostgresOpenTest, ServerDownIsUnavailableAndSaysWhere) {
    const auto e = open_fails("postgresql://nobody@127.0.0.1:1/none", ErrorCode::kUnavailable);
    EXPECT_NE(e.message.en.find("127.0.0.1:1/none"), std::string::npos) << e.message.en;
    EXPECT_NE(e.message.zh.find("127.0.0.1:1/none"), std::string::npos) << e.message.zh;
}

TEST(PostgresOpenTest, UnknownOrUnreachableHostIsUnavailableWithinTheConnectTimeout) {
    open_fails("postgresql://u@no-such-host.invalid/db?connect_timeout=2", ErrorCode::kUnavailable,
               std::chrono::seconds(8));
    open_fails("postgresql://u@192.0.2.1:5432/db?connect_timeout=2", ErrorCode::kUnavailable, std::chrono::seconds(8));
}

TEST(PostgresOpenTest, PasswordNeverAppearsInTheError) {
    for (const char* url : {"postgresql://u:s3cr3tpw@127.0.0.1:1/db", "postgresql://u:s3cr3tpw@h/db?bogus=1"}) {
        auto r = store::open_store(url);
        ASSERT_FALSE(r);
        EXPECT_EQ(r.error().message.en.find("s3cr3tpw"), std::string::npos);
        EXPECT_EQ(r.error().message.zh.find("s3cr3tpw"), std::string::npos);
        for (const auto& f : r.error().fields) {
            EXPECT_EQ(f.message.en.find("s3cr3tpw"), std::string::npos);
            EXPECT_EQ(f.message.zh.find("s3cr3tpw"), std::string::npos);
        }
    }
}

TEST(PostgresOpenTest, UnknownDatabaseIsInvalidInput) {
    const auto url = testing::postgres_url();
    if (!url) GTEST_SKIP() << "SANPI_TEST_PG not set";
    const auto e = open_fails(url->substr(0, url->rfind('/')) + "/sanpi_no_such_db", ErrorCode::kInvalidInput);
    ASSERT_EQ(e.fields.size(), 1u);
    EXPECT_NE(e.fields[0].message.en.find("sanpi_no_such_db"), std::string::npos) << e.fields[0].message.en;
}

TEST(PostgresOpenTest, OpensAndNamesItsBackend) {
    const auto url = testing::postgres_url();
    if (!url) GTEST_SKIP() << "SANPI_TEST_PG not set";
    auto opened = store::open_store(*url);
    ASSERT_TRUE(opened) << opened.error().message.en;
    EXPECT_EQ((*opened)->backend(), "postgresql");
    EXPECT_FALSE((*opened)->backup_native("/tmp/never-written").value());
    EXPECT_FALSE((*opened)->restore_native("/tmp/never-read").value());
}

}  // namespace
}  // namespace sanpi::store_test
