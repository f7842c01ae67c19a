// Projects: writes with optimistic versions, scoped detail reads, stage history.
#include "store/postgres/pg_conditions.hpp"
#include "store/postgres/pg_project_rows.hpp"
#include "store/postgres/pg_tx.hpp"

namespace sanpi::store::postgres {
namespace {

// The 26 writable columns, bound in this order by project_fields.
constexpr std::string_view kInsertProject =
    "INSERT INTO projects (code, name, zone_id, industry_code, chain_node_id, total_investment_fen, "
    "construction_content, planned_sign, planned_start, planned_production, planned_capacity, actual_sign, "
    "actual_start, actual_production, actual_capacity, stage, status, annual_planned_investment_fen, "
    "expected_output_value_fen, expected_tax_fen, expected_jobs, land_area_centimu, responsible_unit, "
    "responsible_post, tags, synthetic, version) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, "
    "$23, $24, $25, $26, 1) RETURNING id";
// Under READ COMMITTED a concurrent writer of the same row waits for the first to commit, then
// re-checks `version = $28` against the committed row: exactly one of them wins, the other
// touches no row and gets kConflict, as with SQLite's single writer.
constexpr std::string_view kUpdateProject =
    "UPDATE projects SET code = $1, name = $2, zone_id = $3, industry_code = $4, chain_node_id = $5, "
    "total_investment_fen = $6, construction_content = $7, planned_sign = $8, planned_start = $9, "
    "planned_production = $10, planned_capacity = $11, actual_sign = $12, actual_start = $13, "
    "actual_production = $14, actual_capacity = $15, stage = $16, status = $17, annual_planned_investment_fen = $18, "
    "expected_output_value_fen = $19, expected_tax_fen = $20, expected_jobs = $21, land_area_centimu = $22, "
    "responsible_unit = $23, responsible_post = $24, tags = $25, synthetic = $26, version = version + 1 "
    "WHERE id = $27 AND version = $28";
constexpr std::string_view kDeleteInvestors = "DELETE FROM project_investors WHERE project_id = $1";
// One round trip for the whole list; position is the index in investor_ids.
constexpr std::string_view kInsertInvestors =
    "INSERT INTO project_investors (project_id, enterprise_id, position) "
    "SELECT $1::bigint, t.enterprise_id, t.ord - 1 FROM unnest($2::bigint[]) WITH ORDINALITY AS t(enterprise_id, ord)";
constexpr std::string_view kSelectInvestors =
    "SELECT pi.enterprise_id, e.name FROM project_investors pi JOIN enterprises e ON e.id = pi.enterprise_id "
    "WHERE pi.project_id = $1 ORDER BY pi.position";
constexpr std::string_view kProjectByCode = " FROM projects p WHERE p.code = $1";
constexpr std::string_view kInsertStageChange =
    "INSERT INTO project_stage_changes (project_id, from_stage, to_stage, from_status, to_status, change_date, "
    "correction, reason, user_id, changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
constexpr std::string_view kSelectStageChanges =
    "SELECT project_id, from_stage, to_stage, from_status, to_status, change_date, correction, reason "
    "FROM project_stage_changes WHERE project_id = $1 ORDER BY id";

Params project_fields(const domain::Project& p) {
    return Params::of(p.code, p.name, p.zone_id, p.industry_code, p.chain_node_id, p.total_investment,
                      p.construction_content, p.planned.sign, p.planned.start, p.planned.production, p.planned.capacity,
                      p.actual.sign, p.actual.start, p.actual.production, p.actual.capacity, domain::to_string(p.stage),
                      domain::to_string(p.status), p.annual_planned_investment, p.expected_output_value, p.expected_tax,
                      p.expected_jobs, p.land_area_centimu, p.responsible_unit, p.responsible_post, join_codes(p.tags),
                      p.synthetic);
}

ForeignKeys project_references(const domain::Project& p) {
    ForeignKeys refs{{"zone_id", exists_sql::kZone, p.zone_id, "开发区", "zone"},
                     {"industry_code", exists_sql::kIndustry, p.industry_code, "行业", "industry"}};
    for (std::size_t i = 0; i < p.investor_ids.size(); ++i) {
        refs.push_back({"investor_ids[" + std::to_string(i) + "]", exists_sql::kEnterprise, p.investor_ids[i], "企业",
                        "enterprise"});
    }
    return refs;
}

domain::StageChange read_stage_change(const PgResult& r, int i) {
    Row row(r, i);
    domain::StageChange c;
    c.project_id = row.int64();
    c.from_stage = row.enumeration(domain::stage_from_string, "stage");
    c.to_stage = row.enumeration(domain::stage_from_string, "stage");
    c.from_status = row.enumeration(domain::project_status_from_string, "status");
    c.to_status = row.enumeration(domain::project_status_from_string, "status");
    c.date = row.optional_date();
    c.correction = row.boolean();
    c.reason = row.text();
    return c;
}

}  // namespace

void PgTx::write_investors(const domain::Project& p) {
    if (p.investor_ids.empty()) return;
    conn_.query(kInsertInvestors, Params::of(p.id, p.investor_ids));
}

void PgTx::load_investors(domain::Project& p, std::vector<std::string>* names) {
    const auto r = conn_.query(kSelectInvestors, Params::of(p.id));
    p.investor_ids.clear();
    for (int i = 0; i < r.rows(); ++i) {
        p.investor_ids.push_back(r.int64(i, 0));
        if (names != nullptr) names->push_back(r.text(i, 1));
    }
}

Result<void> PgTx::stale_or_missing(std::string_view exists_sql, std::int64_t id, std::string_view what_zh,
                                    std::string_view what_en) {
    if (conn_.query(exists_sql, Params::of(id)).rows() == 0) {
        return Error::not_found(std::string(what_zh), std::string(what_en));
    }
    return Error::conflict("记录已被他人修改，请刷新后重试",
                           "the " + std::string(what_en) + " was changed by someone else; reload and retry");
}

Result<std::int64_t> PgTx::insert_project(const domain::Project& p) {
    return atomically(
        [&]() -> Result<std::int64_t> {
            domain::Project stored = p;
            stored.id = returned_id(conn_.query(kInsertProject, project_fields(p)));
            write_investors(stored);  // a new project has none to delete
            return stored.id;
        },
        project_references(p));
}

Result<void> PgTx::update_project(const domain::Project& p, std::int64_t expected_version) {
    return atomically(
        [&]() -> Result<void> {
            auto params = project_fields(p);
            params.add(p.id);
            params.add(expected_version);
            if (conn_.query(kUpdateProject, params).affected() == 0) {
                return stale_or_missing(exists_sql::kProject, p.id, "项目", "project");
            }
            conn_.query(kDeleteInvestors, Params::of(p.id));
            write_investors(p);
            return {};
        },
        project_references(p));
}

Result<std::optional<domain::ProjectView>> PgTx::get_project(const Scope& scope, std::int64_t id) {
    return guarded([&]() -> Result<std::optional<domain::ProjectView>> {
        Conditions where;
        where.add("p.id = ?", id);
        if (auto scoped = add_scope(where, scope, "p.zone_id", "z.region_code"); !scoped) return scoped.error();
        const auto r = conn_.query("SELECT " + std::string(kProjectColumns) + ", " + std::string(kProjectViewColumns) +
                                       std::string(kProjectViewFrom) + where.where(),
                                   where.params());
        if (r.rows() == 0) return std::optional<domain::ProjectView>();
        auto view = read_project_view(r, 0);
        load_investors(view.project, &view.investor_names);
        return view;
    });
}

Result<std::optional<domain::Project>> PgTx::find_project_by_code(std::string_view code) {
    return guarded([&]() -> Result<std::optional<domain::Project>> {
        const auto r =
            conn_.query("SELECT " + std::string(kProjectColumns) + std::string(kProjectByCode), Params::of(code));
        if (r.rows() == 0) return std::optional<domain::Project>();
        Row row(r, 0);
        auto project = read_project(row);
        load_investors(project, nullptr);
        return project;
    });
}

Result<void> PgTx::insert_stage_change(const domain::StageChange& c, std::int64_t user_id, Timestamp at) {
    // User 0 is the system itself (imports, demo loading): no account to refer to.
    const std::optional<std::int64_t> user = user_id != 0 ? std::optional(user_id) : std::nullopt;
    ForeignKeys refs{{"project_id", exists_sql::kProject, c.project_id, "项目", "project"}};
    if (user) refs.push_back({"user_id", exists_sql::kUser, *user, "用户", "user"});
    return atomically(
        [&]() -> Result<void> {
            conn_.query(kInsertStageChange,
                        Params::of(c.project_id, domain::to_string(c.from_stage), domain::to_string(c.to_stage),
                                   domain::to_string(c.from_status), domain::to_string(c.to_status), c.date,
                                   c.correction, c.reason, user, at));
            return {};
        },
        refs);
}

Result<std::vector<domain::StageChange>> PgTx::list_stage_changes(std::int64_t project_id) {
    return guarded([&]() -> Result<std::vector<domain::StageChange>> {
        const auto r = conn_.query(kSelectStageChanges, Params::of(project_id));
        std::vector<domain::StageChange> out;
        for (int i = 0; i < r.rows(); ++i) out.push_back(read_stage_change(r, i));
        return out;
    });
}

}  // namespace sanpi::store::postgres
