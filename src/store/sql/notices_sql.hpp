#pragma once
// SQL of supervision notices (m0018), written once for both backends. Reads join the notice's zone
// (scope: n.zone_id and z.region_code) and, where it has them, its project, coordination item and
// issuer.
#include <string_view>

namespace sanpi::store::sql::notices {

inline constexpr std::string_view kLadderColumns =
    "SELECT l.version, l.yellow_streak_days, l.red_after_days, l.city_deadline_days, l.province_deadline_days, "
    "l.created_by, u.name, l.created_at FROM escalation_ladders l LEFT JOIN users u ON u.id = l.created_by "
    "ORDER BY l.version DESC LIMIT 1";
inline constexpr std::string_view kInsertLadder =
    "INSERT INTO escalation_ladders (version, yellow_streak_days, red_after_days, city_deadline_days, "
    "province_deadline_days, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";

// Followed by kNoticeRow once per notice (value_rows.hpp), then kNewId, or for the ladder's
// notices kLadderNoticesEnd: a rung that holds one already (m0018's unique indexes) is skipped.
inline constexpr std::string_view kInsertNotices =
    "INSERT INTO notices (target_kind, project_id, coordination_item_id, zone_id, level, status, problem, "
    "action_requested, deadline, escalated_on, ladder_step, ladder_since, issued_by, issued_at, updated_at, version) "
    "VALUES ";
inline constexpr std::string_view kNoticeRow = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)";
inline constexpr std::string_view kNewId = "{{RETURNING_ID}}";
inline constexpr std::string_view kLadderNoticesEnd = " ON CONFLICT DO NOTHING RETURNING id, project_id, ladder_step";
// Target, texts and issuer never change; `version = ?` lets exactly one of two writers win.
inline constexpr std::string_view kUpdateNotice =
    "UPDATE notices SET level = ?, status = ?, deadline = ?, escalated_on = ?, updated_at = ?, "
    "version = version + 1 WHERE id = ? AND version = ?";
inline constexpr std::string_view kNoticeExists = "SELECT 1 FROM notices WHERE id = ?";
// Followed by kEventRow once per event.
inline constexpr std::string_view kInsertEvents =
    "INSERT INTO notice_events (notice_id, step, user_id, at, text, deadline, level) VALUES ";
inline constexpr std::string_view kEventRow = "(?, ?, ?, ?, ?, ?, ?)";
inline constexpr std::string_view kEvents =
    "SELECT e.id, e.notice_id, e.step, e.user_id, u.name, e.at, e.text, e.deadline, e.level FROM notice_events e "
    "LEFT JOIN users u ON u.id = e.user_id WHERE e.notice_id = ? ORDER BY e.id";

// The notice's own columns, read by read_notice in this order.
inline constexpr std::string_view kNoticeOwnColumns =
    "n.id, n.target_kind, n.project_id, n.coordination_item_id, n.zone_id, n.level, n.status, n.problem, "
    "n.action_requested, n.deadline, n.escalated_on, n.ladder_step, n.ladder_since, n.issued_by, n.version";
inline constexpr std::string_view kRecordColumns =
    ", p.code, p.name, p.code_name, p.stage, ci.description, z.name, z.region_code, u.name, n.issued_at, "
    "n.updated_at";
inline constexpr std::string_view kNoticeFrom =
    " FROM notices n JOIN zones z ON z.id = n.zone_id LEFT JOIN projects p ON p.id = n.project_id "
    "LEFT JOIN coordination_items ci ON ci.id = n.coordination_item_id LEFT JOIN users u ON u.id = n.issued_by";
// Open notices first, the most urgent first, then by id.
inline constexpr std::string_view kNoticeOrder =
    " ORDER BY CASE WHEN n.status = 'closed' THEN 1 ELSE 0 END, n.deadline, n.id";

// The sweep: open city notices past their deadline, never escalated, by id.
inline constexpr std::string_view kOverdueCityNotices =
    " FROM notices n WHERE n.level = 'city' AND n.status <> 'closed' AND n.deadline < ? AND n.escalated_on IS NULL "
    "AND n.id > ? ORDER BY n.id LIMIT ?";

// The ladder: every lit project, with the day its spell of yellow-or-worse began (the last turn
// from green in its history; its colour's own day when the history has none).
inline constexpr std::string_view kLadderFacts =
    "SELECT l.project_id, p.zone_id, l.light, l.since, "
    "(SELECT MAX(h.changed_on) FROM light_history h WHERE h.project_id = l.project_id AND h.from_light = 'green'), "
    "l.reasons FROM project_lights l JOIN projects p ON p.id = l.project_id WHERE l.project_id > ? "
    "ORDER BY l.project_id LIMIT ?";

}  // namespace sanpi::store::sql::notices
