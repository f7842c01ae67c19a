#pragma once
// The project list's filters and ordering, written once for both backends. The dialects differ
// only in how text compares byte-wise, which the caller passes in.
#include <cstdint>
#include <string>
#include <string_view>

#include "store/sql/conditions.hpp"
#include "store/store.hpp"

namespace sanpi::store::sql {

inline constexpr std::int64_t kMaxPageSize = 500;

// Adds the scope and the query's filters to `where`; `text_match` is the name-or-investor search
// term with two `?` for the LIKE pattern.
Result<void> add_project_filters(Conditions& where, const Scope& scope, const ProjectQuery& q,
                                 std::string_view text_match);

// Nulls sort last in both directions; text columns get `text_collation` (empty, or e.g.
// ` COLLATE "C"`) so they sort byte-wise; id breaks ties so pages are stable.
std::string project_order_by(ProjectSortKey key, bool descending, std::string_view text_collation);

}  // namespace sanpi::store::sql
