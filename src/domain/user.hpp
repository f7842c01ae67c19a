#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/region_code.hpp"

namespace sanpi::domain {

enum class Role { kProvince, kCity, kZone, kSupervisor, kViewer };

std::string_view to_string(Role r);
std::optional<Role> role_from_string(std::string_view s);

// What a user may see. Every store query takes one and filters inside SQL.
struct Scope {
    enum class Kind { kAll, kRegion, kZone };
    Kind kind = Kind::kAll;
    std::string region_prefix;     // kRegion: zones whose region code starts with this
    std::int64_t zone_id = 0;      // kZone

    static Scope all() { return {}; }
    static Scope region(const RegionCode& code) { return {Kind::kRegion, code.scope_prefix(), 0}; }
    static Scope zone(std::int64_t id) { return {Kind::kZone, {}, id}; }
};

struct User {
    std::int64_t id = 0;
    std::string name;
    Role role = Role::kViewer;
    std::optional<RegionCode> region;   // province/city/supervisor/viewer scope
    std::optional<std::int64_t> zone_id;  // zone users
    std::string password_hash;          // Argon2id string from libsodium
    bool active = true;
    std::int64_t version = 0;
    std::string display_name;            // shown in lists; may be empty
    bool must_change_password = false;   // given a temporary password: change it before anything else

    Scope scope() const;
    bool can_write_projects() const;  // province users, and zone users that have their zone
};

}  // namespace sanpi::domain
