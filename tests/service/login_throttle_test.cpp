// Log-in throttling. The policy: free failures, then locks doubling per failure up to the cap,
// names and addresses counted apart, loopback peers not counted by address, failures forgotten
// after an hour. The counts: kept in the database on both backends, so two servers on one database
// share them and a restarted one forgets nothing; a success clears its name; the key is a hash.
#include "service/login_throttle.hpp"

#include "service/demo.hpp"
#include "service_fixture.hpp"

namespace sanpi::testing {
namespace {

using service::LoginThrottle;

constexpr store::Timestamp kStart = 1'705'276'800;

TEST(LoginThrottlePolicy, NameLocksAfterFiveFailuresWithDoublingWaitsUpToTheCap) {
    store::LoginFailures f;
    for (int i = 0; i < LoginThrottle::kFreeFailuresPerName; ++i) {
        f = LoginThrottle::after_failure(f, LoginThrottle::kFreeFailuresPerName, kStart);
        EXPECT_FALSE(LoginThrottle::starts_lockout(f, LoginThrottle::kFreeFailuresPerName));
        EXPECT_FALSE(LoginThrottle::wait(f, kStart));
    }
    f = LoginThrottle::after_failure(f, LoginThrottle::kFreeFailuresPerName, kStart);
    EXPECT_TRUE(LoginThrottle::starts_lockout(f, LoginThrottle::kFreeFailuresPerName));  // the sixth
    EXPECT_EQ(LoginThrottle::wait(f, kStart), 2);
    const store::Timestamp expected[] = {4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900};
    for (store::Timestamp wait : expected) {
        f = LoginThrottle::after_failure(f, LoginThrottle::kFreeFailuresPerName, kStart);
        EXPECT_FALSE(LoginThrottle::starts_lockout(f, LoginThrottle::kFreeFailuresPerName));
        EXPECT_EQ(LoginThrottle::wait(f, kStart), wait);
    }
    EXPECT_EQ(LoginThrottle::wait(f, kStart + 899), 1);
    EXPECT_FALSE(LoginThrottle::wait(f, kStart + 900));
}

TEST(LoginThrottlePolicy, AnHourAfterTheLastFailureTheCountStartsAgain) {
    store::LoginFailures f;
    for (int i = 0; i < 5; ++i) f = LoginThrottle::after_failure(f, 5, kStart);
    f = LoginThrottle::after_failure(f, 5, kStart + LoginThrottle::kForgetAfterSeconds);
    EXPECT_EQ(f.failures, 6) << "an hour to the second still counts";
    f = LoginThrottle::after_failure(f, 5, kStart + 2 * LoginThrottle::kForgetAfterSeconds + 1);
    EXPECT_EQ(f.failures, 1);
    EXPECT_FALSE(LoginThrottle::wait(f, kStart + 2 * LoginThrottle::kForgetAfterSeconds + 1));
}

TEST(LoginThrottlePolicy, KeysAreHashesOfTheNameAndOfTheAddressUnlessLoopback) {
    const auto keys = LoginThrottle::keys("li", "203.0.113.7");
    ASSERT_EQ(keys.size(), 2u);
    EXPECT_EQ(keys[0].free_failures, LoginThrottle::kFreeFailuresPerName);
    EXPECT_EQ(keys[1].free_failures, LoginThrottle::kFreeFailuresPerAddress);
    EXPECT_EQ(keys[0].hash, LoginThrottle::name_key("li"));
    EXPECT_EQ(keys[0].hash.find("li"), std::string::npos);
    EXPECT_EQ(keys[1].hash.find("203.0.113.7"), std::string::npos);
    EXPECT_NE(LoginThrottle::keys("li", "")[0].hash, LoginThrottle::keys("li ", "")[0].hash);
    for (const auto* loopback : {"127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1", ""}) {
        EXPECT_EQ(LoginThrottle::keys("li", loopback).size(), 1u) << loopback;
    }
}

class LoginThrottleStoreTest : public ServiceTest {
protected:
    // A server of its own: nothing shared with another but the database.
    std::unique_ptr<service::AuthService> server() { return std::make_unique<service::AuthService>(store(), clock_); }

    static void fail(service::AuthService& s, const std::string& name, const std::string& address) {
        auto r = s.login(name, "wrong-password-1", address);
        ASSERT_FALSE(r);
        EXPECT_EQ(r.error().code, ErrorCode::kUnauthorized);
    }
    static std::optional<store::Timestamp> wait(service::AuthService& s, const std::string& name,
                                                const std::string& address) {
        auto w = s.login_retry_after(name, address);
        EXPECT_TRUE(w);
        return w ? *w : std::nullopt;
    }
};

TEST_P(LoginThrottleStoreTest, TwoServersShareOneCountPerNameAndARestartForgetsNothing) {
    auto first = server();
    auto second = server();
    // Five failures, alternating servers: none is locked yet.
    for (int i = 0; i < LoginThrottle::kFreeFailuresPerName; ++i) fail(i % 2 ? *second : *first, "taiyuan", "");
    EXPECT_FALSE(wait(*first, "taiyuan", ""));
    fail(*second, "taiyuan", "");  // the sixth, wherever it lands, locks the name everywhere
    EXPECT_EQ(wait(*first, "taiyuan", ""), 2);
    EXPECT_EQ(wait(*server(), "taiyuan", ""), 2) << "a restarted server still knows";
    EXPECT_FALSE(wait(*first, "jinzhong", "")) << "other names are not affected";
    // Unknown names are counted and locked the same way.
    for (int i = 0; i <= LoginThrottle::kFreeFailuresPerName; ++i) fail(i % 2 ? *second : *first, "nobody-here", "");
    EXPECT_EQ(wait(*second, "nobody-here", ""), 2);

    // After the wait a success on one server clears the name for all.
    clock_.set(kTestNow + 2);
    auto in = second->login("taiyuan", service::kDemoPassword, "");
    ASSERT_TRUE(in) << in.error().message.en;
    fail(*first, "taiyuan", "");
    EXPECT_FALSE(wait(*first, "taiyuan", "")) << "one failure after a success";
}

TEST_P(LoginThrottleStoreTest, AnAddressLocksAcrossNamesAndServersAndCountsAreAuditedTogether) {
    auto first = server();
    auto second = server();
    const std::string address = "203.0.113.7";
    for (int i = 0; i < LoginThrottle::kFreeFailuresPerAddress; ++i) {
        fail(i % 2 ? *second : *first, "guess-" + std::to_string(i), address);
    }
    EXPECT_FALSE(wait(*first, "someone", address));
    fail(*second, "guess-x", address);
    EXPECT_EQ(wait(*first, "someone", address), 2);
    EXPECT_FALSE(wait(*first, "someone", "198.51.100.1"));

    // Every failure left its audit entry beside its count, and the lock-out its own.
    const auto entries = store::read_value<std::vector<domain::AuditEntry>>(
        store(), [](store::Tx& tx) { return tx.audit_entries_after("user", kTestNow - 1); });
    ASSERT_TRUE(entries);
    std::size_t failures = 0, lockouts = 0;
    for (const auto& e : *entries) {
        failures += e.action == "session.login_failed";
        lockouts += e.action == "session.lockout";
    }
    EXPECT_EQ(failures, static_cast<std::size_t>(LoginThrottle::kFreeFailuresPerAddress + 1));
    EXPECT_EQ(lockouts, 1u);
    // An hour after the last failure the counts are gone from the table, not just ignored.
    clock_.set(kTestNow + LoginThrottle::kForgetAfterSeconds + 1);
    fail(*first, "another", "198.51.100.9");
    const auto left = store::read_value<std::vector<store::LoginFailures>>(store(), [&](store::Tx& tx) {
        std::vector<std::string> keys;
        for (const auto& k : LoginThrottle::keys("guess-x", address)) keys.push_back(k.hash);
        return tx.login_failures(keys);
    });
    ASSERT_TRUE(left);
    EXPECT_TRUE(left->empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, LoginThrottleStoreTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
