#pragma once
// The SQL of coordination items (问题诉求) for every backend. Reads join the project and its zone,
// so scope filters (on p.zone_id and z.region_code) apply inside the query.
#include <string_view>

namespace sanpi::store::sql::coordination {

inline constexpr std::string_view kInsertItem =
    "INSERT INTO coordination_items (project_id, category, description, level, responsible_department, deadline, "
    "status, resolution, reopen_reason, created_by, created_at, updated_at, version) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1){{RETURNING_ID}}";
// The project an item belongs to never changes. Concurrent writers: as for projects, the
// `version = ?` test lets exactly one of them win.
inline constexpr std::string_view kUpdateItem =
    "UPDATE coordination_items SET category = ?, description = ?, level = ?, responsible_department = ?, "
    "deadline = ?, status = ?, resolution = ?, reopen_reason = ?, updated_at = ?, version = version + 1 "
    "WHERE id = ? AND version = ?";
inline constexpr std::string_view kItemExists = "SELECT 1 FROM coordination_items WHERE id = ?";

// Read by read_coordination_record, in this order.
inline constexpr std::string_view kItemColumns =
    "SELECT ci.id, ci.project_id, ci.category, ci.description, ci.level, ci.responsible_department, ci.deadline, "
    "ci.status, ci.resolution, ci.reopen_reason, ci.version, p.code, p.name, p.code_name, p.stage, p.zone_id, "
    "z.name, z.region_code, ci.created_by, ci.created_at, ci.updated_at";
inline constexpr std::string_view kItemFrom =
    " FROM coordination_items ci JOIN projects p ON p.id = ci.project_id JOIN zones z ON z.id = p.zone_id";
inline constexpr std::string_view kItemOrder = " ORDER BY ci.deadline, ci.id";

}  // namespace sanpi::store::sql::coordination
