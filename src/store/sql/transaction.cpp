#include "store/sql/transaction.hpp"

#include <string>

#include "store/internal_log.hpp"
#include "store/sql/guard.hpp"

namespace sanpi::store::sql {

void rollback_quietly(Connection& conn) noexcept {
    try {
        if (!conn.lost() && conn.in_transaction()) conn.rollback();
    } catch (const DbError& e) {
        log_internal(std::string("rollback failed: ") + e.what());
    }
}

Result<void> begin_transaction(Connection& conn, std::string_view begin) {
    rollback_quietly(conn);  // a pooled connection is never handed out mid-transaction, but be sure
    return guard_sql([&]() -> Result<void> {
        conn.begin(begin);
        return {};
    });
}

Result<void> finish_transaction(Connection& conn, const std::function<Result<void>()>& body) {
    auto result = [&] {
        try {
            return body();
        } catch (...) {
            rollback_quietly(conn);
            throw;
        }
    }();
    if (!result) {
        rollback_quietly(conn);
        return result;
    }
    // COMMIT of an aborted transaction silently rolls back; never report that as success.
    if (conn.transaction_failed()) {
        rollback_quietly(conn);
        return internal_error("transaction body succeeded after a failed statement; rolled back");
    }
    auto committed = guard_sql([&]() -> Result<void> {
        conn.commit();
        return {};
    });
    if (!committed) rollback_quietly(conn);
    return committed;
}

Result<void> run_transaction(Connection& conn, std::string_view begin, const std::function<Result<void>()>& body) {
    if (auto begun = begin_transaction(conn, begin); !begun) return begun;
    return finish_transaction(conn, body);
}

}  // namespace sanpi::store::sql
