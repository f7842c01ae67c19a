// Projects: writes with optimistic versions, scoped detail reads, stage history.
#include "store/sql/catalog_sql.hpp"
#include "store/sql/conditions.hpp"
#include "store/sql/figures_sql.hpp"
#include "store/sql/lights_sql.hpp"
#include "store/sql/project_rows.hpp"
#include "store/sql/projects_sql.hpp"
#include "store/sql/sql_tx.hpp"
#include "store/sql/users_sql.hpp"

namespace sanpi::store::sql {

using namespace projects;

namespace {

// An empty text is stored as NULL: "none yet", and no clash in the unique national code index.
std::optional<std::string_view> text_or_null(const std::string& s) {
    return s.empty() ? std::nullopt : std::optional<std::string_view>(s);
}

// The identity and capacity agreement columns of m0005, after the 26 of the initial schema.
int bind_identity_fields(Statement& st, int first, const domain::Project& p) {
    const auto& a = p.approval;
    const auto ext = a ? a->extension : std::nullopt;
    const auto& ca = p.capacity_agreement;
    return bind_from(
        st, first, text_or_null(p.national_code), p.national_code_legacy,
        a ? std::optional(domain::to_string(a->kind)) : std::nullopt, a ? std::optional(a->date) : std::nullopt,
        a ? std::optional(a->authority) : std::nullopt, a ? std::optional(a->document_number) : std::nullopt,
        ext ? std::optional(ext->granted_on) : std::nullopt, ext ? std::optional(ext->start_by) : std::nullopt,
        p.stats_entry_date, text_or_null(p.code_name), ca ? std::optional(ca->output_value) : std::nullopt,
        ca ? std::optional(ca->tax) : std::nullopt, ca ? std::optional(ca->jobs) : std::nullopt,
        ca ? std::optional(ca->land_area_centimu) : std::nullopt);
}

int bind_project_fields(Statement& st, const domain::Project& p) {
    const int next = bind_from(
        st, 1, p.code, p.name, p.zone_id, p.industry_code, p.chain_node_id, p.total_investment, p.construction_content,
        p.planned.sign, p.planned.start, p.planned.production, p.planned.capacity, p.actual.sign, p.actual.start,
        p.actual.production, p.actual.capacity, domain::to_string(p.stage), domain::to_string(p.status),
        p.annual_planned_investment, p.expected_output_value, p.expected_tax, p.expected_jobs, p.land_area_centimu,
        p.responsible_unit, p.responsible_post, join_codes(p.tags), p.synthetic);
    return bind_identity_fields(st, next, p);
}

ForeignKeys project_references(const domain::Project& p) {
    ForeignKeys refs{{"zone_id", catalog::kZoneExists, p.zone_id, "开发区", "zone"},
                     {"industry_code", catalog::kIndustryExists, p.industry_code, "行业", "industry"}};
    for (std::size_t i = 0; i < p.investor_ids.size(); ++i) {
        refs.push_back({"investor_ids[" + std::to_string(i) + "]", catalog::kEnterpriseExists, p.investor_ids[i],
                        "企业", "enterprise"});
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
    c.id = row.int64();
    return c;
}

std::string update_project_sql(const std::vector<int>& parameters) {
    std::string sql = "UPDATE projects SET ";
    for (const int p : parameters) {
        sql += std::string(kProjectFieldColumns.at(static_cast<std::size_t>(p - 1))) + " = ?, ";
    }
    return sql + std::string(kUpdateProjectEnd);
}

}  // namespace

// The fields of `p` whose bound values differ from the stored row's.
SqlTx::ChangedFields SqlTx::changed_fields(const domain::Project& p, const domain::Project& stored) {
    ChangedFields out;
    bind_project_fields(out.values, p);
    BoundValues before;
    bind_project_fields(before, stored);
    out.parameters = out.values.differing(before);
    return out;
}

void SqlTx::write_investors(const domain::Project& p, bool replace) {
    if (replace) {
        auto del = conn_.prepare(kDeleteInvestors);
        bind_all(*del, p.id);
        run(*del);
    }
    if (p.investor_ids.empty()) return;
    auto ins = conn_.prepare(kInsertInvestor);
    for (std::size_t i = 0; i < p.investor_ids.size(); ++i) {
        ins->reset();
        bind_all(*ins, p.id, p.investor_ids[i], static_cast<std::int64_t>(i));
        run(*ins);
    }
}

Result<std::int64_t> SqlTx::insert_project(const domain::Project& p) {
    return atomically(
        [&]() -> Result<std::int64_t> {
            auto q = conn_.prepare(kInsertProject);
            bind_from(*q, bind_project_fields(*q, p), p.zone_id);
            domain::Project stored = p;
            stored.id = returned_id(*q);
            write_investors(stored, false);
            write_commitments(stored, false);
            add_project_figures(std::nullopt, figure_key(stored));
            return stored.id;
        },
        project_references(p));
}

Result<void> SqlTx::update_project(const domain::Project& p, std::int64_t expected_version) {
    return atomically(
        [&]() -> Result<void> {
            // The stored row at the expected version, locked until the transaction ends, and its
            // investors and commitments, in one round trip. Its figures' fields are what this write
            // takes away from the kept figures.
            auto q = conn_.prepare("SELECT " + std::string(kProjectColumns) + std::string(kProjectById) +
                                   std::string(figures::kAtVersion) + std::string(figures::kLocked));
            bind_all(*q, p.id, expected_version);
            auto parts = project_parts(p.id);
            Statement* const together[] = {q.get(), parts.investors.get(), parts.funding.get(), parts.realised.get()};
            conn_.run_together(together);
            if (!q->step()) return stale_or_missing(kProjectExists, p.id, "项目", "project");
            Row row(*q);
            auto stored = read_project(row);
            read_project_parts(parts, stored, nullptr);
            const auto before = figure_key(stored);
            const auto changed = changed_fields(p, stored);
            // Not kept: the set of changed columns varies from edit to edit.
            auto update = conn_.prepare_once(update_project_sql(changed.parameters));
            const int next = changed.values.bind_to(*update, 1, changed.parameters);
            bind_from(*update, next, p.id, expected_version);
            run(*update);
            if (update->rows_affected() == 0) return stale_or_missing(kProjectExists, p.id, "项目", "project");
            // Most edits leave investors and commitments as they are; rewriting them anyway cost
            // a search-index update per investor row (m0007's triggers) on every write.
            if (stored.investor_ids != p.investor_ids) write_investors(p);
            if (stored.funding != p.funding || stored.realised != p.realised) write_commitments(p);
            const auto after = figure_key(p);
            add_project_figures(before, after);
            move_entry_figures(p.id, before, after);
            return {};
        },
        project_references(p));
}

Result<std::optional<domain::ProjectView>> SqlTx::get_project(const Scope& scope, std::int64_t id) {
    return guarded([&]() -> Result<std::optional<domain::ProjectView>> {
        Conditions where;
        where.add("p.id = ?", id);
        if (auto scoped = add_scope(where, scope, "p.zone_id", "z.region_code"); !scoped) return scoped.error();
        auto q = conn_.prepare(project_view_query(where.where()));
        where.bind(*q);
        // Read by id alone, so they can go with the project's row; unused if it is out of scope.
        auto parts = project_parts(id);
        auto light = conn_.prepare(lights::kStoredLight);
        bind_all(*light, id);
        Statement* const together[] = {q.get(), parts.investors.get(), parts.funding.get(), parts.realised.get(),
                                       light.get()};
        conn_.run_together(together);
        if (!q->step()) return std::optional<domain::ProjectView>();
        Row row(*q);
        auto view = read_project_view(row);
        read_project_parts(parts, view.project, &view.investor_names, &view.investor_credit_codes);
        const auto stored = read_stored_light(*light);
        view.light = domain::ProjectLight{stored.light, domain::decode_reasons(stored.reasons)};
        return view;
    });
}

Result<std::optional<domain::Project>> SqlTx::find_project_by_code(std::string_view code) {
    return guarded([&]() -> Result<std::optional<domain::Project>> {
        auto q = conn_.prepare("SELECT " + std::string(kProjectColumns) + std::string(kProjectByCode));
        bind_all(*q, code);
        if (!q->step()) return std::optional<domain::Project>();
        Row row(*q);
        auto project = read_project(row);
        load_project_parts(project, nullptr);
        return project;
    });
}

Result<void> SqlTx::insert_stage_change(const domain::StageChange& c, std::int64_t user_id, Timestamp at) {
    // User 0 is the system itself (imports, demo loading): no account to refer to.
    const std::optional<std::int64_t> user = user_id != 0 ? std::optional(user_id) : std::nullopt;
    ForeignKeys refs{{"project_id", kProjectExists, c.project_id, "项目", "project"}};
    if (user) refs.push_back({"user_id", users::kUserExists, *user, "用户", "user"});
    return atomically(
        [&]() -> Result<void> {
            auto q = conn_.prepare(kInsertStageChange);
            bind_all(*q, c.project_id, domain::to_string(c.from_stage), domain::to_string(c.to_stage),
                     domain::to_string(c.from_status), domain::to_string(c.to_status), c.date, c.correction, c.reason,
                     user, at);
            run(*q);
            return {};
        },
        refs);
}

Result<std::vector<domain::StageChange>> SqlTx::list_stage_changes(std::int64_t project_id) {
    return guarded([&]() -> Result<std::vector<domain::StageChange>> {
        auto q = conn_.prepare(kSelectStageChanges);
        bind_all(*q, project_id);
        std::vector<domain::StageChange> out;
        while (q->step()) out.push_back(read_stage_change(*q));
        return out;
    });
}

Result<std::optional<domain::StageChange>> SqlTx::get_stage_change(std::int64_t project_id, std::int64_t change_id) {
    return guarded([&]() -> Result<std::optional<domain::StageChange>> {
        auto q = conn_.prepare(kSelectStageChange);
        bind_all(*q, project_id, change_id);
        if (!q->step()) return std::optional<domain::StageChange>();
        return std::optional<domain::StageChange>(read_stage_change(*q));
    });
}

}  // namespace sanpi::store::sql
