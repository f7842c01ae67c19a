#pragma once
// SQL of spreadsheet imports (m0015, m0016), written once for both backends.
#include <string_view>

namespace sanpi::store::sql::imports {

inline constexpr std::string_view kInsertImport =
    "INSERT INTO imports (kind, file_name, checksum, byte_size, content, sheet, zone_id, campaign_id, batch, "
    "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?){{RETURNING_ID}}";
inline constexpr std::string_view kImportColumns =
    "SELECT id, kind, file_name, checksum, byte_size, sheet, zone_id, campaign_id, batch, status, created_by, "
    "created_at, committed_at, rows_created, rows_updated, rows_unchanged, rows_rejected, rows_repeated, rows_entered "
    "FROM imports WHERE id = ?";
inline constexpr std::string_view kImportContent = "SELECT content FROM imports WHERE id = ?";
// Only a previewed import moves: a second commit changes no row.
inline constexpr std::string_view kFinishImport =
    "UPDATE imports SET status = 'committed', committed_at = ?, rows_created = ?, rows_updated = ?, "
    "rows_unchanged = ?, rows_rejected = ?, rows_repeated = ?, rows_entered = ? WHERE id = ? AND status = 'previewed'";

}  // namespace sanpi::store::sql::imports
