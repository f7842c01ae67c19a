// GET /metrics: counters that move with requests, labelled by route pattern; who may read them.
#include "http/metrics.hpp"

#include <regex>

#include "http_fixture.hpp"

namespace sanpi::testing {
namespace {

// The value of the sample whose name and labels are exactly `series`, or 0 when absent.
double metric_value(const std::string& text, const std::string& series) {
    const std::string prefix = series + " ";
    for (std::size_t at = 0; at < text.size();) {
        const auto end = text.find('\n', at);
        const std::string line = text.substr(at, end - at);
        if (line.starts_with(prefix)) return std::stod(line.substr(prefix.size()));
        if (end == std::string::npos) break;
        at = end + 1;
    }
    return 0;
}

class MetricsTest : public HttpTest {
protected:
    std::string scrape() {
        auto res = anonymous()->get("/metrics");
        EXPECT_EQ(res.status, 200) << res.body;
        EXPECT_EQ(res.header("content-type"), "text/plain; version=0.0.4; charset=utf-8");
        return res.body;
    }

    std::unique_ptr<http::Server> server_with_token(const std::string& token) {
        http::ServerConfig config;
        config.address = "127.0.0.1";
        config.port = 0;
        config.threads = 1;
        config.metrics_token = token;
        auto& e = env();
        return std::make_unique<http::Server>(
            config, http::Services{e.auth, e.catalog, e.projects, e.campaigns, e.reports, e.coordination, e.audit,
                                   e.photos, e.enterprises, e.imports, e.warnings, e.notices, e.rankings, e.chains});
    }
};

TEST_P(MetricsTest, RequestCountsAndLatencyMoveByRoutePattern) {
    const std::string ok = R"(sanpi_http_requests_total{method="GET",route="/api/v1/projects/{id}",status="2xx"})";
    const std::string bad = R"(sanpi_http_requests_total{method="GET",route="/api/v1/projects/{id}",status="4xx"})";
    const std::string count =
        R"(sanpi_http_request_duration_seconds_count{method="GET",route="/api/v1/projects/{id}"})";
    const std::string inf =
        R"(sanpi_http_request_duration_seconds_bucket{method="GET",route="/api/v1/projects/{id}",le="+Inf"})";
    const std::string unmatched = R"m(sanpi_http_requests_total{method="",route="(unmatched)",status="4xx"})m";
    const auto before = scrape();
    auto client = as("province");
    const std::string id = std::to_string(project_in_zone(all_zones().front().id));
    for (int i = 0; i < 3; ++i) EXPECT_EQ(client->get("/api/v1/projects/" + id).status, 200);
    EXPECT_EQ(client->request("HEAD", "/api/v1/projects/" + id).status, 200);
    EXPECT_EQ(client->get("/api/v1/projects/abc").status, 400);
    EXPECT_EQ(client->get("/api/v1/no-such-thing").status, 404);
    const auto after = scrape();
    EXPECT_EQ(metric_value(after, ok), metric_value(before, ok) + 4);
    EXPECT_EQ(metric_value(after, bad), metric_value(before, bad) + 1);
    EXPECT_EQ(metric_value(after, count), metric_value(before, count) + 5);
    EXPECT_EQ(metric_value(after, inf), metric_value(after, count));
    EXPECT_EQ(metric_value(after, unmatched), metric_value(before, unmatched) + 1);
    // Raw paths never become labels: the number of series is bounded by the route table.
    EXPECT_EQ(after.find("/api/v1/projects/" + id + "\""), std::string::npos);
    EXPECT_EQ(after.find("no-such-thing"), std::string::npos);
}

TEST_P(MetricsTest, GaugesAndBuildInfo) {
    as("province")->get("/api/v1/session");
    const auto text = scrape();
    EXPECT_GE(metric_value(text, "sanpi_active_users"), 1);
    EXPECT_GE(metric_value(text, "sanpi_http_connections_open"), 1);  // the scrape's own
    EXPECT_GE(metric_value(text, "sanpi_store_pool_connections"), 1);
    EXPECT_EQ(metric_value(text, "sanpi_store_pool_waiting"), 0);
    EXPECT_EQ(metric_value(text, "sanpi_worker_queue_length"), 0);
    const std::string backend = std::string(store().backend());
    const std::regex build(R"(sanpi_build_info\{version="[0-9.]+",commit="[0-9a-f]*",backend=")" + backend +
                           R"("\} 1)");
    EXPECT_TRUE(std::regex_search(text, build)) << text.substr(text.find("sanpi_build_info"));
    EXPECT_NE(text.find("# TYPE sanpi_http_request_duration_seconds histogram"), std::string::npos);
}

TEST_P(MetricsTest, ACallerForwardedByAProxyIsRefused) {
    auto res = anonymous()->get("/metrics", {{"X-Forwarded-For", "203.0.113.9"}});
    EXPECT_EQ(res.status, 403);
    EXPECT_EQ(res.header("content-type"), "application/problem+json; charset=utf-8");
    EXPECT_EQ(anonymous()->get("/metrics", {{"Forwarded", "for=203.0.113.9"}}).status, 403);
}

TEST_P(MetricsTest, WithATokenOnlyTheTokenOpensIt) {
    auto server = server_with_token("scrape-secret-1");
    auto port = server->start();
    ASSERT_TRUE(port);
    HttpClient client(*port);
    EXPECT_EQ(client.get("/metrics").status, 403);  // loopback is not enough once a token is set
    EXPECT_EQ(client.get("/metrics", {{"Authorization", "Bearer scrape-secret-2"}}).status, 403);
    EXPECT_EQ(client.get("/metrics", {{"Authorization", "Bearer scrape-secret"}}).status, 403);
    auto ok = client.get("/metrics", {{"Authorization", "Bearer scrape-secret-1"}, {"X-Forwarded-For", "203.0.113.9"}});
    EXPECT_EQ(ok.status, 200);
    EXPECT_NE(ok.body.find("sanpi_build_info"), std::string::npos);
    server->stop();
}

INSTANTIATE_TEST_SUITE_P(Backends, MetricsTest, ::testing::ValuesIn(all_backends()), backend_param_name);

http::Request metrics_request(std::string remote, http::Fields headers = {}) {
    http::Request r;
    r.method = "GET";
    r.target = "/metrics";
    r.remote = std::move(remote);
    r.headers = std::move(headers);
    return r;
}

TEST(MetricsAccess, LoopbackPeersOnlyWithoutATokenAndTheTokenOnlyWithOne) {
    EXPECT_TRUE(http::metrics_allowed(metrics_request("127.0.0.1"), ""));
    EXPECT_TRUE(http::metrics_allowed(metrics_request("127.5.0.9"), ""));
    EXPECT_TRUE(http::metrics_allowed(metrics_request("::1"), ""));
    EXPECT_TRUE(http::metrics_allowed(metrics_request("::ffff:127.0.0.1"), ""));
    EXPECT_FALSE(http::metrics_allowed(metrics_request("10.0.0.7"), ""));
    EXPECT_FALSE(http::metrics_allowed(metrics_request("::ffff:10.0.0.7"), ""));
    EXPECT_FALSE(http::metrics_allowed(metrics_request("2001:db8::1"), ""));
    EXPECT_FALSE(http::metrics_allowed(metrics_request("127.0.0.1", {{"x-forwarded-for", "1.2.3.4"}}), ""));
    EXPECT_FALSE(http::metrics_allowed(metrics_request("127.0.0.1"), "tok"));
    EXPECT_TRUE(http::metrics_allowed(metrics_request("10.0.0.7", {{"authorization", "Bearer tok"}}), "tok"));
    EXPECT_FALSE(http::metrics_allowed(metrics_request("10.0.0.7", {{"authorization", "Bearer tok2"}}), "tok"));
    EXPECT_FALSE(http::metrics_allowed(metrics_request("10.0.0.7", {{"authorization", "Basic tok"}}), "tok"));
}

TEST(MetricsCounters, BucketsAreCumulativeAndSeriesAppearOnceCounted) {
    http::Metrics metrics({{"GET", "/a/{id}"}, {"POST", "/a"}});
    metrics.record(0, 200, std::chrono::microseconds(500));     // ≤ 0.001
    metrics.record(0, 204, std::chrono::microseconds(30'000));  // ≤ 0.05
    metrics.record(0, 404, std::chrono::seconds(20));           // +Inf only
    metrics.record(metrics.unmatched(), 405, std::chrono::microseconds(10));
    const auto text = metrics.exposition({}, {"1.2.3", "abc", "sqlite"}, 1000);
    EXPECT_EQ(metric_value(text, R"(sanpi_http_requests_total{method="GET",route="/a/{id}",status="2xx"})"), 2);
    EXPECT_EQ(metric_value(text, R"(sanpi_http_requests_total{method="GET",route="/a/{id}",status="4xx"})"), 1);
    EXPECT_EQ(metric_value(text, R"m(sanpi_http_requests_total{method="",route="(unmatched)",status="4xx"})m"), 1);
    EXPECT_EQ(text.find(R"(route="/a",)"), std::string::npos);  // POST /a: nothing counted, no series
    const std::string b = R"(sanpi_http_request_duration_seconds_bucket{method="GET",route="/a/{id}",le=")";
    EXPECT_EQ(metric_value(text, b + R"(0.001"})"), 1);
    EXPECT_EQ(metric_value(text, b + R"(0.025"})"), 1);
    EXPECT_EQ(metric_value(text, b + R"(0.05"})"), 2);
    EXPECT_EQ(metric_value(text, b + R"(10"})"), 2);
    EXPECT_EQ(metric_value(text, b + R"(+Inf"})"), 3);
    EXPECT_DOUBLE_EQ(metric_value(text, R"(sanpi_http_request_duration_seconds_sum{method="GET",route="/a/{id}"})"),
                     20.0305);
    EXPECT_NE(text.find(R"(sanpi_build_info{version="1.2.3",commit="abc",backend="sqlite"} 1)"), std::string::npos);
}

TEST(MetricsCounters, ActiveUsersWithinTheWindow) {
    http::Metrics metrics({});
    metrics.saw_user(1, 1000);
    metrics.saw_user(2, 1200);
    metrics.saw_user(2, 1250);
    EXPECT_EQ(metrics.active_users(1250), 2U);
    EXPECT_EQ(metrics.active_users(1000 + http::kActiveWindow.count()), 1U);
    EXPECT_EQ(metrics.active_users(5000), 0U);
}

}  // namespace
}  // namespace sanpi::testing
