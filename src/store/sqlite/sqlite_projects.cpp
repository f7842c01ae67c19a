// Projects: writes with optimistic versions, scoped detail reads, stage history.
#include "store/sqlite/sqlite_conditions.hpp"
#include "store/sqlite/sqlite_project_rows.hpp"
#include "store/sqlite/sqlite_tx.hpp"

namespace sanpi::store::sqlite {
namespace {

// The 26 writable columns, bound in this order by bind_project_fields.
constexpr std::string_view kInsertProject =
    "INSERT INTO projects (code, name, zone_id, industry_code, chain_node_id, total_investment_fen, "
    "construction_content, planned_sign, planned_start, planned_production, planned_capacity, actual_sign, "
    "actual_start, actual_production, actual_capacity, stage, status, annual_planned_investment_fen, "
    "expected_output_value_fen, expected_tax_fen, expected_jobs, land_area_centimu, responsible_unit, "
    "responsible_post, tags, synthetic, version) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING id";
constexpr std::string_view kUpdateProject =
    "UPDATE projects SET code = ?, name = ?, zone_id = ?, industry_code = ?, chain_node_id = ?, "
    "total_investment_fen = ?, construction_content = ?, planned_sign = ?, planned_start = ?, "
    "planned_production = ?, planned_capacity = ?, actual_sign = ?, actual_start = ?, actual_production = ?, "
    "actual_capacity = ?, stage = ?, status = ?, annual_planned_investment_fen = ?, expected_output_value_fen = ?, "
    "expected_tax_fen = ?, expected_jobs = ?, land_area_centimu = ?, responsible_unit = ?, responsible_post = ?, "
    "tags = ?, synthetic = ?, version = version + 1 "
    "WHERE id = ? AND version = ?";
constexpr std::string_view kDeleteInvestors = "DELETE FROM project_investors WHERE project_id = ?";
constexpr std::string_view kInsertInvestor =
    "INSERT INTO project_investors (project_id, enterprise_id, position) VALUES (?, ?, ?)";
constexpr std::string_view kSelectInvestors =
    "SELECT pi.enterprise_id, e.name FROM project_investors pi JOIN enterprises e ON e.id = pi.enterprise_id "
    "WHERE pi.project_id = ? ORDER BY pi.position";
constexpr std::string_view kInsertStageChange =
    "INSERT INTO project_stage_changes (project_id, from_stage, to_stage, from_status, to_status, change_date, "
    "correction, reason, user_id, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kSelectStageChanges =
    "SELECT project_id, from_stage, to_stage, from_status, to_status, change_date, correction, reason "
    "FROM project_stage_changes WHERE project_id = ? ORDER BY id";

void bind_project_fields(Statement& st, const domain::Project& p) {
    bind_all(st, p.code, p.name, p.zone_id, p.industry_code, p.chain_node_id, p.total_investment,
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

domain::StageChange read_stage_change(const Statement& st) {
    Row row(st);
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

void SqliteTx::write_investors(const domain::Project& p) {
    auto del = conn_.query(kDeleteInvestors);
    bind_all(*del, p.id);
    del->step();
    auto ins = conn_.query(kInsertInvestor);
    for (std::size_t i = 0; i < p.investor_ids.size(); ++i) {
        ins->reset();
        bind_all(*ins, p.id, p.investor_ids[i], static_cast<std::int64_t>(i));
        ins->step();
    }
}

void SqliteTx::load_investors(domain::Project& p, std::vector<std::string>* names) {
    auto q = conn_.query(kSelectInvestors);
    bind_all(*q, p.id);
    p.investor_ids.clear();
    while (q->step()) {
        p.investor_ids.push_back(q->int64(0));
        if (names != nullptr) names->push_back(q->text(1));
    }
}

Result<void> SqliteTx::stale_or_missing(std::string_view exists_sql, std::int64_t id, std::string_view what_zh,
                                        std::string_view what_en) {
    auto q = conn_.query(exists_sql);
    bind_all(*q, id);
    if (!q->step()) return Error::not_found(std::string(what_zh), std::string(what_en));
    return Error::conflict("记录已被他人修改，请刷新后重试",
                           "the " + std::string(what_en) + " was changed by someone else; reload and retry");
}

Result<std::int64_t> SqliteTx::insert_project(const domain::Project& p) {
    return atomically(
        [&]() -> Result<std::int64_t> {
            auto q = conn_.query(kInsertProject);
            bind_project_fields(*q, p);
            domain::Project stored = p;
            stored.id = returned_id(*q);
            write_investors(stored);
            return stored.id;
        },
        project_references(p));
}

Result<void> SqliteTx::update_project(const domain::Project& p, std::int64_t expected_version) {
    return atomically(
        [&]() -> Result<void> {
            auto q = conn_.query(kUpdateProject);
            bind_project_fields(*q, p);
            bind_one(*q, 27, p.id);
            bind_one(*q, 28, expected_version);
            q->step();
            if (conn_.changes() == 0) return stale_or_missing(exists_sql::kProject, p.id, "项目", "project");
            write_investors(p);
            return {};
        },
        project_references(p));
}

Result<std::optional<domain::ProjectView>> SqliteTx::get_project(const Scope& scope, std::int64_t id) {
    return guarded([&]() -> Result<std::optional<domain::ProjectView>> {
        Conditions where;
        where.add("p.id = ?", id);
        if (auto scoped = add_scope(where, scope, "p.zone_id", "z.region_code"); !scoped) return scoped.error();
        auto q = conn_.query("SELECT " + std::string(kProjectColumns) + ", " + std::string(kProjectViewColumns) +
                             std::string(kProjectViewFrom) + where.where());
        where.bind(*q);
        if (!q->step()) return std::optional<domain::ProjectView>();
        auto view = read_project_view(*q);
        load_investors(view.project, &view.investor_names);
        return view;
    });
}

Result<std::optional<domain::Project>> SqliteTx::find_project_by_code(std::string_view code) {
    return guarded([&]() -> Result<std::optional<domain::Project>> {
        auto q = conn_.query("SELECT " + std::string(kProjectColumns) + " FROM projects p WHERE p.code = ?");
        bind_all(*q, code);
        if (!q->step()) return std::optional<domain::Project>();
        Row row(*q);
        auto project = read_project(row);
        load_investors(project, nullptr);
        return project;
    });
}

Result<void> SqliteTx::insert_stage_change(const domain::StageChange& c, std::int64_t user_id, Timestamp at) {
    // User 0 is the system itself (imports, demo loading): no account to refer to.
    const std::optional<std::int64_t> user = user_id != 0 ? std::optional(user_id) : std::nullopt;
    ForeignKeys refs{{"project_id", exists_sql::kProject, c.project_id, "项目", "project"}};
    if (user) refs.push_back({"user_id", exists_sql::kUser, *user, "用户", "user"});
    return guarded(
        [&]() -> Result<void> {
            auto q = conn_.query(kInsertStageChange);
            bind_all(*q, c.project_id, domain::to_string(c.from_stage), domain::to_string(c.to_stage),
                     domain::to_string(c.from_status), domain::to_string(c.to_status), c.date, c.correction, c.reason,
                     user, at);
            q->step();
            return {};
        },
        refs);
}

Result<std::vector<domain::StageChange>> SqliteTx::list_stage_changes(std::int64_t project_id) {
    return guarded([&]() -> Result<std::vector<domain::StageChange>> {
        auto q = conn_.query(kSelectStageChanges);
        bind_all(*q, project_id);
        std::vector<domain::StageChange> out;
        while (q->step()) out.push_back(read_stage_change(*q));
        return out;
    });
}

}  // namespace sanpi::store::sqlite
