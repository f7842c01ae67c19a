#pragma once
// SQL of photos (m0006), written once for both backends. Metadata reads never select the bytes.
#include <string_view>

namespace sanpi::store::sql::photos {

inline constexpr std::string_view kInsertPhoto =
    "INSERT INTO photos (project_id, report_id, stage_change_id, content_type, bytes, thumbnail, width, height, "
    "byte_size, digest, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?){{RETURNING_ID}}";

inline constexpr std::string_view kPhotoColumns =
    "SELECT ph.id, ph.project_id, ph.report_id, ph.stage_change_id, ph.content_type, ph.width, ph.height, "
    "ph.byte_size, ph.digest, ph.created_by, u.name, ph.created_at FROM photos ph LEFT JOIN users u ON u.id = "
    "ph.created_by";
// After kPhotoColumns: enough to scope a photo by its project's zone.
inline constexpr std::string_view kPhotoScopeJoin =
    " JOIN projects p ON p.id = ph.project_id JOIN zones z ON z.id = p.zone_id";

inline constexpr std::string_view kReportPhotos = " WHERE ph.report_id = ? ORDER BY ph.id";
inline constexpr std::string_view kStageChangePhotos = " WHERE ph.stage_change_id = ? ORDER BY ph.id";
inline constexpr std::string_view kProjectStageChangePhotos =
    " WHERE ph.project_id = ? AND ph.stage_change_id IS NOT NULL ORDER BY ph.stage_change_id, ph.id";

inline constexpr std::string_view kPhotoImage = "SELECT bytes FROM photos WHERE id = ?";
inline constexpr std::string_view kPhotoThumbnail = "SELECT thumbnail FROM photos WHERE id = ?";

inline constexpr std::string_view kLockReport = "SELECT id FROM progress_reports WHERE id = ?{{FOR_UPDATE}}";
inline constexpr std::string_view kLockStageChange = "SELECT id FROM project_stage_changes WHERE id = ?{{FOR_UPDATE}}";
inline constexpr std::string_view kCountReportPhotos = "SELECT COUNT(*) FROM photos WHERE report_id = ?";
inline constexpr std::string_view kCountStageChangePhotos = "SELECT COUNT(*) FROM photos WHERE stage_change_id = ?";

inline constexpr std::string_view kDeletePhoto = "DELETE FROM photos WHERE id = ?";

inline constexpr std::string_view kStageChangeExists = "SELECT 1 FROM project_stage_changes WHERE id = ?";

}  // namespace sanpi::store::sql::photos
