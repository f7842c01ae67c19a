#pragma once
// A problem a project needs solved by someone else (问题诉求): land, approvals, utilities ...
// It is escalated upward (zone -> city -> province) until someone resolves it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/error.hpp"

namespace sanpi::domain {

enum class CoordinationCategory { kLand, kPlanningApproval, kFinancing, kUtilities, kLabour, kEnvironment, kOther };
// Order matters: a higher level compares greater, and escalation only goes up.
enum class CoordinationLevel { kZone = 0, kCity = 1, kProvince = 2 };
enum class CoordinationStatus { kOpen, kInProgress, kResolved, kClosed, kReopened };

// Names: "land", "planning_approval", "financing", "utilities", "labour", "environment", "other".
std::string_view to_string(CoordinationCategory c);
std::optional<CoordinationCategory> coordination_category_from_string(std::string_view s);
std::string_view label_zh(CoordinationCategory c);  // 土地 / 规划审批 / 融资 / 水电气暖 / 用工 / 环保 / 其他
std::string_view label_en(CoordinationCategory c);
// Names: "zone", "city", "province".
std::string_view to_string(CoordinationLevel l);
std::optional<CoordinationLevel> coordination_level_from_string(std::string_view s);
std::string_view label_zh(CoordinationLevel l);  // 开发区 / 市级 / 省级
std::string_view label_en(CoordinationLevel l);
// Names: "open", "in_progress", "resolved", "closed", "reopened".
std::string_view to_string(CoordinationStatus s);
std::optional<CoordinationStatus> coordination_status_from_string(std::string_view s);
std::string_view label_zh(CoordinationStatus s);  // 待协调 / 协调中 / 已解决 / 已办结 / 重新打开
std::string_view label_en(CoordinationStatus s);

struct CoordinationItem {
    std::int64_t id = 0;
    std::int64_t project_id = 0;
    CoordinationCategory category = CoordinationCategory::kOther;
    std::string description;
    CoordinationLevel level = CoordinationLevel::kZone;
    std::string responsible_department;
    Date deadline = Date::from_days(0);  // set by whoever raises the item; 1970-01-01 only until then
    CoordinationStatus status = CoordinationStatus::kOpen;
    std::optional<std::string> resolution;     // required from resolved on; cleared on reopening
    std::optional<std::string> reopen_reason;  // why it was last reopened
    std::int64_t version = 0;
};

// Resolved or closed: no longer waiting on anyone, so never overdue.
bool is_settled(CoordinationStatus s);

// Past its deadline (today after the deadline day) and neither resolved nor closed.
bool is_overdue(const CoordinationItem& item, Date today);

// Description and responsible department present and bounded, the deadline not before the day
// the item was created, resolution present once resolved or closed, texts valid UTF-8.
std::vector<FieldError> validate_coordination_item(const CoordinationItem& item, Date created_on);

}  // namespace sanpi::domain
