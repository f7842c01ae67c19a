#include "domain/user.hpp"

#include "domain/enum_table.hpp"

namespace sanpi::domain {
namespace {

constexpr std::array<detail::EnumEntry<Role>, 5> kRoles{{
    {Role::kProvince, "province", "省级"},
    {Role::kCity, "city", "市级"},
    {Role::kZone, "zone", "开发区"},
    {Role::kSupervisor, "supervisor", "督导组"},
    {Role::kViewer, "viewer", "查看"},
}};

// Matches no zone (ids start at 1): what a user sees whose account lacks the region or zone
// its role needs. Failing closed beats showing such a user everything.
Scope nothing() { return Scope::zone(0); }

}  // namespace

std::string_view to_string(Role r) { return detail::entry_of(kRoles, r).name; }
std::optional<Role> role_from_string(std::string_view s) { return detail::from_name(kRoles, s); }

Scope User::scope() const {
    if (role == Role::kZone) {
        return zone_id ? Scope::zone(*zone_id) : nothing();
    }
    if (region) {
        return Scope::region(*region);
    }
    return role == Role::kCity ? nothing() : Scope::all();
}

// A zone account without its zone writes nothing (fail closed), whatever a request names.
bool User::can_write_projects() const {
    return active && (role == Role::kProvince || (role == Role::kZone && zone_id && *zone_id > 0));
}

}  // namespace sanpi::domain
