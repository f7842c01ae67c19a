// The database going away under a running store: calls fail fast with kUnavailable (never hang,
// never crash) and succeed again through the same Store once the server is back.
// Stops and starts the shared cluster of scripts/with-postgres.sh, so ctest runs this binary
// alone (RUN_SERIAL, see tests/CMakeLists.txt). Skipped unless SANPI_TEST_PG* are set.
#include <unistd.h>

#include <chrono>
#include <cstdlib>

#include "store/store_fixture.hpp"

namespace sanpi::store_test {
namespace {

using Clock = std::chrono::steady_clock;

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v != nullptr ? v : "";
}

// pg_ctl on the test cluster, as its owner (initdb refuses root, so with-postgres.sh runs the
// cluster as `postgres` when started by root).
bool pg_ctl(const std::string& action) {
    const std::string data = env("SANPI_TEST_PGDATA");
    std::string cmd = "'" + env("SANPI_TEST_PG_BIN") + "/pg_ctl' -D '" + data + "' -m fast -w -t 60 ";
    if (action == "start") cmd += "-l '" + data + "/server.log' ";
    cmd += action + " >/dev/null 2>&1";
    if (::geteuid() == 0) cmd = "runuser -u '" + env("SANPI_TEST_PG_USER") + "' -- " + cmd;
    return std::system(cmd.c_str()) == 0;
}

// Starts the server again however the test ends, before the test store drops its schema.
struct ServerBack {
    bool stopped = false;
    ~ServerBack() {
        if (stopped) pg_ctl("start");
    }
};

class PostgresFaultTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (!testing::postgres_url() || env("SANPI_TEST_PGDATA").empty() || env("SANPI_TEST_PG_BIN").empty()) {
            GTEST_SKIP() << "needs SANPI_TEST_PG, SANPI_TEST_PGDATA and SANPI_TEST_PG_BIN (scripts/with-postgres.sh)";
        }
        db_ = testing::make_test_store(Backend::kPostgres);
        must(db_->store->write(
            [](store::Tx& tx) { return tx.upsert_region(make_region("140000", "山西省", "Shanxi")); }));
    }

    Result<std::size_t> regions() {
        auto r = store::read_value<std::vector<domain::Region>>(*db_->store,
                                                                [](store::Tx& tx) { return tx.list_regions(); });
        if (!r) return r.error();
        return r->size();
    }

    Result<void> add_industry(std::string code) {
        return db_->store->write([&](store::Tx& tx) { return tx.upsert_industry(make_industry(code)); });
    }

    std::unique_ptr<testing::TestStore> db_;
    ServerBack server_;  // declared after db_: restarts the server before the schema is dropped
};

void expect_unavailable_quickly(const std::function<Result<void>()>& call) {
    const auto started = Clock::now();
    auto r = call();
    EXPECT_LT(Clock::now() - started, std::chrono::seconds(8));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kUnavailable) << r.error().message.en;
    EXPECT_EQ(r.error().message.en, "the database is temporarily unavailable; try again");
}

TEST_F(PostgresFaultTest, CallsFailFastWhileTheServerIsDownAndSucceedOnceItIsBack) {
    ASSERT_EQ(regions().value(), 1u);
    ASSERT_TRUE(pg_ctl("stop"));
    server_.stopped = true;
    expect_unavailable_quickly([&]() -> Result<void> {
        auto n = regions();
        return n ? Result<void>() : Result<void>(n.error());
    });
    expect_unavailable_quickly([&] { return add_industry("while_down"); });
    auto reopened = store::open_store(db_->url);
    ASSERT_FALSE(reopened);
    EXPECT_EQ(reopened.error().code, ErrorCode::kUnavailable);

    ASSERT_TRUE(pg_ctl("start"));
    server_.stopped = false;
    EXPECT_EQ(regions().value(), 1u);
    EXPECT_TRUE(add_industry("after_restart"));
}

TEST_F(PostgresFaultTest, RestartBetweenCallsIsInvisible) {
    ASSERT_EQ(regions().value(), 1u);  // the pool now holds a session the restart will end
    ASSERT_TRUE(pg_ctl("restart"));
    EXPECT_EQ(regions().value(), 1u);
    EXPECT_TRUE(add_industry("after_restart"));
}

TEST_F(PostgresFaultTest, ServerStoppingMidTransactionFailsThatTransactionOnly) {
    auto r = db_->store->write([&](store::Tx& tx) -> Result<void> {
        if (auto ok = tx.upsert_industry(make_industry("before_stop")); !ok) return ok;
        EXPECT_TRUE(pg_ctl("stop"));
        server_.stopped = true;
        auto after = tx.upsert_industry(make_industry("after_stop"));
        EXPECT_FALSE(after);
        if (!after) {
            EXPECT_EQ(after.error().code, ErrorCode::kUnavailable);
        }
        return after;
    });
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
    ASSERT_TRUE(pg_ctl("start"));
    server_.stopped = false;
    auto industries = store::read_value<std::vector<domain::Industry>>(
        *db_->store, [](store::Tx& tx) { return tx.list_industries(); });
    ASSERT_TRUE(industries) << industries.error().message.en;
    EXPECT_TRUE(industries->empty()) << "the interrupted transaction must leave nothing";
}

}  // namespace
}  // namespace sanpi::store_test
