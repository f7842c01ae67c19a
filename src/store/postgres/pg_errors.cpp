#include "store/postgres/pg_errors.hpp"

#include "store/postgres/pg_handle.hpp"

namespace sanpi::store::postgres {
namespace {

bool is_busy(std::string_view sqlstate) {
    return sqlstate == "57014"                // statement_timeout (query_canceled)
           || sqlstate == "55P03"             // lock_timeout (lock_not_available)
           || sqlstate.substr(0, 2) == "53";  // insufficient resources, too many connections
}

}  // namespace

sql::FailureKind failure_kind(std::string_view sqlstate, bool connection_lost) {
    using sql::FailureKind;
    if (connection_lost || is_connection_sqlstate(sqlstate)) return FailureKind::kConnectionLost;
    if (sqlstate == "23505") return FailureKind::kUniqueViolation;
    if (sqlstate == "23514") return FailureKind::kCheckViolation;
    if (sqlstate == "23503") return FailureKind::kForeignKeyViolation;
    if (sqlstate == "23502") return FailureKind::kNotNullViolation;
    if (sqlstate == "53100") return FailureKind::kStorageFull;  // disk_full
    // read_only_sql_transaction: a standby, or default_transaction_read_only set by the administrator.
    if (sqlstate == "25006") return FailureKind::kReadOnly;
    if (sqlstate == "58030") return FailureKind::kStorageFailed;  // io_error
    if (is_busy(sqlstate)) return FailureKind::kBusy;
    if (sqlstate == "40001" || sqlstate == "40P01") return FailureKind::kSerialization;
    // Text SQLite would store but PostgreSQL cannot (NUL bytes, invalid UTF-8).
    if (sqlstate == "22021" || sqlstate == "22P05") return FailureKind::kUnstorableText;
    return FailureKind::kOther;
}

}  // namespace sanpi::store::postgres
