// Two `sanpi serve` processes on one database under concurrent writes — project updates and
// log-ins through both — keep one audit chain: one entry per accepted write, none for a refused
// one, numbered without gaps, and `sanpi audit verify` finds it intact.
#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <thread>

#include "http/client.hpp"
#include "server_process.hpp"
#include "service/audit_service.hpp"
#include "service/auth_service.hpp"
#include "support/demo_store.hpp"
#include "store/transact.hpp"
#include "support/test_store.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

struct Tally {
    std::atomic<int> accepted{0};   // writes that must each have appended one entry
    std::atomic<int> conflicts{0};  // refused writes: no entry
    std::atomic<int> other{0};
};

void update_loop(std::uint16_t port, const std::string& token, int worker, int rounds, Tally& tally) {
    HttpClient client(port);
    client.set_header("Authorization", "Bearer " + token);
    for (int i = 0; i < rounds; ++i) {
        const std::string path = "/api/v1/projects/" + std::to_string(1 + (worker + i) % 4);
        auto got = client.get(path);
        if (got.status != 200) {
            ++tally.other;
            continue;
        }
        auto res =
            client.patch(path, json::object{{"expected_jobs", worker * 1000 + i}}, {{"If-Match", got.header("etag")}});
        if (res.status == 200) {
            ++tally.accepted;
        } else if (res.status == 409) {
            ++tally.conflicts;
        } else {
            ++tally.other;
        }
    }
}

// Each round: log in (one entry), log out (one entry).
void session_loop(std::uint16_t port, int rounds, Tally& tally) {
    for (int i = 0; i < rounds; ++i) {
        HttpClient client(port);
        auto in = client.login("taiyuan", service::kDemoPassword);
        if (in.status != 200) {
            ++tally.other;
            continue;
        }
        ++tally.accepted;
        auto out = client.request("DELETE", "/api/v1/session");
        if (out.status == 204) {
            ++tally.accepted;
        } else {
            ++tally.other;
        }
    }
}

std::int64_t head_seq(store::Store& s) {
    auto head = store::read_value<std::optional<domain::ChainHead>>(s, [](store::Tx& tx) { return tx.audit_head(); });
    return head.value() ? (*head)->seq : 0;
}

class AuditScaleOut : public ::testing::TestWithParam<Backend> {};

TEST_P(AuditScaleOut, TwoServersKeepOneChainUnderConcurrentWrites) {
    service::SystemClock clock;
    const auto demo = make_demo_store(GetParam(), service::FixedClock{kSharedDemoNow});
    const auto& db = demo.db;
    service::AuthService auth(*db->store, clock);
    const std::string token = auth.create_api_token("province", "audit scale-out test").value();
    const auto start = head_seq(*db->store);

    // No daily sweep: under the real clock it would issue the escalation ladder's notices for the
    // demo's red projects, audited entries that are not the writes this test counts.
    const std::vector<std::string> no_sweep{"--sweep-check-seconds", "0"};
    ServerProcess a(db->url, no_sweep), b(db->url, no_sweep);
    Tally tally;
    std::vector<std::thread> workers;
    constexpr int kUpdaters = 6, kRounds = 30, kSessionRounds = 4;
    for (int w = 0; w < kUpdaters; ++w) {
        workers.emplace_back(update_loop, w % 2 ? a.port() : b.port(), token, w, kRounds, std::ref(tally));
    }
    workers.emplace_back(session_loop, a.port(), kSessionRounds, std::ref(tally));
    workers.emplace_back(session_loop, b.port(), kSessionRounds, std::ref(tally));
    for (auto& t : workers) t.join();
    EXPECT_EQ(a.stop(), 0);
    EXPECT_EQ(b.stop(), 0);

    EXPECT_EQ(tally.other.load(), 0);
    EXPECT_GT(tally.conflicts.load(), 0) << "the writers should have collided at least once";
    const auto appended = head_seq(*db->store) - start;
    EXPECT_EQ(appended, tally.accepted.load()) << "one entry per accepted write, none per refused one";

    const std::int64_t expected = start + tally.accepted.load();
    std::string out;
    EXPECT_EQ(run_sanpi({"audit", "verify", "--db", db->url}, &out), 0) << out;
    EXPECT_NE(out.find("audit chain intact: " + std::to_string(expected) + " entries verified"), std::string::npos)
        << out;
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditScaleOut, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
