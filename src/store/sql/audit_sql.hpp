#pragma once
// The SQL of the audit log and its chain head, for every backend.
#include <string_view>

namespace sanpi::store::sql::audit {

// The head row is locked for the rest of the write transaction, so concurrent appends take turns.
inline constexpr std::string_view kLockHead = "SELECT seq, hash FROM audit_head WHERE id = 1{{FOR_UPDATE}}";
// The first append creates the head; a concurrent first append waits on the key and then does
// nothing, after which both lock the one row.
inline constexpr std::string_view kCreateHead =
    "INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, ?) ON CONFLICT (id) DO NOTHING";
inline constexpr std::string_view kMoveHead = "UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1";
inline constexpr std::string_view kSelectHead = "SELECT seq, hash FROM audit_head WHERE id = 1";

// Followed by kEntryRow once per entry (value_rows.hpp).
inline constexpr std::string_view kInsertEntries =
    "INSERT INTO audit_log (seq, actor_id, actor_name, at, action, entity_type, entity_id, changes, prev_hash, hash) "
    "VALUES ";
inline constexpr std::string_view kEntryRow = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

inline constexpr std::string_view kEntrySelect =
    "SELECT seq, actor_id, actor_name, at, action, entity_type, entity_id, changes, prev_hash, hash FROM audit_log";
// A project's own entries and those of the records that belong to it.
inline constexpr std::string_view kOfProject =
    "((entity_type = 'project' AND entity_id = ?)"
    " OR (entity_type = 'report' AND entity_id IN (SELECT id FROM progress_reports WHERE project_id = ?))"
    " OR (entity_type = 'coordination_item' AND entity_id IN (SELECT id FROM coordination_items WHERE project_id = "
    "?)))";
// Followed by kEntrySelect's filters; newest first.
inline constexpr std::string_view kNewestFirst = " ORDER BY seq DESC LIMIT ?";
// An entity type's entries after a moment, newest first (index audit_log_type_at, m0019).
inline constexpr std::string_view kOfTypeAfter = " WHERE entity_type = ? AND at > ? ORDER BY seq DESC";
inline constexpr std::string_view kChainPage = " WHERE seq > ? ORDER BY seq LIMIT ?";

}  // namespace sanpi::store::sql::audit
