// Rankings (m0019): the weights by version, and the facts of a scope's projects read in four
// queries (projects, realised years, then reports and coordination items if asked), however many
// projects.
#include <unordered_map>

#include "store/sql/conditions.hpp"
#include "store/sql/rankings_sql.hpp"
#include "store/sql/row.hpp"
#include "store/sql/sql_tx.hpp"
#include "store/sql/users_sql.hpp"

namespace sanpi::store::sql {

using namespace rankings;

namespace {

// The scope, widened to the projects of `also`: "(scope) OR p.id IN (…)".
Result<Conditions> facts_filter(const Scope& scope, const std::vector<std::int64_t>& also) {
    Conditions scoped;
    if (auto r = add_scope(scoped, scope, "p.zone_id", "z.region_code"); !r) return r.error();
    const std::string terms = scoped.where();
    if (terms.empty() || also.empty()) return scoped;
    std::string term = "((" + terms.substr(std::string_view(" WHERE ").size()) + ") OR p.id IN (";
    std::vector<SqlValue> values = scoped.values();
    for (std::size_t i = 0; i < also.size(); ++i) {
        term += i == 0 ? "?" : ", ?";
        values.emplace_back(also[i]);
    }
    term += "))";
    Conditions widened;
    widened.add(term, std::move(values));
    return widened;
}

}  // namespace

Result<RankingWeightsRecord> SqlTx::ranking_weights(std::optional<Timestamp> at) {
    return guarded([&]() -> Result<RankingWeightsRecord> {
        auto q = conn_.prepare(std::string(kWeightsColumns) + std::string(at ? kWeightsAt : kWeightsNow));
        if (at) bind_all(*q, *at);
        RankingWeightsRecord r;
        r.weights = domain::RankingWeights::defaults();
        if (!q->step()) return r;
        Row row(*q);
        r.weights.version = row.int64();
        for (auto& w : r.weights.weights) w = static_cast<std::int32_t>(row.int64());
        r.created_by = row.optional_int64();
        r.created_by_name = row.optional_text().value_or("");
        r.created_at = row.int64();
        return r;
    });
}

Result<void> SqlTx::insert_ranking_weights(const RankingWeightsRecord& record) {
    ForeignKeys refs;
    if (record.created_by) refs.push_back({"user_id", users::kUserExists, *record.created_by, "用户", "user"});
    auto done = atomically(
        [&]() -> Result<void> {
            auto q = conn_.prepare(kInsertWeights);
            int index = bind_from(*q, 1, record.weights.version);
            for (auto w : record.weights.weights) bind_one(*q, index++, w);
            bind_from(*q, index, record.created_by, record.created_at);
            run(*q);
            return {};
        },
        refs);
    if (!done && done.error().code == ErrorCode::kConflict) {
        return Error::conflict("排名权重已被他人修改，请刷新后重试",
                               "the ranking weights were changed by someone else; reload and retry");
    }
    return done;
}

Result<RankingFacts> SqlTx::ranking_facts(const Scope& scope, const std::vector<std::int64_t>& also,
                                          std::optional<domain::Month> activity_from) {
    auto filter = facts_filter(scope, also);
    if (!filter) return filter.error();
    return guarded([&]() -> Result<RankingFacts> {
        const std::string where = filter->where();
        RankingFacts facts;
        std::unordered_map<std::int64_t, std::size_t> index;

        auto projects = conn_.prepare(std::string(kProjects) + where + " ORDER BY p.id");
        filter->bind(*projects);
        while (projects->step()) {
            Row row(*projects);
            domain::ProjectFacts p;
            p.id = row.int64();
            p.zone_id = row.int64();
            p.industry_code = row.text();
            p.stage = row.enumeration(domain::stage_from_string, "stage");
            p.status = row.enumeration(domain::project_status_from_string, "project status");
            p.total_investment = row.money();
            p.annual_planned_investment = row.money();
            p.land_area_centimu = row.int64();
            p.signed_on = row.optional_date();
            p.started_on = row.optional_date();
            p.producing_on = row.optional_date();
            p.capacity_on = row.optional_date();
            p.planned_start = row.optional_date();
            p.planned_production = row.optional_date();
            p.planned_capacity = row.optional_date();
            index[p.id] = facts.projects.size();
            facts.projects.push_back(std::move(p));
        }

        auto realised = conn_.prepare(std::string(kRealised) + where);
        filter->bind(*realised);
        while (realised->step()) {
            Row row(*realised);
            const auto project = row.int64();
            const auto year = static_cast<int>(row.int64());
            const auto output = row.money();
            const auto tax = row.money();
            if (auto at = index.find(project); at != index.end())
                facts.projects[at->second].realised[year] = {output, tax};
        }

        if (!activity_from) return facts;
        Conditions report_filter = *filter;
        report_filter.add("r.month >= ?", activity_from->to_string());
        auto reports = conn_.prepare(std::string(kReports) + report_filter.where() + " ORDER BY r.id");
        report_filter.bind(*reports);
        while (reports->step()) {
            Row row(*reports);
            RankingReportRow r;
            r.id = row.int64();
            r.report.project_id = row.int64();
            const auto month = row.text();
            auto parsed = domain::Month::parse(month);
            if (!parsed) throw StoreFault("stored report month not recognised: " + month);
            r.report.month = *parsed;
            r.report.investment_completed = row.money();
            r.report.approved = row.text() == "approved";
            facts.reports.push_back(std::move(r));
        }

        auto items = conn_.prepare(std::string(kItems) + where + " ORDER BY c.id");
        filter->bind(*items);
        while (items->step()) {
            Row row(*items);
            RankingItemRow item;
            item.id = row.int64();
            item.project_id = row.int64();
            item.deadline = row.date();
            item.status = row.enumeration(domain::coordination_status_from_string, "coordination item status");
            item.updated_at = row.int64();
            facts.items.push_back(item);
        }
        return facts;
    });
}

}  // namespace sanpi::store::sql
