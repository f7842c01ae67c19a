// What m0005 added beside the projects row: the funding breakdown and realised figures (written and
// read with the project), the history of planned dates, and the region check of national codes.
#include "store/sql/catalog_sql.hpp"
#include "store/sql/project_identity_sql.hpp"
#include "store/sql/projects_sql.hpp"
#include "store/sql/sql_tx.hpp"
#include "store/sql/users_sql.hpp"

namespace sanpi::store::sql {

using namespace identity;

namespace {

std::optional<std::int64_t> user_or_null(std::int64_t user_id) {
    return user_id != 0 ? std::optional(user_id) : std::nullopt;
}

store::PlannedDateChangeEntry read_planned_date_change(const Statement& st) {
    Row row(st);
    store::PlannedDateChangeEntry entry;
    auto& c = entry.change;
    c.project_id = row.int64();
    c.milestone = row.enumeration(domain::milestone_from_string, "milestone");
    c.old_date = row.optional_date();
    c.new_date = row.optional_date();
    c.reason = row.text();
    c.user_id = row.optional_int64().value_or(0);
    c.at = row.int64();
    entry.user_name = row.optional_text().value_or("");
    return entry;
}

}  // namespace

void SqlTx::write_commitments(const domain::Project& p, bool replace) {
    if (replace) {
        auto del_funding = conn_.prepare(kDeleteFunding);
        bind_all(*del_funding, p.id);
        run(*del_funding);
        auto del_realised = conn_.prepare(kDeleteRealised);
        bind_all(*del_realised, p.id);
        run(*del_realised);
    }
    if (!p.funding.empty()) {
        auto funding = conn_.prepare(kInsertFunding);
        for (std::size_t i = 0; i < p.funding.size(); ++i) {
            funding->reset();
            bind_all(*funding, p.id, domain::to_string(p.funding[i].source), p.funding[i].amount,
                     static_cast<std::int64_t>(i));
            run(*funding);
        }
    }
    if (!p.realised.empty()) {
        auto realised = conn_.prepare(kInsertRealised);
        for (const auto& r : p.realised) {
            realised->reset();
            bind_all(*realised, p.id, r.year, r.output_value, r.tax, r.jobs);
            run(*realised);
        }
    }
}

SqlTx::ProjectParts SqlTx::project_parts(std::int64_t id) {
    ProjectParts parts{conn_.prepare(projects::kSelectInvestors), conn_.prepare(kSelectFunding),
                       conn_.prepare(kSelectRealised)};
    bind_all(*parts.investors, id);
    bind_all(*parts.funding, id);
    bind_all(*parts.realised, id);
    return parts;
}

void SqlTx::read_project_parts(ProjectParts& parts, domain::Project& p, std::vector<std::string>* names,
                               std::vector<std::string>* credit_codes) {
    p.investor_ids.clear();
    while (parts.investors->step()) {
        p.investor_ids.push_back(parts.investors->int64_at(0));
        if (names != nullptr) names->push_back(parts.investors->text_at(1));
        if (credit_codes != nullptr) credit_codes->push_back(parts.investors->text_at(2));
    }
    p.funding.clear();
    while (parts.funding->step()) {
        Row row(*parts.funding);
        const auto source = row.enumeration(domain::funding_source_from_string, "funding source");
        p.funding.push_back({source, row.money()});
    }
    p.realised.clear();
    while (parts.realised->step()) {
        Row row(*parts.realised);
        domain::AnnualRealisation r;
        r.year = static_cast<int>(row.int64());
        r.output_value = row.money();
        r.tax = row.money();
        r.jobs = static_cast<std::int32_t>(row.int64());
        p.realised.push_back(r);
    }
}

void SqlTx::load_project_parts(domain::Project& p, std::vector<std::string>* names) {
    auto parts = project_parts(p.id);
    Statement* const together[] = {parts.investors.get(), parts.funding.get(), parts.realised.get()};
    conn_.run_together(together);
    read_project_parts(parts, p, names);
}

Result<bool> SqlTx::region_exists(std::string_view code) {
    return guarded([&]() -> Result<bool> {
        auto q = conn_.prepare(catalog::kRegionExists);
        bind_all(*q, code);
        return q->step();
    });
}

Result<void> SqlTx::insert_planned_date_change(const domain::PlannedDateChange& c) {
    const auto user = user_or_null(c.user_id);
    ForeignKeys refs{{"project_id", projects::kProjectExists, c.project_id, "项目", "project"}};
    if (user) refs.push_back({"user_id", users::kUserExists, *user, "用户", "user"});
    return atomically(
        [&]() -> Result<void> {
            auto q = conn_.prepare(kInsertPlannedDateChange);
            bind_all(*q, c.project_id, domain::to_string(c.milestone), c.old_date, c.new_date, c.reason, user, c.at);
            run(*q);
            return {};
        },
        refs);
}

Result<std::vector<PlannedDateChangeEntry>> SqlTx::list_planned_date_changes(std::int64_t project_id) {
    return guarded([&]() -> Result<std::vector<PlannedDateChangeEntry>> {
        auto q = conn_.prepare(kSelectPlannedDateChanges);
        bind_all(*q, project_id);
        std::vector<PlannedDateChangeEntry> out;
        while (q->step()) out.push_back(read_planned_date_change(*q));
        return out;
    });
}

}  // namespace sanpi::store::sql
