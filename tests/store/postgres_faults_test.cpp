// The database going away under a running store: calls fail fast with kUnavailable (never hang,
// never crash) and succeed again through the same Store once the server is back.
// Each test runs its own PrivateCluster, so stopping it never disturbs tests running in parallel
// on the shared one. Runs when scripts/with-postgres.sh has exported SANPI_TEST_PG_BIN.
#include <chrono>
#include <cstdlib>

#include "store/open_store.hpp"
#include "store/store_fixture.hpp"
#include "support/private_cluster.hpp"

namespace sanpi::store_test {
namespace {

using Clock = std::chrono::steady_clock;

class PostgresFaultTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (!testing::PrivateCluster::available()) {
            GTEST_SKIP() << "needs SANPI_TEST_PG and SANPI_TEST_PG_BIN (scripts/with-postgres.sh)";
        }
        cluster_ = std::make_unique<testing::PrivateCluster>();
        ASSERT_TRUE(cluster_->ok()) << "could not start a private PostgreSQL cluster";
        store_ = must(store::open_store(cluster_->url()));
        must(store_->migrate());
        must(store_->write([](store::Tx& tx) { return tx.upsert_region(make_region("140000", "山西省", "Shanxi")); }));
    }
    void TearDown() override { store_.reset(); }

    Result<void> count_regions(std::size_t expected) {
        auto r =
            store::read_value<std::vector<domain::Region>>(*store_, [](store::Tx& tx) { return tx.list_regions(); });
        if (!r) return r.error();
        EXPECT_EQ(r->size(), expected);
        return {};
    }

    Result<void> add_industry(std::string code) {
        return store_->write([&](store::Tx& tx) { return tx.upsert_industry(make_industry(code)); });
    }

    std::unique_ptr<testing::PrivateCluster> cluster_;
    std::unique_ptr<store::Store> store_;
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
    must(count_regions(1));
    ASSERT_TRUE(cluster_->pg_ctl("stop"));
    expect_unavailable_quickly([&] { return count_regions(1); });
    expect_unavailable_quickly([&] { return add_industry("while_down"); });
    auto reopened = store::open_store(cluster_->url());
    ASSERT_FALSE(reopened);
    EXPECT_EQ(reopened.error().code, ErrorCode::kUnavailable);

    ASSERT_TRUE(cluster_->pg_ctl("start"));
    must(count_regions(1));
    must(add_industry("after_restart"));
}

TEST_F(PostgresFaultTest, RestartBetweenCallsIsInvisible) {
    must(count_regions(1));  // the pool now holds a session the restart will end
    ASSERT_TRUE(cluster_->pg_ctl("restart"));
    must(count_regions(1));
    must(add_industry("after_restart"));
}

TEST_F(PostgresFaultTest, ServerStoppingMidTransactionFailsThatTransactionOnly) {
    auto r = store_->write([&](store::Tx& tx) -> Result<void> {
        if (auto ok = tx.upsert_industry(make_industry("before_stop")); !ok) return ok;
        EXPECT_TRUE(cluster_->pg_ctl("stop"));
        auto after = tx.upsert_industry(make_industry("after_stop"));
        EXPECT_FALSE(after);
        return after;
    });
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
    ASSERT_TRUE(cluster_->pg_ctl("start"));
    auto industries =
        store::read_value<std::vector<domain::Industry>>(*store_, [](store::Tx& tx) { return tx.list_industries(); });
    ASSERT_TRUE(industries) << industries.error().message.en;
    EXPECT_TRUE(industries->empty()) << "the interrupted transaction must leave nothing";
}

}  // namespace
}  // namespace sanpi::store_test
