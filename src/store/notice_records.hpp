#pragma once
// What the store keeps about supervision notices (m0018): the escalation ladder by version, each
// notice with what lists show of its target, its history, the list's filters and counts, and what
// the daily sweep reads.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/escalation_ladder.hpp"
#include "domain/notice.hpp"
#include "domain/stage.hpp"

namespace sanpi::store {

struct EscalationLadderRecord {
    domain::EscalationLadder ladder;
    std::optional<std::int64_t> created_by;  // none: the defaults (no version stored yet)
    std::string created_by_name;
    std::int64_t created_at = 0;  // unix seconds; 0 for the defaults
};

struct NoticeRecord {
    domain::Notice notice;
    std::string project_code;  // empty unless the notice has a project
    std::string project_name;
    std::string project_code_name;  // empty: none
    domain::Stage project_stage = domain::Stage::kReserve;
    std::string item_description;  // the coordination item's, for that target
    std::string zone_name;
    std::string region_code;  // the zone's
    std::string city_code;
    std::string issued_by_name;  // empty: the system (the ladder)
    std::int64_t issued_at = 0;
    std::int64_t updated_at = 0;
};

struct NoticeEvent {
    std::int64_t id = 0;
    std::int64_t notice_id = 0;
    domain::NoticeStep step = domain::NoticeStep::kIssue;
    std::optional<std::int64_t> user_id;  // none: the system
    std::string user_name;                // read back; empty for the system
    std::int64_t at = 0;
    std::optional<std::string> text;       // what was said (problem on issue, response, comment, note, reason)
    std::optional<domain::Date> deadline;  // issue and reopen: the deadline set
    domain::NoticeLevel level = domain::NoticeLevel::kCity;  // the level after the step
};

// Filters of the notice list; all optional, combined with AND, always within a scope. Open
// notices first, then by deadline, then id.
struct NoticeQuery {
    std::optional<domain::NoticeStatus> status;
    std::optional<domain::NoticeLevel> level;
    std::optional<bool> overdue;  // against `today`
    std::optional<domain::NoticeTarget> target;
    std::optional<std::int64_t> project_id;  // the project's notices and its coordination items'
    std::optional<std::int64_t> zone_id;
    std::optional<std::string> city_code;
    domain::Date today = domain::Date::from_days(0);
    std::int64_t offset = 0;
    std::int64_t limit = 50;
};

// Counts over the query's filters except status and overdue (so each tab shows its number).
struct NoticeCounts {
    std::int64_t issued = 0;
    std::int64_t responded = 0;
    std::int64_t closed = 0;
    std::int64_t overdue = 0;  // open and past the deadline
    friend bool operator==(const NoticeCounts&, const NoticeCounts&) = default;
};

}  // namespace sanpi::store
