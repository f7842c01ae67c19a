#include "domain/user.hpp"

#include <gtest/gtest.h>

namespace sanpi::domain {
namespace user_test {

User make_user(Role role, std::optional<std::string_view> region = std::nullopt,
               std::optional<std::int64_t> zone = std::nullopt) {
    User u;
    u.id = 1;
    u.name = "test";
    u.role = role;
    if (region) u.region = RegionCode::parse(*region).value();
    u.zone_id = zone;
    return u;
}

TEST(UserScope, ZoneUsersSeeTheirZone) {
    const Scope s = make_user(Role::kZone, "140100", 42).scope();
    EXPECT_EQ(s.kind, Scope::Kind::kZone);
    EXPECT_EQ(s.zone_id, 42);
}

TEST(UserScope, RegionUsersSeeTheirSubtree) {
    for (const Role role : {Role::kProvince, Role::kCity, Role::kSupervisor, Role::kViewer}) {
        const Scope s = make_user(role, "140100").scope();
        EXPECT_EQ(s.kind, Scope::Kind::kRegion);
        EXPECT_EQ(s.region_prefix, "1401");
    }
    EXPECT_EQ(make_user(Role::kProvince, "140000").scope().region_prefix, "14");
}

TEST(UserScope, UsersWithoutRegionSeeAll) {
    for (const Role role : {Role::kProvince, Role::kSupervisor, Role::kViewer}) {
        EXPECT_EQ(make_user(role).scope().kind, Scope::Kind::kAll);
    }
}

TEST(UserScope, IncompleteAccountsSeeNothing) {
    // A zone user without a zone or a city user without a city must not fall back to "all".
    const Scope zone = make_user(Role::kZone).scope();
    EXPECT_EQ(zone.kind, Scope::Kind::kZone);
    EXPECT_EQ(zone.zone_id, 0);
    const Scope city = make_user(Role::kCity).scope();
    EXPECT_EQ(city.kind, Scope::Kind::kZone);
    EXPECT_EQ(city.zone_id, 0);
}

TEST(UserPermissions, ProvinceAndZoneWriteProjects) {
    EXPECT_TRUE(make_user(Role::kProvince).can_write_projects());
    EXPECT_TRUE(make_user(Role::kZone, std::nullopt, 3).can_write_projects());
    EXPECT_FALSE(make_user(Role::kCity, "140100").can_write_projects());
    EXPECT_FALSE(make_user(Role::kSupervisor).can_write_projects());
    EXPECT_FALSE(make_user(Role::kViewer).can_write_projects());
    User disabled = make_user(Role::kProvince);
    disabled.active = false;
    EXPECT_FALSE(disabled.can_write_projects());
}

}  // namespace user_test
}  // namespace sanpi::domain
