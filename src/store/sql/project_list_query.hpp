#pragma once
// The project list's filters, ordering and keyset paging, written once for both backends.
#include <cstdint>
#include <string>
#include <string_view>

#include "store/dialect.hpp"
#include "store/sql/conditions.hpp"
#include "store/store.hpp"

namespace sanpi::store::sql {

inline constexpr std::int64_t kMaxPageSize = 500;

// Adds the scope and the query's filters to `where`, the text as a search in the project's name,
// code name and national code and its investors' names (only the code name on rows whose code name
// the viewer sees instead of the name, when q.mask_code_names). Text of two characters or more is
// first narrowed through the dialect's search index (m0007, m0010); a single character, or
// q.text_without_index, is searched by the LIKE terms alone over the rows the other filters leave.
// How the text of a search narrows the rows (PostgreSQL, two characters): through the index of
// character pairs, or, for a pair common enough (sql/pair_shares.hpp), by checking each row the
// order and the other filters lead to, with the investors' match computed once for all rows.
enum class TextPlan { kIndex, kScan };

Result<void> add_project_filters(Conditions& where, const Scope& scope, const ProjectQuery& q, Dialect dialect,
                                 TextPlan plan = TextPlan::kIndex);

// The pair a PostgreSQL search looks up in the pairs index (ASCII letters folded), when the
// query's text is exactly two characters and searched through the index; else empty.
std::string indexed_pair(const ProjectQuery& q, Dialect dialect);

// Nulls sort last in both directions; text columns sort byte-wise ({{BYTEWISE}}); id breaks
// ties so pages are stable. With mask_code_names, the name sort uses the name the viewer sees.
std::string project_order_by(ProjectSortKey key, bool descending, bool mask_code_names = false);

// The value the list sorts by, as a select-list expression ("NULL" for the id sort), so a page's
// last place is read by the same expression that ordered it.
std::string project_sort_value(ProjectSortKey key, bool mask_code_names);

// Restricts to rows after `after` in the order project_order_by gives. Refuses a place whose
// value does not fit the sort (a number where the sort is by text...).
Result<void> add_project_after(Conditions& where, ProjectSortKey key, bool descending, bool mask_code_names,
                               const ListPosition& after);

}  // namespace sanpi::store::sql
