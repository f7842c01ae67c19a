// The user list reads every account with its scope in one store transaction and one query, not one
// more per account (the zone code of a zone account comes with it), and shows the same scope text
// as an account's own answer.
#include "service/auth_service.hpp"
#include "service_fixture.hpp"
#include "support/counting_store.hpp"

namespace sanpi::testing {
namespace {

class UserListTest : public ServiceTest {};

TEST_P(UserListTest, TheListIsOneTransactionWhateverTheNumberOfAccounts) {
    CountingStore counting(store());
    service::AuthService auth(counting, clock_);
    const int before = counting.transactions();
    auto listed = auth.list_users(as("province"));
    ASSERT_TRUE(listed) << listed.error().message.en;
    EXPECT_EQ(counting.transactions(), before + 1);
    ASSERT_GT(listed->size(), 3u);
    bool saw_zone = false;
    for (const auto& account : *listed) {
        auto own = auth.scope_text(account.user);
        ASSERT_TRUE(own);
        EXPECT_EQ(account.scope, *own) << account.user.name;
        if (account.user.role == domain::Role::kZone) {
            saw_zone = true;
            EXPECT_FALSE(account.scope.empty()) << account.user.name;
        }
    }
    EXPECT_TRUE(saw_zone);
}

TEST_P(UserListTest, ACityListsOnlyItsZonesAccountsWithTheirZoneCodes) {
    auto listed = service::AuthService(store(), clock_).list_users(as("taiyuan"));
    ASSERT_TRUE(listed) << listed.error().message.en;
    ASSERT_FALSE(listed->empty());
    for (const auto& account : *listed) {
        EXPECT_EQ(account.user.role, domain::Role::kZone) << account.user.name;
        ASSERT_TRUE(account.user.region) << account.user.name;
        EXPECT_TRUE(account.user.region->str().starts_with("1401")) << account.user.name;
        EXPECT_FALSE(account.scope.empty());
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, UserListTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
