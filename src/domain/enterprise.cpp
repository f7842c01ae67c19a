#include "domain/enterprise.hpp"

#include "domain/enum_table.hpp"

namespace sanpi::domain {
namespace {

using detail::EnumEntry;

constexpr std::array<EnumEntry<Ownership>, 5> kOwnerships{{
    {Ownership::kState, "state", "国有"},
    {Ownership::kPrivate, "private", "民营"},
    {Ownership::kForeign, "foreign", "外资"},
    {Ownership::kMixed, "mixed", "混合所有制"},
    {Ownership::kOther, "other", "其他"},
}};

constexpr std::array<EnumEntry<ChainRole>, 4> kChainRoles{{
    {ChainRole::kNone, "none", "无"},
    {ChainRole::kChainOwner, "chain_owner", "链主"},
    {ChainRole::kCore, "core", "核心"},
    {ChainRole::kSupporting, "supporting", "配套"},
}};

}  // namespace

std::string_view to_string(Ownership o) { return detail::entry_of(kOwnerships, o).name; }
std::optional<Ownership> ownership_from_string(std::string_view s) { return detail::from_name(kOwnerships, s); }
std::string_view to_string(ChainRole r) { return detail::entry_of(kChainRoles, r).name; }
std::optional<ChainRole> chain_role_from_string(std::string_view s) { return detail::from_name(kChainRoles, s); }

}  // namespace sanpi::domain
