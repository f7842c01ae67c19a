#pragma once
// How SQLite transactions begin; running them is store/sql/transaction.hpp's work, shared with
// PostgreSQL.
#include <string_view>

#include "store/sql/transaction.hpp"
#include "store/sqlite/sqlite_handle.hpp"

namespace sanpi::store::sqlite {

using sql::run_transaction;

// IMMEDIATE takes the write lock up front, so a busy database fails before the body runs
// instead of at its first write.
inline constexpr std::string_view kBeginWrite = "BEGIN IMMEDIATE";
inline constexpr std::string_view kBeginRead = "BEGIN DEFERRED";

// The schema version recorded in this database; 0 when it has never been migrated.
int recorded_schema_version(Connection& conn);

}  // namespace sanpi::store::sqlite
