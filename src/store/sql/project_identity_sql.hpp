#pragma once
// The SQL of what m0005 added to projects: the funding breakdown, realised figures per year, the
// history of planned dates, and the list's search terms over the national code and code name.
// The projects table's own new columns are written with the project (projects_sql.hpp).
#include <string_view>

namespace sanpi::store::sql::identity {

inline constexpr std::string_view kDeleteFunding = "DELETE FROM project_funding WHERE project_id = ?";
inline constexpr std::string_view kInsertFunding =
    "INSERT INTO project_funding (project_id, source, amount_fen, position) VALUES (?, ?, ?, ?)";
inline constexpr std::string_view kSelectFunding =
    "SELECT source, amount_fen FROM project_funding WHERE project_id = ? ORDER BY position";

inline constexpr std::string_view kDeleteRealised = "DELETE FROM project_realised WHERE project_id = ?";
inline constexpr std::string_view kInsertRealised =
    "INSERT INTO project_realised (project_id, year, output_value_fen, tax_fen, jobs) VALUES (?, ?, ?, ?, ?)";
inline constexpr std::string_view kSelectRealised =
    "SELECT year, output_value_fen, tax_fen, jobs FROM project_realised WHERE project_id = ? ORDER BY year";

inline constexpr std::string_view kInsertPlannedDateChange =
    "INSERT INTO planned_date_changes (project_id, milestone, old_date, new_date, reason, user_id, changed_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)";
inline constexpr std::string_view kSelectPlannedDateChanges =
    "SELECT c.project_id, c.milestone, c.old_date, c.new_date, c.reason, c.user_id, c.changed_at, u.name "
    "FROM planned_date_changes c LEFT JOIN users u ON u.id = c.user_id WHERE c.project_id = ? ORDER BY c.id";

// The list's text search over the name, the code name and the national code (3 parameters), and
// over the investors' names. lower() on bytewise text folds ASCII only, exactly like SQLite's
// lower() and LIKE, so a search matches the same rows on both backends (ILIKE would also fold
// non-ASCII). A NULL code name or national code matches nothing.
inline constexpr std::string_view kNameCodesMatch =
    "(lower(p.name{{BYTEWISE}}) LIKE ? ESCAPE '!' OR lower(p.code_name{{BYTEWISE}}) LIKE ? ESCAPE '!' "
    "OR lower(p.national_code{{BYTEWISE}}) LIKE ? ESCAPE '!')";
inline constexpr std::string_view kCodeNameMatch = "lower(p.code_name{{BYTEWISE}}) LIKE ? ESCAPE '!'";
inline constexpr std::string_view kInvestorMatch =
    "EXISTS (SELECT 1 FROM project_investors pi JOIN enterprises e ON e.id = pi.enterprise_id "
    "WHERE pi.project_id = p.id AND lower(e.name{{BYTEWISE}}) LIKE ? ESCAPE '!')";
inline constexpr std::string_view kNationalCodeEquals = "p.national_code = ?";

}  // namespace sanpi::store::sql::identity
