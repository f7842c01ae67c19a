#pragma once
// PostgreSQL's SQLSTATEs in the neutral terms of store/sql/connection.hpp; turning those into the
// errors users see is store/sql/guard.hpp's work, the same for every backend.
#include <string_view>

#include "store/sql/connection.hpp"
#include "store/sql/constraint_errors.hpp"
#include "store/sql/guard.hpp"

namespace sanpi::store::postgres {

using sql::busy_error;
using sql::guard_sql;
using sql::internal_error;
using sql::unavailable_error;

sql::FailureKind failure_kind(std::string_view sqlstate, bool connection_lost);

}  // namespace sanpi::store::postgres
