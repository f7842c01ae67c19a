#include "domain/stage.hpp"

#include "domain/enum_table.hpp"

namespace sanpi::domain {
namespace {

using detail::EnumEntry;

constexpr std::array<EnumEntry<Stage>, 5> kStages{{
    {Stage::kReserve, "reserve", "储备"},
    {Stage::kSigned, "signed", "签约"},
    {Stage::kStarted, "started", "开工"},
    {Stage::kProducing, "producing", "投产"},
    {Stage::kAtCapacity, "at_capacity", "达产达效"},
}};

constexpr std::array<EnumEntry<ProjectStatus>, 3> kStatuses{{
    {ProjectStatus::kActive, "active", "正常"},
    {ProjectStatus::kSuspended, "suspended", "停缓建"},
    {ProjectStatus::kCancelled, "cancelled", "终止"},
}};

}  // namespace

std::string_view to_string(Stage s) { return detail::entry_of(kStages, s).name; }
std::optional<Stage> stage_from_string(std::string_view s) { return detail::from_name(kStages, s); }
std::string_view label_zh(Stage s) { return detail::entry_of(kStages, s).label_zh; }

std::string_view label_en(Stage s) {
    switch (s) {
        case Stage::kReserve:
            return "Reserve";
        case Stage::kSigned:
            return "Signed";
        case Stage::kStarted:
            return "Started";
        case Stage::kProducing:
            return "Producing";
        case Stage::kAtCapacity:
            return "At capacity";
    }
    return "Reserve";
}

std::string_view to_string(ProjectStatus s) { return detail::entry_of(kStatuses, s).name; }
std::optional<ProjectStatus> project_status_from_string(std::string_view s) { return detail::from_name(kStatuses, s); }
std::string_view label_zh(ProjectStatus s) { return detail::entry_of(kStatuses, s).label_zh; }

}  // namespace sanpi::domain
