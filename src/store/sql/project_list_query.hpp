#pragma once
// The project list's filters and ordering, written once for both backends.
#include <cstdint>
#include <string>
#include <string_view>

#include "store/sql/conditions.hpp"
#include "store/store.hpp"

namespace sanpi::store::sql {

inline constexpr std::int64_t kMaxPageSize = 500;

// Adds the scope and the query's filters to `where`, the text as a search in project and
// investor names.
Result<void> add_project_filters(Conditions& where, const Scope& scope, const ProjectQuery& q);

// Nulls sort last in both directions; text columns sort byte-wise ({{BYTEWISE}}); id breaks
// ties so pages are stable.
std::string project_order_by(ProjectSortKey key, bool descending);

}  // namespace sanpi::store::sql
