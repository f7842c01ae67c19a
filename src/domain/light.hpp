#pragma once
// A warning light (亮灯) and its reasons as values: what a project carries and lists show. How they
// are worked out is domain/warning_light.hpp.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace sanpi::domain {

// Order matters: a worse light compares greater.
enum class Light { kGreen = 0, kYellow = 1, kRed = 2 };
std::string_view to_string(Light l);  // "green", "yellow", "red"
std::optional<Light> light_from_string(std::string_view s);

// The rules, in the order reasons are listed.
enum class WarningRule {
    kStartOverdue,
    kProductionOverdue,
    kCapacityOverdue,
    kReportMissing,
    kInvestmentBehind,
    kCoordinationOverdue,
    kStatsEntryMissing,
    kApprovalLapse,
    kCommitmentMissed,
};
// "start_overdue", "production_overdue", "capacity_overdue", "report_missing", "investment_behind",
// "coordination_overdue", "stats_entry_missing", "approval_lapse", "commitment_missed".
std::string_view to_string(WarningRule r);
std::optional<WarningRule> warning_rule_from_string(std::string_view s);
std::string_view label_zh(WarningRule r);
std::string_view label_en(WarningRule r);
const std::vector<WarningRule>& all_warning_rules();

// One rule that fired, with the numbers its words need (params, by rule; dates as days since
// 1970-01-01, months as year * 12 + month - 1, -1 for none):
//   start/production/capacity_overdue: planned date, days overdue
//   report_missing: months without an approved report, last approved month or -1
//   investment_behind: time progress, investment progress, both in basis points (10000 = all)
//   coordination_overdue: overdue items, earliest overdue deadline, its days overdue
//   stats_entry_missing: actual start, months passed (the threshold crossed)
//   approval_lapse: approval kind (ApprovalKind as a number), lapse date, days until it (<= 0: lapsed)
//   commitment_missed: year, output share, tax share (basis points, -1: none committed), threshold percent
struct LightReason {
    WarningRule rule = WarningRule::kStartOverdue;
    Light light = Light::kYellow;
    std::vector<std::int64_t> params;
    friend bool operator==(const LightReason&, const LightReason&) = default;
};

struct ProjectLight {
    Light light = Light::kGreen;
    std::vector<LightReason> reasons;  // in rule order; empty when green
    friend bool operator==(const ProjectLight&, const ProjectLight&) = default;
};

}  // namespace sanpi::domain
