#include "store/sql/project_list_query.hpp"

#include "domain/stage.hpp"
#include "store/sql/project_identity_sql.hpp"
#include "store/sql/projects_sql.hpp"

namespace sanpi::store::sql {
namespace {

constexpr std::string_view kStageRank =
    "CASE p.stage WHEN 'reserve' THEN 0 WHEN 'signed' THEN 1 WHEN 'started' THEN 2 WHEN 'producing' THEN 3 "
    "ELSE 4 END";

// Pairs of characters (m0010) index text of two characters or more; single characters are not
// indexed. PostgreSQL's trigrams serve three characters or more, its pairs exactly two.
constexpr std::size_t kIndexedSearchMinChars = 2;
constexpr std::size_t kTrigramMinChars = 3;

// Rows whose code name stands in for the name (domain/code_name.hpp: a code name, not yet signed),
// for a viewer outside the project's zone and the province.
std::string code_name_shown() {
    return "(p.code_name IS NOT NULL AND p.stage = '" + std::string(domain::to_string(domain::Stage::kReserve)) + "')";
}

std::size_t utf8_chars(std::string_view text) {
    std::size_t n = 0;
    for (unsigned char c : text) n += (c & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

// An FTS5 phrase: the text in double quotes, its own quotes doubled, so nothing in it is syntax.
std::string fts_phrase(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string ascii_folded(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
}

// Narrows to rows the search index says may contain the text: a superset of the LIKE matches
// (the index folds case at least as widely as the LIKE terms), which those terms then refine.
void add_text_candidates(Conditions& where, const std::string& text, Dialect dialect) {
    if (dialect == Dialect::kSqlite) {
        where.add(projects::kSearchCandidatesSqlite, fts_phrase(text));
        return;
    }
    if (utf8_chars(text) < kTrigramMinChars) {
        const auto pair = ascii_folded(text);
        where.add(projects::kSearchPairCandidatesPostgres, {pair, pair, pair, pair});
        return;
    }
    const auto pattern = like_contains_pattern(text);
    where.add(projects::kSearchCandidatesPostgres, {pattern, pattern, pattern, pattern});
}

// The reference search: LIKE over the fields, which alone decides on short text. The investors'
// match is per row (EXISTS) where few rows are checked, or, when every row the order leads to is
// checked (TextPlan::kScan, a two-character text), the set of projects of matching enterprises,
// computed once through the enterprises' pairs index.
void add_text_search(Conditions& where, const std::string& text, bool mask_code_names, TextPlan plan) {
    const auto pattern = like_contains_pattern(text);
    std::vector<SqlValue> investor_binds{pattern};
    std::string investor_match(identity::kInvestorMatch);
    if (plan == TextPlan::kScan) {
        investor_match = projects::kInvestorPairMatchPostgres;
        investor_binds = {ascii_folded(text), pattern};
    }
    const std::string open = "(" + std::string(identity::kNameCodesMatch) + " OR " + investor_match + ")";
    std::vector<SqlValue> binds{pattern, pattern, pattern};
    if (!mask_code_names) {
        binds.insert(binds.end(), investor_binds.begin(), investor_binds.end());
        where.add(open, std::move(binds));
        return;
    }
    const std::string shown = code_name_shown();
    binds.insert(binds.begin(), pattern);
    binds.insert(binds.end(), investor_binds.begin(), investor_binds.end());
    where.add(
        "((" + shown + " AND " + std::string(identity::kCodeNameMatch) + ") OR (NOT " + shown + " AND " + open + "))",
        std::move(binds));
}

void add_national_code(Conditions& where, const std::string& code, bool mask_code_names) {
    if (!mask_code_names) {
        where.add(identity::kNationalCodeEquals, code);
        return;
    }
    where.add("(" + std::string(identity::kNationalCodeEquals) + " AND NOT " + code_name_shown() + ")", code);
}

// The scope through the project's own city column where the prefix names a province or a city
// (an equality or a range an index serves), through the zones of the region otherwise. No term
// names the zones' table: the page's ids are picked from projects alone (list_projects).
Result<void> add_project_scope(Conditions& where, const Scope& scope) {
    if (scope.kind != Scope::Kind::kRegion) return add_scope(where, scope, "p.zone_id", "z.region_code");
    const auto& prefix = scope.region_prefix;
    if (!is_digits(prefix, 6)) return Error::forbidden("权限范围无效", "invalid access scope");
    if (prefix.size() == 4) {
        where.add("p.city_code = ?", prefix + "00");
    } else if (prefix.size() < 4) {
        auto [first, last] = region_bounds(prefix);
        where.add("p.city_code BETWEEN ? AND ?", std::move(first), std::move(last));
    } else {
        auto [first, last] = region_bounds(prefix);
        where.add("p.zone_id IN (SELECT rz.id FROM zones rz WHERE rz.region_code BETWEEN ? AND ?)", std::move(first),
                  std::move(last));
    }
    return {};
}

std::string sort_expression(ProjectSortKey key, bool mask_code_names) {
    switch (key) {
        case ProjectSortKey::kId:
            return "p.id";
        case ProjectSortKey::kCode:
            return "p.code{{BYTEWISE}}";
        case ProjectSortKey::kName:
            if (mask_code_names) {
                return "(CASE WHEN " + code_name_shown() + " THEN p.code_name ELSE p.name END){{BYTEWISE}}";
            }
            return "p.name{{BYTEWISE}}";
        case ProjectSortKey::kTotalInvestment:
            return "p.total_investment_fen";
        case ProjectSortKey::kPlannedStart:
            return "p.planned_start{{BYTEWISE}}";
        case ProjectSortKey::kStage:
            return "(" + std::string(kStageRank) + ")";
    }
    return "p.id";
}

bool sorts_by_text(ProjectSortKey key) {
    return key == ProjectSortKey::kCode || key == ProjectSortKey::kName || key == ProjectSortKey::kPlannedStart;
}

Error misplaced() { return Error::invalid_field("cursor", "分页游标与排序不符", "cursor does not fit the sort"); }

}  // namespace

std::string indexed_pair(const ProjectQuery& q, Dialect dialect) {
    if (dialect != Dialect::kPostgres || !q.text || q.text_without_index) return {};
    if (utf8_chars(*q.text) != kIndexedSearchMinChars) return {};
    return ascii_folded(*q.text);
}

Result<void> add_project_filters(Conditions& where, const Scope& scope, const ProjectQuery& q, Dialect dialect,
                                 TextPlan plan) {
    if (auto scoped = add_project_scope(where, scope); !scoped) return scoped.error();
    if (q.city_code) {
        if (q.city_code->size() != 6 || !is_digits(*q.city_code, 6)) {
            return Error::invalid_field("city_code", "城市代码应为6位数字", "city_code must be six digits");
        }
        // m0007 keeps projects.city_code equal to the zone's region with "00" for its last two digits.
        where.add("p.city_code = ?", q.city_code->substr(0, 4) + "00");
    }
    if (q.zone_id) where.add("p.zone_id = ?", *q.zone_id);
    if (q.industry_code) where.add("p.industry_code = ?", *q.industry_code);
    if (q.stage) where.add("p.stage = ?", std::string(domain::to_string(*q.stage)));
    if (q.status) where.add("p.status = ?", std::string(domain::to_string(*q.status)));
    if (q.text && !q.text->empty()) {
        if (plan == TextPlan::kScan && indexed_pair(q, dialect).empty()) plan = TextPlan::kIndex;
        if (plan == TextPlan::kIndex && !q.text_without_index && utf8_chars(*q.text) >= kIndexedSearchMinChars) {
            add_text_candidates(where, *q.text, dialect);
        }
        add_text_search(where, *q.text, q.mask_code_names, plan);
    }
    if (q.national_code) add_national_code(where, *q.national_code, q.mask_code_names);
    return {};
}

std::string project_sort_value(ProjectSortKey key, bool mask_code_names) {
    return key == ProjectSortKey::kId ? "NULL" : sort_expression(key, mask_code_names);
}

std::string project_order_by(ProjectSortKey key, bool descending, bool mask_code_names) {
    const std::string dir = descending ? " DESC" : " ASC";
    if (key == ProjectSortKey::kId) return " ORDER BY p.id" + dir;
    if (key == ProjectSortKey::kPlannedStart) {
        // Nulls last either way, spelled so one index per direction serves it (m0007).
        if (descending) return " ORDER BY (p.planned_start IS NOT NULL) DESC, p.planned_start{{BYTEWISE}} DESC, p.id DESC";
        return " ORDER BY (p.planned_start IS NULL) ASC, p.planned_start{{BYTEWISE}} ASC, p.id ASC";
    }
    return " ORDER BY " + sort_expression(key, mask_code_names) + dir + ", p.id" + dir;
}

Result<void> add_project_after(Conditions& where, ProjectSortKey key, bool descending, bool mask_code_names,
                               const ListPosition& after) {
    const std::string op = descending ? " < " : " > ";
    const auto* text = std::get_if<std::string>(&after.value);
    const auto* number = std::get_if<std::int64_t>(&after.value);
    const bool none = std::holds_alternative<std::monostate>(after.value);
    if (key == ProjectSortKey::kId) {
        if (!none) return misplaced();
        where.add("p.id" + op + "?", after.id);
        return {};
    }
    if (key == ProjectSortKey::kPlannedStart) {
        if (number) return misplaced();
        if (none) {
            where.add("(p.planned_start IS NULL AND p.id" + op + "?)", after.id);
        } else if (descending) {
            where.add("((p.planned_start IS NOT NULL), p.planned_start{{BYTEWISE}}, p.id) < (TRUE, ?, ?)", *text,
                      after.id);
        } else {
            where.add("((p.planned_start IS NULL), p.planned_start{{BYTEWISE}}, p.id) > (FALSE, ?, ?)", *text,
                      after.id);
        }
        return {};
    }
    const std::string term = "(" + sort_expression(key, mask_code_names) + ", p.id)" + op + "(?, ?)";
    if (sorts_by_text(key)) {
        if (!text) return misplaced();
        where.add(term, *text, after.id);
    } else {
        if (!number) return misplaced();
        where.add(term, *number, after.id);
    }
    return {};
}

}  // namespace sanpi::store::sql
