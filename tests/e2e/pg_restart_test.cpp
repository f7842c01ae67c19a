// A running `sanpi serve` whose PostgreSQL goes away: requests fail fast with 503 (never hang,
// never 500) and succeed again once the database is back, without restarting the server.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <chrono>
#include <thread>

#include "http/client.hpp"
#include "server_process.hpp"
#include "service/auth_service.hpp"
#include "store/open_store.hpp"
#include "store/store.hpp"
#include "support/private_cluster.hpp"

namespace sanpi::testing {
namespace {

using Clock = std::chrono::steady_clock;

class PgRestart : public ::testing::Test {
protected:
    void SetUp() override {
        if (!PrivateCluster::available()) GTEST_SKIP() << "needs SANPI_TEST_PG_BIN (scripts/with-postgres.sh)";
        cluster_ = std::make_unique<PrivateCluster>();
        ASSERT_TRUE(cluster_->ok());
        auto store = store::open_store(cluster_->url());
        ASSERT_TRUE(store) << store.error().message.en;
        ASSERT_TRUE((*store)->migrate());
        // One account is all a signed-in read needs (the demo took most of a minute to load here).
        service::SystemClock clock;
        service::AuthService auth(**store, clock);
        ASSERT_TRUE(auth.add_user("watcher", domain::Role::kSupervisor, "national", "restart-test-password-1"));
        token_ = auth.create_api_token("watcher", "restart test").value();
    }

    // A signed-in read of the store: the project list (empty here).
    HttpResponse get_project(std::uint16_t port) {
        HttpClient client(port);   // a fresh connection each time, like a browser after a failure
        client.set_header("Authorization", "Bearer " + token_);
        return client.get("/api/v1/projects?page_size=1");
    }

    std::unique_ptr<PrivateCluster> cluster_;
    std::string token_;
};

TEST_F(PgRestart, RequestsGet503WhileTheDatabaseIsDownAndRecoverAfterwards) {
    ServerProcess server(cluster_->url());
    ASSERT_EQ(get_project(server.port()).status, 200);

    ASSERT_TRUE(cluster_->pg_ctl("stop"));
    const auto started = Clock::now();
    auto down = get_project(server.port());
    EXPECT_LT(Clock::now() - started, std::chrono::seconds(10)) << "no request may hang";
    EXPECT_EQ(down.status, 503);
    EXPECT_EQ(down.header("content-type").rfind("application/problem+json", 0), 0u);
    EXPECT_EQ(down.json().at("status").as_int64(), 503);
    EXPECT_EQ(get_project(server.port()).status, 503);   // still down: still a clean answer
    EXPECT_EQ(HttpClient(server.port()).get("/healthz").status, 503);

    ASSERT_TRUE(cluster_->pg_ctl("start"));
    int status = 0;
    for (int attempt = 0; attempt < 50 && status != 200; ++attempt) {
        status = get_project(server.port()).status;
        if (status != 200) std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    EXPECT_EQ(status, 200) << "the server must recover by itself";
    EXPECT_EQ(HttpClient(server.port()).get("/healthz").status, 200);
    EXPECT_EQ(server.stop(), 0);
}

TEST_F(PgRestart, ServerRefusesToStartWhileTheDatabaseIsDown) {
    ASSERT_TRUE(cluster_->pg_ctl("stop"));
    std::string out;
    const auto started = Clock::now();
    EXPECT_NE(run_sanpi({"serve", "--db", cluster_->url(), "--port", "18999"}, &out), 0);
    EXPECT_LT(Clock::now() - started, std::chrono::seconds(15));
    EXPECT_NE(out.find("db"), std::string::npos) << out;
}

}  // namespace
}  // namespace sanpi::testing
