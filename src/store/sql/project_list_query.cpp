#include "store/sql/project_list_query.hpp"

#include "store/sql/projects_sql.hpp"

namespace sanpi::store::sql {
namespace {

constexpr std::string_view kStageRank =
    "CASE p.stage WHEN 'reserve' THEN 0 WHEN 'signed' THEN 1 WHEN 'started' THEN 2 WHEN 'producing' THEN 3 "
    "ELSE 4 END";

}  // namespace

Result<void> add_project_filters(Conditions& where, const Scope& scope, const ProjectQuery& q) {
    if (auto scoped = add_scope(where, scope, "p.zone_id", "z.region_code"); !scoped) return scoped.error();
    if (q.city_code) {
        if (q.city_code->size() != 6 || !is_digits(*q.city_code, 6)) {
            return Error::invalid_field("city_code", "城市代码应为6位数字", "city_code must be six digits");
        }
        where.add("z.region_code LIKE ?", q.city_code->substr(0, 4) + "%");
    }
    if (q.zone_id) where.add("p.zone_id = ?", *q.zone_id);
    if (q.industry_code) where.add("p.industry_code = ?", *q.industry_code);
    if (q.stage) where.add("p.stage = ?", std::string(domain::to_string(*q.stage)));
    if (q.status) where.add("p.status = ?", std::string(domain::to_string(*q.status)));
    if (q.text && !q.text->empty()) {
        const auto pattern = like_contains_pattern(*q.text);
        where.add(projects::kTextMatch, pattern, pattern);
    }
    return {};
}

std::string project_order_by(ProjectSortKey key, bool descending) {
    const std::string dir = descending ? " DESC" : " ASC";
    const std::string text_dir = "{{BYTEWISE}}" + dir;
    switch (key) {
        case ProjectSortKey::kId:
            return " ORDER BY p.id" + dir;
        case ProjectSortKey::kCode:
            return " ORDER BY p.code" + text_dir + ", p.id" + dir;
        case ProjectSortKey::kName:
            return " ORDER BY p.name" + text_dir + ", p.id" + dir;
        case ProjectSortKey::kTotalInvestment:
            return " ORDER BY p.total_investment_fen" + dir + ", p.id" + dir;
        case ProjectSortKey::kPlannedStart:
            return " ORDER BY (p.planned_start IS NULL), p.planned_start" + text_dir + ", p.id" + dir;
        case ProjectSortKey::kStage:
            return " ORDER BY " + std::string(kStageRank) + dir + ", p.id" + dir;
    }
    return " ORDER BY p.id" + dir;
}

}  // namespace sanpi::store::sql
