// What a request costs the store: with its credential cached, a route that needs the store opens
// exactly one transaction (authentication opens none), and the benchmark's baseline opens none.
#include "http_fixture.hpp"
#include "support/counting_store.hpp"

namespace sanpi::testing {
namespace {

class RequestCostTest : public HttpTest {
protected:
    void SetUp() override {
        counting_ = std::make_unique<CountingStore>(store());
        auto& s = *counting_;
        auto& clock = env().clock;
        auth_ = std::make_unique<service::AuthService>(s, clock);
        catalog_ = std::make_unique<service::CatalogService>(s);
        projects_ = std::make_unique<service::ProjectService>(s, clock);
        campaigns_ = std::make_unique<service::CampaignService>(s, clock);
        reports_ = std::make_unique<service::ReportService>(s, clock);
        coordination_ = std::make_unique<service::CoordinationService>(s, clock);
        audit_ = std::make_unique<service::AuditService>(s);
        photos_ = std::make_unique<service::PhotoService>(s, clock);
        enterprises_ = std::make_unique<service::EnterpriseService>(s, clock);
        imports_ = std::make_unique<service::ProjectImportService>(s, clock, *projects_, *enterprises_);
        warnings_ = std::make_unique<service::WarningService>(s, clock);
        notices_ = std::make_unique<service::NoticeService>(s, clock);
        rankings_ = std::make_unique<service::RankingService>(s, clock);
        chains_ = std::make_unique<service::ChainService>(s, clock);
        http::ServerConfig config;
        config.address = "127.0.0.1";
        config.port = 0;
        config.threads = 1;
        config.workers = 2;
        config.bench_baseline = true;
        server_ =
            std::make_unique<http::Server>(config, http::Services{*auth_, *catalog_, *projects_, *campaigns_, *reports_,
                                                                  *coordination_, *audit_, *photos_, *enterprises_, *imports_,
                                                                  *warnings_, *notices_, *rankings_, *chains_});
        port_ = server_->start().value();
        token_ = auth_->create_api_token("province", "request cost").value();
    }
    void TearDown() override { server_->stop(); }

    // Transactions the request opened, answered with `status`.
    int cost(HttpClient& client, const std::string& target, int status = 200) {
        const int before = counting_->transactions();
        auto res = client.get(target);
        EXPECT_EQ(res.status, status) << target << ": " << res.body;
        return counting_->transactions() - before;
    }

    std::unique_ptr<CountingStore> counting_;
    std::unique_ptr<service::AuthService> auth_;
    std::unique_ptr<service::CatalogService> catalog_;
    std::unique_ptr<service::ProjectService> projects_;
    std::unique_ptr<service::CampaignService> campaigns_;
    std::unique_ptr<service::ReportService> reports_;
    std::unique_ptr<service::CoordinationService> coordination_;
    std::unique_ptr<service::AuditService> audit_;
    std::unique_ptr<service::PhotoService> photos_;
    std::unique_ptr<service::EnterpriseService> enterprises_;
    std::unique_ptr<service::ProjectImportService> imports_;
    std::unique_ptr<service::WarningService> warnings_;
    std::unique_ptr<service::NoticeService> notices_;
    std::unique_ptr<service::RankingService> rankings_;
    std::unique_ptr<service::ChainService> chains_;
    std::unique_ptr<http::Server> server_;
    std::uint16_t port_ = 0;
    std::string token_;
};

TEST_P(RequestCostTest, ACachedCallerCostsOneTransactionPerRequest) {
    HttpClient client(port_);
    client.set_header("Authorization", "Bearer " + token_);
    const auto id = std::to_string(project_in_zone(all_zones().front().id));
    EXPECT_EQ(cost(client, "/api/v1/projects/" + id), 2) << "the first request also reads the credential";
    EXPECT_EQ(cost(client, "/api/v1/projects/" + id), 1);
    EXPECT_EQ(cost(client, "/api/v1/projects?page_size=20"), 1);
    EXPECT_EQ(cost(client, "/api/v1/regions"), 1);
    EXPECT_EQ(cost(client, "/api/v1/reports"), 1);
}

TEST_P(RequestCostTest, ACachedSessionCookieCostsNothingToAuthenticate) {
    HttpClient client(port_);
    ASSERT_EQ(client.login("province", service::kDemoPassword).status, 200);
    EXPECT_EQ(cost(client, "/api/v1/session"), 1) << "the first look-up of the new session reads the store";
    EXPECT_EQ(cost(client, "/api/v1/session"), 0);
    EXPECT_EQ(cost(client, "/api/v1/regions"), 1);
}

TEST_P(RequestCostTest, TheBaselineTouchesNoStore) {
    HttpClient client(port_);
    EXPECT_EQ(cost(client, "/api/v1/bench/baseline"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, RequestCostTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
