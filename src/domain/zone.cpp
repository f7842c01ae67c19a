#include "domain/zone.hpp"

#include "domain/enum_table.hpp"

namespace sanpi::domain {
namespace {

constexpr std::array<detail::EnumEntry<ZoneLevel>, 4> kLevels{{
    {ZoneLevel::kNationalEtdz, "national_etdz", "国家级经济技术开发区"},
    {ZoneLevel::kNationalHighTech, "national_high_tech", "国家级高新技术产业开发区"},
    {ZoneLevel::kProvincial, "provincial", "省级开发区"},
    {ZoneLevel::kReformDemonstration, "reform_demonstration", "综合改革示范区"},
}};

}  // namespace

std::string_view to_string(ZoneLevel level) { return detail::entry_of(kLevels, level).name; }
std::optional<ZoneLevel> zone_level_from_string(std::string_view s) { return detail::from_name(kLevels, s); }
std::string_view label_zh(ZoneLevel level) { return detail::entry_of(kLevels, level).label_zh; }

}  // namespace sanpi::domain
