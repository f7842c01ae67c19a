#pragma once
// How every transaction runs on every backend — store reads and writes, migrations, export,
// import — so the commit and rollback rules live in one place.
#include <functional>
#include <string_view>

#include "domain/error.hpp"
#include "store/sql/connection.hpp"

namespace sanpi::store::sql {

// Rolls back whatever transaction the connection is in (none, normally); failures are logged.
void rollback_quietly(Connection& conn) noexcept;

// Opens a transaction with `begin` on a connection that should be idle (rolled back first if not).
Result<void> begin_transaction(Connection& conn, std::string_view begin);

// Ends the open transaction after `body`: committed if it succeeds, rolled back if it returns an
// error or throws (rethrown). A body that succeeded after a failed statement is not committed.
Result<void> finish_transaction(Connection& conn, const std::function<Result<void>()>& body);

// begin_transaction, then finish_transaction.
Result<void> run_transaction(Connection& conn, std::string_view begin, const std::function<Result<void>()>& body);

}  // namespace sanpi::store::sql
