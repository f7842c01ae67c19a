#pragma once
// How every SQLite transaction runs — store reads and writes, migrations, export, import — so
// commit/rollback rules live in one place.
#include <functional>
#include <string_view>

#include "domain/error.hpp"
#include "store/sqlite/sqlite_handle.hpp"

namespace sanpi::store::sqlite {

// IMMEDIATE takes the write lock up front, so a busy database fails before the body runs
// instead of at its first write.
inline constexpr std::string_view kBeginWrite = "BEGIN IMMEDIATE";
inline constexpr std::string_view kBeginRead = "BEGIN DEFERRED";

// Runs `body` in a transaction begun with `begin`: committed on success, rolled back on an error
// or an exception (which propagates). SQLite failures become errors as in guard_sql.
Result<void> run_transaction(Connection& conn, std::string_view begin, const std::function<Result<void>()>& body);

// Executes one statement, turning a SQLite failure into an error.
Result<void> exec_guarded(Connection& conn, std::string_view sql);

// The schema version recorded in this database; 0 when it has never been migrated.
int recorded_schema_version(Connection& conn);

}  // namespace sanpi::store::sqlite
