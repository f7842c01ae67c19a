#pragma once
// Supervision notices (督办单): a supervisor, a province user or a city user asks a zone to solve a
// problem about a project, a coordination item or the zone itself by a deadline. The notice moves
// issued -> responded (the zone answers) -> closed (by the notice's level or above), or is sent
// back (reopen: issued again, a new deadline allowed); the city may comment while it is open. A
// notice past its deadline (China date; the deadline's own day is on time) and not closed is
// overdue; the daily sweep raises an overdue city notice to the province once.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/error.hpp"
#include "domain/user.hpp"

namespace sanpi::domain {

enum class NoticeTarget { kProject, kCoordinationItem, kZone };
std::string_view to_string(NoticeTarget t);  // "project", "coordination_item", "zone"
std::optional<NoticeTarget> notice_target_from_string(std::string_view s);

// Order matters: a higher level compares greater.
enum class NoticeLevel { kCity = 0, kProvince = 1 };
std::string_view to_string(NoticeLevel l);  // "city", "province"
std::string_view label_zh(NoticeLevel l);   // 市级, 省级
std::optional<NoticeLevel> notice_level_from_string(std::string_view s);

enum class NoticeStatus { kIssued, kResponded, kClosed };
std::string_view to_string(NoticeStatus s);  // "issued", "responded", "closed"
std::string_view label_zh(NoticeStatus s);   // 已下发, 已反馈, 已办结
std::optional<NoticeStatus> notice_status_from_string(std::string_view s);

// The steps a notice's history records, in the words the API uses.
enum class NoticeStep { kIssue, kRespond, kComment, kClose, kReopen, kEscalate };
std::string_view to_string(NoticeStep s);  // "issue", "respond", "comment", "close", "reopen", "escalate"
std::string_view label_zh(NoticeStep s);
std::optional<NoticeStep> notice_step_from_string(std::string_view s);

// The rungs of the escalation ladder that issue notices by themselves (escalation_ladder.hpp).
enum class LadderStep { kYellowStreak, kRed };
std::string_view to_string(LadderStep s);  // "yellow_streak", "red"
std::optional<LadderStep> ladder_step_from_string(std::string_view s);

inline constexpr std::size_t kMaxNoticeTextLength = 2000;

struct Notice {
    std::int64_t id = 0;
    NoticeTarget target = NoticeTarget::kProject;
    std::optional<std::int64_t> project_id;            // a project's, or the coordination item's project
    std::optional<std::int64_t> coordination_item_id;  // target coordination_item
    std::int64_t zone_id = 0;                          // the zone the target belongs to (or is)
    NoticeLevel level = NoticeLevel::kCity;
    NoticeStatus status = NoticeStatus::kIssued;
    std::string problem;                    // 问题
    std::string action_requested;           // 督办要求
    Date deadline = Date::from_days(0);     // 办结时限
    std::optional<Date> escalated_on;       // the day the sweep raised it to the province
    std::optional<LadderStep> ladder_step;  // issued by the ladder, for this rung
    std::optional<Date> ladder_since;       // ... for the light that began on this day
    std::optional<std::int64_t> issued_by;  // none: the system (the ladder)
    std::int64_t version = 1;
};

// The level a role issues and acts at: supervisors (督导组) and the province act for the province,
// cities for the city; zones and viewers issue nothing (none).
std::optional<NoticeLevel> acting_level(Role role);

// Overdue on `today` (China date): not closed and `today` after the deadline.
bool is_overdue(const Notice& n, Date today);

// A deadline must not be before `today` (China date); `field` names it in the error.
Result<void> check_deadline(Date deadline, Date today, std::string_view field = "deadline");
// A required text of at most kMaxNoticeTextLength characters; blank, invalid UTF-8 or too long is
// invalid input naming `field`.
Result<void> check_notice_text(const std::optional<std::string>& text, std::string_view field);

// A new notice by `issuer_role` (its level: acting_level; kForbidden for zones and viewers), texts
// and deadline checked (every bad field named together). The target and zone are the caller's.
Result<Notice> issue_notice(Role issuer_role, Notice draft, Date today);

// Whether `role` may take `step` on `n` now (scope aside, which the store checks): kConflict naming
// `status` when the state does not allow the step, kForbidden when the role may not take it.
// respond: a zone user, while issued. comment: a city user, while issued or responded. close: the
// notice's level or above, while issued or responded. reopen: the same, while responded or closed.
Result<void> check_step(const Notice& n, NoticeStep step, Role role);

// The steps `role` may take on `n` now, in the order a UI offers them.
std::vector<NoticeStep> allowed_steps(const Notice& n, Role role);

// The notice after the step (text checks aside: the caller's). reopen sets `new_deadline` when given.
Notice apply_step(const Notice& n, NoticeStep step, std::optional<Date> new_deadline = std::nullopt);

// The sweep's escalation: a city notice overdue on `today` and never escalated goes to the
// province; nothing otherwise (none).
std::optional<Notice> escalate_if_overdue(const Notice& n, Date today);

}  // namespace sanpi::domain
