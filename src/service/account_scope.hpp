#pragma once
// The scope of an account from its scope text: a region code, a zone code (zone accounts) or
// "national" (supervisor and viewer accounts only), checked against the role.
#include <string>
#include <string_view>

#include "domain/error.hpp"
#include "domain/user.hpp"
#include "store/store.hpp"

namespace sanpi::service {

// The --scope text of an account that sees every province (Scope::Kind::kAll).
inline constexpr std::string_view kNationalScope = "national";

// Fills the user's region or zone from the scope text, checking it fits the role.
Result<void> resolve_account_scope(store::Tx& tx, domain::User& user, std::string_view scope);
// The scope text of an account (the inverse of resolve_account_scope).
Result<std::string> account_scope_text(store::Tx& tx, const domain::User& user);
// The same from the zone's code read already (empty: the zone is gone).
std::string account_scope_text(const domain::User& user, std::string_view zone_code);

}  // namespace sanpi::service
