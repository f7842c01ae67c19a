// The credential cache: a cached token or session costs no store transaction, and a revoked
// token, a logged-out session or a disabled account stops working at once on the server that made
// the change and within the stated bound (CredentialCacheOptions::kDefaultTtl) on another server
// over the same database.
#include "service/credential_cache.hpp"
#include "service/demo.hpp"
#include "service/secrets.hpp"
#include "service_fixture.hpp"
#include "store/open_store.hpp"
#include "support/counting_store.hpp"

namespace sanpi::testing {
namespace {

using namespace std::chrono_literals;
using service::AuthService;
using service::CredentialCacheOptions;

class CredentialCacheTest : public ServiceTest {
protected:
    void SetUp() override {
        ServiceTest::SetUp();
        counting_ = std::make_unique<CountingStore>(store());
        here_ = std::make_unique<AuthService>(*counting_, clock_, CredentialCacheOptions{.clock = &ticks_});
        // "Another server": its own store connections and its own cache over the same database.
        other_store_ = store::open_store(db_->url).value();
        other_ = std::make_unique<AuthService>(*other_store_, clock_, CredentialCacheOptions{.clock = &ticks_});
        token_ = here_->create_api_token("province", "cache test").value();
    }

    // Both servers have read (and cached) the token.
    void warm_both() {
        ASSERT_TRUE(here_->authenticate_bearer(token_));
        ASSERT_TRUE(other_->authenticate_bearer(token_));
    }

    // The other server still answers from its cache until the bound, and no later.
    template <class Check>
    void other_stops_exactly_at_the_bound(Check works) {
        ticks_.advance(CredentialCacheOptions::kDefaultTtl - 1ms);
        EXPECT_TRUE(works(*other_)) << "within the bound the other server may still use its cached answer";
        ticks_.advance(1ms);
        EXPECT_FALSE(works(*other_)) << "after the bound the other server must have re-read the change";
    }

    service::ManualTickClock ticks_;
    std::unique_ptr<CountingStore> counting_;
    std::unique_ptr<AuthService> here_;
    std::unique_ptr<store::Store> other_store_;
    std::unique_ptr<AuthService> other_;
    std::string token_;
};

TEST_P(CredentialCacheTest, ACachedTokenIsNotReadFromTheStoreAgainUntilTheBound) {
    const int before = counting_->transactions();
    auto first = here_->authenticate_bearer(token_);
    ASSERT_TRUE(first);
    EXPECT_EQ(counting_->transactions(), before + 1);
    for (int i = 0; i < 5; ++i) {
        auto again = here_->authenticate_bearer(token_);
        ASSERT_TRUE(again);
        EXPECT_EQ(again->user.name, "province");
        EXPECT_EQ(again->user.id, first->user.id);
    }
    EXPECT_EQ(counting_->transactions(), before + 1) << "cached look-ups must not open transactions";
    ticks_.advance(CredentialCacheOptions::kDefaultTtl);
    ASSERT_TRUE(here_->authenticate_bearer(token_));
    EXPECT_EQ(counting_->transactions(), before + 2) << "an entry older than the bound is read again";
}

TEST_P(CredentialCacheTest, ACachedSessionIsNotReadAgainButStillExpiresOnTime) {
    auto login = here_->login("province", service::kDemoPassword).value();
    const int before = counting_->transactions();
    auto first = here_->authenticate_session(login.session_token);
    ASSERT_TRUE(first);
    EXPECT_EQ(first->csrf_token, login.csrf_token);
    auto again = here_->authenticate_session(login.session_token);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->csrf_token, login.csrf_token);
    EXPECT_EQ(again->principal.user.name, "province");
    EXPECT_EQ(counting_->transactions(), before + 1);

    // The session's own expiry is checked on every hit, not only when the store is read.
    clock_.set(login.expires_at);
    EXPECT_FALSE(here_->authenticate_session(login.session_token));
}

// A token with an expiry stops at that second even when its answer was cached a moment before:
// the cache checks the expiry itself, it does not wait for its ttl.
TEST_P(CredentialCacheTest, ACachedTokenStopsAtItsExpiryNotUpToTheBoundLater) {
    const auto made_at = clock_.now();
    const auto token = here_->create_api_token("province", "one day", 1).value();
    const auto expires_at = made_at + 86400;
    clock_.set(expires_at - 1);
    ASSERT_TRUE(here_->authenticate_bearer(token));
    const int before = counting_->transactions();
    ASSERT_TRUE(here_->authenticate_bearer(token));
    EXPECT_EQ(counting_->transactions(), before) << "still cached within the bound";
    clock_.set(expires_at);
    auto refused = here_->authenticate_bearer(token);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::kUnauthorized);
    clock_.set(made_at);
}

TEST(CredentialCache, AnEntryIsNotFoundFromItsExpiryOn) {
    service::ManualTickClock ticks;
    service::CredentialCache cache(CredentialCacheOptions{.clock = &ticks});
    service::CachedCredential entry;
    entry.expires_at = 1000;
    cache.put("t:expiring", entry, cache.generation());
    cache.put("t:forever", service::CachedCredential{}, cache.generation());
    EXPECT_TRUE(cache.find("t:expiring", 999));
    EXPECT_FALSE(cache.find("t:expiring", 1000));
    EXPECT_TRUE(cache.find("t:forever", 1'000'000'000));
}

TEST_P(CredentialCacheTest, FailedLookUpsAreNotCached) {
    const int before = counting_->transactions();
    EXPECT_FALSE(here_->authenticate_bearer("not-a-token"));
    EXPECT_FALSE(here_->authenticate_bearer("not-a-token"));
    EXPECT_EQ(counting_->transactions(), before + 2);
}

TEST_P(CredentialCacheTest, ARevokedTokenStopsAtOnceHereAndWithinTheBoundElsewhere) {
    warm_both();
    ASSERT_TRUE(here_->revoke_api_token(token_));
    auto refused = here_->authenticate_bearer(token_);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::kUnauthorized);
    other_stops_exactly_at_the_bound([&](AuthService& auth) { return bool(auth.authenticate_bearer(token_)); });
    EXPECT_EQ(here_->revoke_api_token(token_).error().code, ErrorCode::kNotFound);
}

TEST_P(CredentialCacheTest, ALoggedOutSessionStopsAtOnceHereAndWithinTheBoundElsewhere) {
    auto login = here_->login("province", service::kDemoPassword).value();
    ASSERT_TRUE(here_->authenticate_session(login.session_token));
    ASSERT_TRUE(other_->authenticate_session(login.session_token));
    ASSERT_TRUE(here_->logout(login.session_token));
    EXPECT_FALSE(here_->authenticate_session(login.session_token));
    other_stops_exactly_at_the_bound(
        [&](AuthService& auth) { return bool(auth.authenticate_session(login.session_token)); });
}

TEST_P(CredentialCacheTest, ADisabledAccountStopsAtOnceHereAndWithinTheBoundElsewhere) {
    auto login = here_->login("province", service::kDemoPassword).value();
    ASSERT_TRUE(here_->authenticate_session(login.session_token));
    warm_both();
    ASSERT_TRUE(here_->set_active("province", false));
    EXPECT_FALSE(here_->authenticate_bearer(token_));
    EXPECT_FALSE(here_->authenticate_session(login.session_token));
    other_stops_exactly_at_the_bound([&](AuthService& auth) { return bool(auth.authenticate_bearer(token_)); });

    ASSERT_TRUE(here_->set_active("province", true));
    EXPECT_TRUE(here_->authenticate_bearer(token_));
    EXPECT_TRUE(here_->authenticate_session(login.session_token));
}

TEST_P(CredentialCacheTest, ARoleChangeIsSeenAtOnceHereAndWithinTheBoundElsewhere) {
    warm_both();
    ASSERT_TRUE(here_->set_role("province", domain::Role::kCity, "140100"));
    auto now_city = here_->authenticate_bearer(token_);
    ASSERT_TRUE(now_city);
    EXPECT_EQ(now_city->user.role, domain::Role::kCity);
    other_stops_exactly_at_the_bound([&](AuthService& auth) {
        auto p = auth.authenticate_bearer(token_);
        return p && p->user.role == domain::Role::kProvince;
    });
    EXPECT_EQ(here_->set_role("province", domain::Role::kCity, "140000").error().code, ErrorCode::kInvalidInput);
}

TEST_P(CredentialCacheTest, APasswordChangeMakesTheNextLookUpReadTheStore) {
    ASSERT_TRUE(here_->authenticate_bearer(token_));
    ASSERT_TRUE(here_->set_password("province", "a-brand-new-password"));
    const int before = counting_->transactions();
    auto after = here_->authenticate_bearer(token_);
    ASSERT_TRUE(after);
    EXPECT_EQ(counting_->transactions(), before + 1);
    EXPECT_TRUE(service::secrets::verify_password(after->user.password_hash, "a-brand-new-password"));
}

INSTANTIATE_TEST_SUITE_P(Backends, CredentialCacheTest, ::testing::ValuesIn(all_backends()), backend_param_name);

// A look-up that read the store before a logout or revocation must not bring its answer back.
TEST(CredentialCache, AnAnswerReadBeforeAnInvalidationIsNotKept) {
    service::ManualTickClock ticks;
    service::CredentialCache cache(CredentialCacheOptions{.clock = &ticks});
    service::CachedCredential value;
    value.principal.user.id = 7;
    const auto generation = cache.generation();
    cache.forget("s:other");  // any invalidation in between
    cache.put("s:key", value, generation);
    EXPECT_FALSE(cache.find("s:key", 0));
    cache.put("s:key", value, cache.generation());
    EXPECT_TRUE(cache.find("s:key", 0));
    cache.forget_user(7);
    EXPECT_FALSE(cache.find("s:key", 0));
}

TEST(CredentialCache, StaysWithinItsSizeAndCanBeTurnedOff) {
    service::ManualTickClock ticks;
    service::CredentialCache cache(CredentialCacheOptions{.max_entries = 3, .clock = &ticks});
    for (int i = 0; i < 10; ++i) cache.put("t:" + std::to_string(i), {}, cache.generation());
    EXPECT_LE(cache.size(), 3u);
    EXPECT_TRUE(cache.find("t:9", 0));

    service::CredentialCache off(CredentialCacheOptions{.ttl = 0ms, .clock = &ticks});
    off.put("t:x", {}, off.generation());
    EXPECT_FALSE(off.find("t:x", 0));
}

}  // namespace
}  // namespace sanpi::testing
