// The national scope: supervisor and viewer accounts may see every province; the other roles
// keep needing their province, city or zone.
#include "service_fixture.hpp"

namespace sanpi::testing {
namespace {

using domain::Role;

class NationalScopeTest : public ServiceTest {};

TEST_P(NationalScopeTest, SupervisorAndViewerAccountsMayBeNational) {
    for (auto role : {Role::kSupervisor, Role::kViewer}) {
        const std::string name = role == Role::kSupervisor ? "ministry" : "ministry-viewer";
        auto user = auth().add_user(name, role, "national", "a-long-password");
        ASSERT_TRUE(user) << user.error().message.en;
        EXPECT_FALSE(user->region);
        const auto who = as(name);
        EXPECT_EQ(who.scope.kind, domain::Scope::Kind::kAll);
        EXPECT_FALSE(who.user.can_write_projects());
        auto everywhere = projects().list(who, {});
        auto province = projects().list(as("province"), {});
        ASSERT_TRUE(everywhere && province);
        EXPECT_EQ(everywhere->total, province->total);  // the demo holds Shanxi only
    }
}

TEST_P(NationalScopeTest, OtherRolesCannotBeNational) {
    for (auto role : {Role::kProvince, Role::kCity, Role::kZone}) {
        auto user = auth().add_user("not-national", role, "national", "a-long-password");
        ASSERT_FALSE(user);
        EXPECT_EQ(user.error().code, ErrorCode::kInvalidInput);
        ASSERT_FALSE(user.error().fields.empty());
        EXPECT_EQ(user.error().fields.front().field, "scope");
    }
}

TEST_P(NationalScopeTest, RegionalAccountsAreUnchanged) {
    auto user = auth().add_user("shanxi-supervisor", Role::kSupervisor, "140000", "a-long-password");
    ASSERT_TRUE(user) << user.error().message.en;
    const auto who = as("shanxi-supervisor");
    EXPECT_EQ(who.scope.kind, domain::Scope::Kind::kRegion);
    EXPECT_EQ(who.scope.region_prefix, "14");
    EXPECT_EQ(as("taiyuan").scope.region_prefix, "1401");
    EXPECT_EQ(as("province").scope.region_prefix, "14");
}

INSTANTIATE_TEST_SUITE_P(Backends, NationalScopeTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
