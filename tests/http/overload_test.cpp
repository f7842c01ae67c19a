// Back-pressure, write lanes and the benchmark's baseline route: handler work runs on a bounded
// pool of workers; a request that finds every worker busy and no waiting place free gets 503 with
// Retry-After at once; writes get at most their lanes' share of the workers, so reads are served
// while writes wait. Workers are held by a gate (ServerConfig::before_handler), not by timing.
#include <condition_variable>
#include <future>
#include <mutex>

#include "http_fixture.hpp"

namespace sanpi::testing {
namespace {

// Holds every worker that reaches it until opened.
class Gate {
public:
    void pass() {
        std::unique_lock lock(mutex_);
        ++held_;
        changed_.notify_all();
        changed_.wait(lock, [&] { return open_; });
    }
    void wait_until_held(int n) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return held_ >= n; });
    }
    int held() {
        std::lock_guard lock(mutex_);
        return held_;
    }
    void open() {
        std::lock_guard lock(mutex_);
        open_ = true;
        changed_.notify_all();
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    int held_ = 0;
    bool open_ = false;
};

class OverloadTest : public HttpTest {
protected:
    void TearDown() override {
        gate_.open();  // never leave a worker held, or stopping the server would wait for it
        for (auto& f : pending_) f.wait();
        if (server_) server_->stop();
    }

    // `hold` picks the requests the gate holds (all of them unless given).
    std::uint16_t start(int workers, std::size_t queue_limit, bool bench_baseline = false, int write_lanes = 0,
                        std::function<bool(const http::Request&)> hold = {}) {
        http::ServerConfig config;
        config.address = "127.0.0.1";
        config.port = 0;
        config.threads = 1;
        config.workers = workers;
        config.queue_limit = queue_limit;
        config.bench_baseline = bench_baseline;
        config.write_lanes = write_lanes;
        config.before_handler = [this, hold](const http::Request& request) {
            if (!hold || hold(request)) gate_.pass();
        };
        auto& e = env();
        server_ =
            std::make_unique<http::Server>(config, http::Services{e.auth, e.catalog, e.projects, e.campaigns, e.reports,
                                                                  e.coordination, e.audit, e.photos, e.enterprises, e.imports, e.warnings, e.notices, e.rankings, e.chains});
        return server_->start().value();
    }

    // A request on its own connection, answered whenever the server gets to it.
    std::shared_future<HttpResponse> send(std::uint16_t port, std::string target, std::string method = "GET") {
        auto f = std::async(std::launch::async, [port, target, method] {
                     HttpClient client(port);
                     return method == "GET" ? client.get(target) : client.request(method, target, "{}");
                 }).share();
        pending_.push_back(f);
        return f;
    }

    static void expect_overloaded(const HttpResponse& res) {
        EXPECT_EQ(res.status, 503) << res.body;
        EXPECT_EQ(res.header("retry-after"), "1");
        EXPECT_EQ(res.header("content-type").rfind("application/problem+json", 0), 0u) << res.header("content-type");
        EXPECT_FALSE(res.header("x-request-id").empty());
        auto body = res.json();
        EXPECT_EQ(body.at("status"), 503);
        EXPECT_TRUE(std::string_view(body.at("type").as_string()).ends_with("/unavailable")) << body;
    }

    Gate gate_;
    std::unique_ptr<http::Server> server_;
    std::vector<std::shared_future<HttpResponse>> pending_;
};

TEST_P(OverloadTest, WithEveryWorkerBusyAndNoWaitingPlaceTheAnswerIs503WithRetryAfter) {
    const auto port = start(1, 0);
    auto held = send(port, "/healthz");
    gate_.wait_until_held(1);

    auto refused = HttpClient(port).get("/healthz?lang=en");
    expect_overloaded(refused);
    EXPECT_EQ(refused.json().at("detail"), "the server is busy; retry shortly");
    auto zh = HttpClient(port).get("/api/v1/projects");
    expect_overloaded(zh);
    EXPECT_EQ(zh.json().at("detail"), "服务繁忙，请稍后重试");

    gate_.open();
    EXPECT_EQ(held.get().status, 200) << "the held request is answered once its worker is free";
    EXPECT_EQ(HttpClient(port).get("/healthz").status, 200) << "and new requests are served again";
}

TEST_P(OverloadTest, TheQueueHoldsExactlyItsLimit) {
    const auto port = start(1, 1);
    auto held = send(port, "/healthz");
    gate_.wait_until_held(1);

    // Two more: one takes the single waiting place, the other is refused at once. While the gate
    // is closed only the refused one can be answered, so whichever answers first is it.
    auto a = send(port, "/healthz");
    auto b = send(port, "/healthz");
    const auto ready = [](const auto& f) {
        return f.wait_for(std::chrono::milliseconds(5)) == std::future_status::ready;
    };
    while (!ready(a) && !ready(b)) {
    }
    const bool a_first = ready(a);
    expect_overloaded(a_first ? a.get() : b.get());

    gate_.open();
    EXPECT_EQ(held.get().status, 200);
    EXPECT_EQ((a_first ? b : a).get().status, 200) << "the waiting request is served once a worker is free";
}

TEST_P(OverloadTest, WritesWaitingForTheirLaneLeaveTheOtherWorkersToReads) {
    // Three workers, one of them for writes: the gate holds writes only.
    const auto port = start(3, 8, false, 1, [](const http::Request& r) { return r.method != "GET"; });
    std::vector<std::shared_future<HttpResponse>> writes;
    for (int i = 0; i < 3; ++i) writes.push_back(send(port, "/api/v1/projects/1", "PATCH"));
    gate_.wait_until_held(1);

    // Were the writes on every worker, these reads would wait for the gate.
    for (int i = 0; i < 4; ++i) {
        auto read = send(port, "/healthz");
        ASSERT_EQ(read.wait_for(std::chrono::seconds(10)), std::future_status::ready) << "a read waited for the writes";
        EXPECT_EQ(read.get().status, 200);
    }
    EXPECT_EQ(gate_.held(), 1) << "one write at a time on one lane";

    gate_.open();
    for (auto& w : writes) EXPECT_NE(w.get().status, 503) << "the waiting writes are carried out in turn";
    EXPECT_EQ(gate_.held(), 3);
}

TEST_P(OverloadTest, LogInsDoNotWaitForTheWriteLane) {
    const auto port = start(3, 8, false, 1, [](const http::Request& r) { return r.method == "PATCH"; });
    auto write = send(port, "/api/v1/projects/1", "PATCH");
    gate_.wait_until_held(1);
    // Password hashing runs beside the held write, not behind it.
    auto login = std::async(std::launch::async, [port] { return HttpClient(port).login("nobody", "wrong-password"); });
    ASSERT_EQ(login.wait_for(std::chrono::seconds(10)), std::future_status::ready) << "the log-in waited for the write";
    EXPECT_EQ(login.get().status, 401);
    gate_.open();
    EXPECT_NE(write.get().status, 503);
}

TEST_P(OverloadTest, TheBenchmarkBaselineAnswersOnlyWhenEnabled) {
    gate_.open();
    auto off = anonymous()->get("/api/v1/bench/baseline");
    EXPECT_EQ(off.status, 404) << "the shared server runs with the default configuration";

    const auto port = start(2, 4, true);
    auto on = HttpClient(port).get("/api/v1/bench/baseline");
    ASSERT_EQ(on.status, 200) << on.body;
    EXPECT_EQ(on.body, R"({"ok":true})");
    EXPECT_EQ(on.header("content-type").rfind("application/json", 0), 0u);
}

INSTANTIATE_TEST_SUITE_P(Backends, OverloadTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
