#pragma once
// The province's warning rules (亮灯规则): the settings that turn a project's facts into a light.
// Stored as numbered versions (m0017 seeds version 1); a change makes a new version.
//
// The defaults follow published local practice: Yinchuan's 2025 rules for key projects light a
// project yellow when its completed investment is 10 to 30 percentage points behind the
// time-elapsed schedule (序时进度) and red beyond 30, and red when it has not started three months
// after its planned start. The rest are modelled on the same ladder (a month of grace, then red).
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "domain/error.hpp"

namespace sanpi::domain {

struct WarningRules {
    std::int64_t version = 1;
    // Signed, not started, planned start passed: yellow for up to this many days, red beyond.
    std::int32_t start_overdue_red_days = 90;
    // Started, not producing, planned production passed: likewise.
    std::int32_t production_overdue_red_days = 90;
    // Producing, not at capacity, planned capacity date passed: likewise.
    std::int32_t capacity_overdue_red_days = 180;
    // Started (or producing) and no approved monthly report for this many ended months.
    std::int32_t report_missing_yellow_months = 2;
    std::int32_t report_missing_red_months = 3;
    // Cumulative approved investment behind the time-elapsed share of the planned construction
    // period by at least the yellow points; by more than the red points: red.
    std::int32_t investment_behind_yellow_points = 10;
    std::int32_t investment_behind_red_points = 30;
    // An unsettled coordination item past its deadline: yellow up to this many days, red beyond.
    std::int32_t coordination_overdue_red_days = 30;
    // Started and not entered into the statistics library (入库) more than this many months later.
    std::int32_t stats_entry_yellow_months = 1;
    std::int32_t stats_entry_red_months = 2;
    // Not started and the approval lapses within this many days: yellow; lapsed: red.
    std::int32_t approval_lapse_yellow_days = 90;
    // At capacity and a completed year's realised output or tax below this share of the agreement.
    std::int32_t commitment_yellow_percent = 80;
    std::int32_t commitment_red_percent = 50;

    friend bool operator==(const WarningRules&, const WarningRules&) = default;
};

// One setting: its name (the API field, the stored column) and where it lives.
struct WarningSetting {
    std::string_view name;
    std::int32_t WarningRules::*member;
};

// Every setting, in the order the API and the audit log list them.
std::span<const WarningSetting> warning_settings();

// Days and months not negative, percentages and points within 0..100, each yellow threshold
// below its red one (for the commitment share: red below yellow). Fields are named as the settings.
std::vector<FieldError> validate_warning_rules(const WarningRules& rules);

}  // namespace sanpi::domain
