#include "store/sql/project_list_query.hpp"

#include "domain/stage.hpp"
#include "store/sql/project_identity_sql.hpp"
#include "store/sql/projects_sql.hpp"

namespace sanpi::store::sql {
namespace {

constexpr std::string_view kStageRank =
    "CASE p.stage WHEN 'reserve' THEN 0 WHEN 'signed' THEN 1 WHEN 'started' THEN 2 WHEN 'producing' THEN 3 "
    "ELSE 4 END";

// Rows whose code name stands in for the name (domain/code_name.hpp: a code name, not yet signed),
// for a viewer outside the project's zone and the province.
std::string code_name_shown() {
    return "(p.code_name IS NOT NULL AND p.stage = '" + std::string(domain::to_string(domain::Stage::kReserve)) + "')";
}

void add_text_search(Conditions& where, const std::string& text, bool mask_code_names) {
    const auto pattern = like_contains_pattern(text);
    const std::string open =
        "(" + std::string(identity::kNameCodesMatch) + " OR " + std::string(identity::kInvestorMatch) + ")";
    if (!mask_code_names) {
        where.add(open, {pattern, pattern, pattern, pattern});
        return;
    }
    const std::string shown = code_name_shown();
    where.add(
        "((" + shown + " AND " + std::string(identity::kCodeNameMatch) + ") OR (NOT " + shown + " AND " + open + "))",
        {pattern, pattern, pattern, pattern, pattern});
}

void add_national_code(Conditions& where, const std::string& code, bool mask_code_names) {
    if (!mask_code_names) {
        where.add(identity::kNationalCodeEquals, code);
        return;
    }
    where.add("(" + std::string(identity::kNationalCodeEquals) + " AND NOT " + code_name_shown() + ")", code);
}

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
    if (q.text && !q.text->empty()) add_text_search(where, *q.text, q.mask_code_names);
    if (q.national_code) add_national_code(where, *q.national_code, q.mask_code_names);
    return {};
}

std::string project_order_by(ProjectSortKey key, bool descending, bool mask_code_names) {
    const std::string dir = descending ? " DESC" : " ASC";
    const std::string text_dir = "{{BYTEWISE}}" + dir;
    switch (key) {
        case ProjectSortKey::kId:
            return " ORDER BY p.id" + dir;
        case ProjectSortKey::kCode:
            return " ORDER BY p.code" + text_dir + ", p.id" + dir;
        case ProjectSortKey::kName:
            if (mask_code_names) {
                return " ORDER BY (CASE WHEN " + code_name_shown() + " THEN p.code_name ELSE p.name END)" + text_dir +
                       ", p.id" + dir;
            }
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
