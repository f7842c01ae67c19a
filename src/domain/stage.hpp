#pragma once
#include <optional>
#include <string_view>

namespace sanpi::domain {

// The main line a project moves along; order matters (later stages compare greater).
enum class Stage { kReserve = 0, kSigned = 1, kStarted = 2, kProducing = 3, kAtCapacity = 4 };
// Side statuses: a suspended (停缓建) project keeps its stage and may resume; cancelled (终止) is final.
enum class ProjectStatus { kActive, kSuspended, kCancelled };

std::string_view to_string(Stage s);                 // "reserve", "signed", "started", "producing", "at_capacity"
std::optional<Stage> stage_from_string(std::string_view s);
std::string_view label_zh(Stage s);                  // 储备 / 签约 / 开工 / 投产 / 达产达效
std::string_view label_en(Stage s);                  // Reserve / Signed / Started / Producing / At capacity
std::string_view to_string(ProjectStatus s);         // "active", "suspended", "cancelled"
std::optional<ProjectStatus> project_status_from_string(std::string_view s);
std::string_view label_zh(ProjectStatus s);

}  // namespace sanpi::domain
