#include "store/sqlite/sqlite_transaction.hpp"

#include <string>

#include "store/sqlite/sqlite_errors.hpp"

namespace sanpi::store::sqlite {
namespace {

constexpr std::string_view kSchemaTableExists =
    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";
constexpr std::string_view kSchemaVersion = "SELECT COALESCE(MAX(number), 0) FROM schema_migrations";

void rollback_quietly(Connection& conn) noexcept {
    try {
        if (conn.in_transaction()) conn.exec("ROLLBACK");
    } catch (const SqliteError& e) {
        internal_error(std::string("rollback failed: ") + e.what());
    }
}

}  // namespace

Result<void> exec_guarded(Connection& conn, std::string_view sql) {
    return guard_sql(conn, [&]() -> Result<void> {
        conn.exec(sql);
        return {};
    });
}

Result<void> run_transaction(Connection& conn, std::string_view begin, const std::function<Result<void>()>& body) {
    rollback_quietly(conn);  // a pooled connection is never handed out mid-transaction, but be sure
    if (auto begun = exec_guarded(conn, begin); !begun) return begun;
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
    auto committed = exec_guarded(conn, "COMMIT");
    if (!committed) rollback_quietly(conn);
    return committed;
}

int recorded_schema_version(Connection& conn) {
    if (!conn.query(kSchemaTableExists)->step()) return 0;
    auto q = conn.query(kSchemaVersion);
    q->step();
    return static_cast<int>(q->int64(0));
}

}  // namespace sanpi::store::sqlite
