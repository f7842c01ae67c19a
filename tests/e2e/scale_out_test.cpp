// Two `sanpi serve` processes against one PostgreSQL; concurrent clients update the same
// projects through both. No accepted update may be lost, and log-in failures counted by one server
// lock the name on the other.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <thread>

#include "http/client.hpp"
#include "server_process.hpp"
#include "service/auth_service.hpp"
#include "support/demo_store.hpp"
#include "store/transact.hpp"
#include "support/test_store.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

struct Accepted {
    std::int64_t version;   // the version the accepted update produced
    std::int64_t jobs;      // the value it wrote
};

struct Outcome {
    std::mutex mutex;
    std::map<std::int64_t, std::vector<Accepted>> accepted;   // project id -> accepted updates
    std::atomic<int> conflicts{0};
    std::atomic<int> other{0};
};

std::int64_t etag_version(const std::string& etag) {
    return std::stoll(etag.substr(etag.front() == '"' ? 1 : 0));
}

// Read-modify-write loop: GET for the ETag, PATCH with If-Match; 200 and 409 are both fine.
void client_loop(std::uint16_t port, const std::string& token, const std::vector<std::int64_t>& ids, int worker,
                 int rounds, Outcome& out) {
    HttpClient client(port);
    client.set_header("Authorization", "Bearer " + token);
    for (int i = 0; i < rounds; ++i) {
        const auto id = ids[static_cast<std::size_t>(i) % ids.size()];
        const std::string path = "/api/v1/projects/" + std::to_string(id);
        auto got = client.get(path);
        if (got.status != 200) { ++out.other; continue; }
        const std::int64_t jobs = worker * 100000 + i;
        auto res = client.patch(path, json::object{{"expected_jobs", jobs}}, {{"If-Match", got.header("etag")}});
        if (res.status == 200) {
            std::lock_guard lock(out.mutex);
            out.accepted[id].push_back({etag_version(res.header("etag")), jobs});
        } else if (res.status == 409) {
            ++out.conflicts;
        } else {
            ++out.other;
        }
    }
}

class ScaleOut : public ::testing::TestWithParam<Backend> {};

// On PostgreSQL this is the scale-out deployment; on SQLite, two processes sharing one WAL file.
TEST_P(ScaleOut, TwoServersOneDatabaseNoLostUpdates) {
    service::SystemClock clock;
    const auto demo = make_demo_store(GetParam(), service::FixedClock{kSharedDemoNow});
    const auto& db = demo.db;
    service::AuthService auth(*db->store, clock);
    const std::string token = auth.create_api_token("province", "scale-out test").value();

    std::vector<std::int64_t> ids = {1, 2, 3, 4, 5};
    std::map<std::int64_t, std::int64_t> initial;
    for (auto id : ids) {
        auto v = store::read_value<std::optional<domain::ProjectView>>(
            *db->store, [&](store::Tx& tx) { return tx.get_project(domain::Scope::all(), id); });
        initial[id] = v.value()->project.version;
    }

    ServerProcess a(db->url), b(db->url);
    Outcome out;
    std::vector<std::thread> workers;
    constexpr int kWorkers = 6, kRounds = 40;
    for (int w = 0; w < kWorkers; ++w) {
        workers.emplace_back(client_loop, w % 2 ? a.port() : b.port(), token, ids, w, kRounds, std::ref(out));
    }
    for (auto& t : workers) t.join();

    EXPECT_EQ(out.other.load(), 0);
    int accepted_total = 0;
    for (auto id : ids) {
        auto& list = out.accepted[id];
        std::sort(list.begin(), list.end(), [](auto& x, auto& y) { return x.version < y.version; });
        auto final_view = store::read_value<std::optional<domain::ProjectView>>(
            *db->store, [&](store::Tx& tx) { return tx.get_project(domain::Scope::all(), id); });
        const auto& p = final_view.value()->project;
        // Each accepted update made exactly one new version: none was overwritten unseen.
        EXPECT_EQ(p.version, initial[id] + static_cast<std::int64_t>(list.size())) << "project " << id;
        for (std::size_t k = 0; k < list.size(); ++k) EXPECT_EQ(list[k].version, initial[id] + 1 + std::int64_t(k));
        ASSERT_FALSE(list.empty());
        EXPECT_EQ(p.expected_jobs, list.back().jobs) << "final state is the last accepted update";
        accepted_total += static_cast<int>(list.size());
    }
    EXPECT_EQ(accepted_total + out.conflicts.load(), kWorkers * kRounds);
    EXPECT_GT(out.conflicts.load(), 0) << "the clients should have collided at least once";

    // Log-in failures are counted in the database: failures spread over both servers lock the name
    // on each. The sixth, on the second server, locks the name for 2 s; the first is asked at once.
    HttpClient on_a(a.port()), on_b(b.port());
    for (int i = 0; i <= service::LoginThrottle::kFreeFailuresPerName; ++i) {
        EXPECT_EQ((i % 2 ? on_b : on_a).login("jinzhong", "wrong-password-1").status, 401) << i;
    }
    const auto locked = on_a.login("jinzhong", service::kDemoPassword);
    EXPECT_EQ(locked.status, 429);
    EXPECT_FALSE(locked.header("retry-after").empty());
    EXPECT_EQ(a.stop(), 0);
    EXPECT_EQ(b.stop(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, ScaleOut, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
