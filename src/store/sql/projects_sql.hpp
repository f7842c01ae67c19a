#pragma once
// The SQL of projects, their investors and stage history, and the project list, for every
// backend. The column list and row reader the reads share are in project_rows.hpp.
#include <array>
#include <string_view>

namespace sanpi::store::sql::projects {

// The 40 writable columns, bound in this order by bind_project_fields: the 26 of the initial schema,
// then the identity and capacity agreement columns of m0005; then the zone again, for the city
// (m0007), written with the row rather than by an UPDATE of it after (m0025).
inline constexpr std::string_view kInsertProject =
    "INSERT INTO projects (code, name, zone_id, industry_code, chain_node_id, total_investment_fen, "
    "construction_content, planned_sign, planned_start, planned_production, planned_capacity, actual_sign, "
    "actual_start, actual_production, actual_capacity, stage, status, annual_planned_investment_fen, "
    "expected_output_value_fen, expected_tax_fen, expected_jobs, land_area_centimu, responsible_unit, "
    "responsible_post, tags, synthetic, "
    "national_code, national_code_legacy, approval_kind, approval_date, approval_authority, "
    "approval_document_number, approval_extension_granted_on, approval_extension_start_by, stats_entry_date, "
    "code_name, agreement_output_value_fen, agreement_tax_fen, agreement_jobs, agreement_land_area_centimu, "
    "version, city_code) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, "
    "(SELECT substr(z.region_code, 1, 4) || '00' FROM zones z WHERE z.id = ?)){{RETURNING_ID}}";
// An update sets only the columns whose values change (projects_tx.cpp): SQLite rewrites every
// index on a column named in SET, even to the same value, and a project has sixteen. Named here in
// bind_project_fields' order, which is kInsertProject's.
inline constexpr std::array<std::string_view, 40> kProjectFieldColumns = {
    "code", "name", "zone_id", "industry_code", "chain_node_id", "total_investment_fen", "construction_content",
    "planned_sign", "planned_start", "planned_production", "planned_capacity", "actual_sign", "actual_start",
    "actual_production", "actual_capacity", "stage", "status", "annual_planned_investment_fen",
    "expected_output_value_fen", "expected_tax_fen", "expected_jobs", "land_area_centimu", "responsible_unit",
    "responsible_post", "tags", "synthetic", "national_code", "national_code_legacy", "approval_kind",
    "approval_date", "approval_authority", "approval_document_number", "approval_extension_granted_on",
    "approval_extension_start_by", "stats_entry_date", "code_name", "agreement_output_value_fen", "agreement_tax_fen",
    "agreement_jobs", "agreement_land_area_centimu"};
// Under PostgreSQL's READ COMMITTED a concurrent writer of the same row waits for the first to
// commit, then re-checks `version = ?` against the committed row: exactly one of them wins, the
// other touches no row and gets kConflict, as with SQLite's single writer.
inline constexpr std::string_view kUpdateProjectEnd = "version = version + 1 WHERE id = ? AND version = ?";
inline constexpr std::string_view kProjectById = " FROM projects p WHERE p.id = ?";
inline constexpr std::string_view kProjectByCode = " FROM projects p WHERE p.code = ?";
inline constexpr std::string_view kProjectExists = "SELECT 1 FROM projects WHERE id = ?";

inline constexpr std::string_view kDeleteInvestors = "DELETE FROM project_investors WHERE project_id = ?";
inline constexpr std::string_view kInsertInvestor =
    "INSERT INTO project_investors (project_id, enterprise_id, position) VALUES (?, ?, ?)";
inline constexpr std::string_view kSelectInvestors =
    "SELECT pi.enterprise_id, e.name, e.credit_code FROM project_investors pi JOIN enterprises e ON e.id = pi.enterprise_id "
    "WHERE pi.project_id = ? ORDER BY pi.position";

inline constexpr std::string_view kInsertStageChange =
    "INSERT INTO project_stage_changes (project_id, from_stage, to_stage, from_status, to_status, change_date, "
    "correction, reason, user_id, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
inline constexpr std::string_view kSelectStageChanges =
    "SELECT project_id, from_stage, to_stage, from_status, to_status, change_date, correction, reason, id "
    "FROM project_stage_changes WHERE project_id = ? ORDER BY id";
inline constexpr std::string_view kSelectStageChange =
    "SELECT project_id, from_stage, to_stage, from_status, to_status, change_date, correction, reason, id "
    "FROM project_stage_changes WHERE project_id = ? AND id = ?";

// The list's text search through the indexes of m0007 and m0010: the projects that may contain the
// text, a superset of those the LIKE terms (project_identity_sql.hpp) match, which still apply.
// SQLite: one FTS5 phrase of character pairs over project_search (name, code name, national code,
// investors), and the projects whose entries wait to be rewritten at commit (m0025), which the
// index may not find yet.
inline constexpr std::string_view kSearchCandidatesSqlite =
    "p.id IN (SELECT rowid FROM project_search WHERE project_search MATCH ? "
    "UNION ALL SELECT project_id FROM project_search_stale)";
// PostgreSQL: the LIKE pattern (4 times) over the pg_trgm GIN indexes of the same expressions.
inline constexpr std::string_view kSearchCandidatesPostgres =
    "p.id IN (SELECT c.id FROM projects c WHERE lower(c.name{{BYTEWISE}}) LIKE ? ESCAPE '!' "
    "OR lower(c.code_name{{BYTEWISE}}) LIKE ? ESCAPE '!' OR lower(c.national_code{{BYTEWISE}}) LIKE ? ESCAPE '!' "
    "UNION SELECT pi.project_id FROM project_investors pi JOIN enterprises e ON e.id = pi.enterprise_id "
    "WHERE lower(e.name{{BYTEWISE}}) LIKE ? ESCAPE '!')";
// PostgreSQL, two characters (m0010): the pair (4 times) in the GIN indexes of the fields' pairs.
inline constexpr std::string_view kSearchPairCandidatesPostgres =
    "p.id IN (SELECT c.id FROM projects c WHERE sanpi_bigrams(c.name) @> ARRAY[CAST(? AS TEXT)] "
    "OR sanpi_bigrams(c.code_name) @> ARRAY[CAST(? AS TEXT)] "
    "OR sanpi_bigrams(c.national_code) @> ARRAY[CAST(? AS TEXT)] "
    "UNION SELECT pi.project_id FROM project_investors pi JOIN enterprises e ON e.id = pi.enterprise_id "
    "WHERE sanpi_bigrams(e.name) @> ARRAY[CAST(? AS TEXT)])";
// PostgreSQL, two characters checked row by row (TextPlan::kScan): the projects of enterprises
// whose names hold the pair (the pair, then the LIKE pattern), one set for the whole query.
inline constexpr std::string_view kInvestorPairMatchPostgres =
    "p.id IN (SELECT pi.project_id FROM project_investors pi JOIN enterprises e ON e.id = pi.enterprise_id "
    "WHERE sanpi_bigrams(e.name) @> ARRAY[CAST(? AS TEXT)] AND lower(e.name{{BYTEWISE}}) LIKE ? ESCAPE '!')";
// PostgreSQL: the estimated number of projects, and each pair ANALYZE found most common in project
// names with the share of names holding it (the pairs index's statistics; none before ANALYZE).
// Frequencies as text: the element type is real, read exactly as the server prints it.
inline constexpr std::string_view kPairStatisticsPostgres =
    "SELECT CAST(GREATEST(c.reltuples, 0) AS BIGINT), m.pair, CAST(m.share AS TEXT) FROM pg_class c "
    "LEFT JOIN LATERAL (SELECT x.pair, x.share FROM pg_stats s, "
    "unnest(CAST(CAST(s.most_common_elems AS TEXT) AS TEXT[]), s.most_common_elem_freqs) AS x(pair, share) "
    "WHERE s.schemaname = CAST(CAST(c.relnamespace AS regnamespace) AS TEXT) AND s.tablename = 'projects_name_bigrams' "
    "AND x.pair IS NOT NULL) m ON TRUE WHERE c.oid = CAST('projects' AS regclass)";
// The investors of a whole page: followed by a list of `?` (a project id or NULL each) and
// kPageInvestorsOrder.
inline constexpr std::string_view kPageInvestors =
    "SELECT pi.project_id, pi.enterprise_id, e.name, e.credit_code FROM project_investors pi "
    "JOIN enterprises e ON e.id = pi.enterprise_id "
    "WHERE pi.project_id IN (";
inline constexpr std::string_view kPageInvestorsOrder = ") ORDER BY pi.project_id, pi.position";

}  // namespace sanpi::store::sql::projects
