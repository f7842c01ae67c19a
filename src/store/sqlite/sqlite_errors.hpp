#pragma once
// SQLite's result codes in the neutral terms of store/sql/connection.hpp; turning those into the
// errors users see is store/sql/guard.hpp's work, the same for every backend.
#include <string>
#include <string_view>

#include "store/sql/connection.hpp"
#include "store/sql/constraint_errors.hpp"
#include "store/sql/guard.hpp"

namespace sanpi::store::sqlite {

using sql::busy_error;
using sql::guard_sql;
using sql::internal_error;

sql::FailureKind failure_kind(int extended_code);

// The constraint a failure names: "table.column" (the key's first column) for a unique key,
// the CHECK's name (ck_...), else "".
std::string failed_constraint(int extended_code, std::string_view message);

// True for SQLITE_BUSY and SQLITE_LOCKED in any of their extended forms.
bool is_busy(int extended_code);

}  // namespace sanpi::store::sqlite
