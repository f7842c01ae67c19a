#pragma once
// The project list's filters and ordering, written once for both backends.
#include <cstdint>
#include <string>
#include <string_view>

#include "store/sql/conditions.hpp"
#include "store/store.hpp"

namespace sanpi::store::sql {

inline constexpr std::int64_t kMaxPageSize = 500;

// Adds the scope and the query's filters to `where`, the text as a search in the project's name,
// code name and national code and its investors' names (only the code name on rows whose code name
// the viewer sees instead of the name, when q.mask_code_names).
Result<void> add_project_filters(Conditions& where, const Scope& scope, const ProjectQuery& q);

// Nulls sort last in both directions; text columns sort byte-wise ({{BYTEWISE}}); id breaks
// ties so pages are stable. With mask_code_names, the name sort uses the name the viewer sees.
std::string project_order_by(ProjectSortKey key, bool descending, bool mask_code_names = false);

}  // namespace sanpi::store::sql
