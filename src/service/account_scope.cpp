#include "service/account_scope.hpp"

#include <algorithm>

#include "domain/region_code.hpp"

namespace sanpi::service {

using domain::Role;
using domain::User;
using store::Tx;

// Fills the user's region or zone from the --scope text, checking it fits the role.
Result<void> resolve_account_scope(Tx& tx, User& user, std::string_view scope) {
    if (scope == kNationalScope) {
        if (user.role != Role::kSupervisor && user.role != Role::kViewer) {
            return Error::invalid_field("scope", "只有督导组和查看账号可以使用全国范围",
                                        "only supervisor and viewer accounts may have the national scope");
        }
        user.region.reset();
        return {};
    }
    if (user.role == Role::kZone) {
        auto zone = tx.find_zone_by_code(scope);
        if (!zone) return zone.error();
        if (!*zone) return Error::invalid_field("scope", "开发区代码不存在", "no zone with this code");
        user.zone_id = (*zone)->id;
        user.region = (*zone)->region;
        return {};
    }
    auto code = domain::RegionCode::parse(scope, "scope");
    if (!code) return code.error();
    if (user.role == Role::kProvince && code->level() != domain::RegionLevel::kProvince) {
        return Error::invalid_field("scope", "省级用户的范围须为省级区划代码", "a province user needs a province code");
    }
    if (user.role == Role::kCity && code->level() != domain::RegionLevel::kCity) {
        return Error::invalid_field("scope", "市级用户的范围须为市级区划代码", "a city user needs a city code");
    }
    auto regions = tx.list_regions();
    if (!regions) return regions.error();
    bool known = std::any_of(regions->begin(), regions->end(), [&](const auto& r) { return r.code == *code; });
    if (!known) return Error::invalid_field("scope", "区划代码不在系统中", "region code is not in the system");
    user.region = *code;
    return {};
}

Result<std::string> account_scope_text(Tx& tx, const User& user) {
    if (user.zone_id) {
        auto zone = tx.get_zone(domain::Scope::all(), *user.zone_id);
        if (!zone) return zone.error();
        return account_scope_text(user, *zone ? std::string_view((*zone)->code) : std::string_view());
    }
    return account_scope_text(user, {});
}

std::string account_scope_text(const User& user, std::string_view zone_code) {
    if (user.zone_id) return std::string(zone_code);
    if (user.region) return user.region->str();
    return std::string(kNationalScope);
}

}  // namespace sanpi::service
