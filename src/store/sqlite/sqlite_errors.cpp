#include "store/sqlite/sqlite_errors.hpp"

#include <sqlite3.h>

#include "store/internal_log.hpp"
#include "store/sqlite/sqlite_codec.hpp"

namespace sanpi::store::sqlite {
namespace {

bool target_exists(Connection& conn, const ForeignKey& fk) {
    auto q = conn.query(fk.exists_sql);
    std::visit([&](const auto& key) { bind_one(*q, 1, key); }, fk.key);
    return q->step();
}

Error foreign_key_error(Connection& conn, const ForeignKeys& foreign_keys) {
    return sql::foreign_key_error(foreign_keys, [&](const ForeignKey& fk) { return target_exists(conn, fk); });
}

// SQLite reports "UNIQUE constraint failed: t.a, t.b"; the first column identifies the key.
Error unique_error(std::string_view message) {
    const auto colon = message.find(": ");
    auto columns = colon == std::string_view::npos ? std::string_view() : message.substr(colon + 2);
    return sql::unique_by_column(columns.substr(0, columns.find(',')));
}

// "CHECK constraint failed: ck_stage": the constraint's name follows the colon.
Error check_error(std::string_view message) {
    const auto at = message.find("ck_");
    if (at == std::string_view::npos) return sql::check_error({});
    const auto name = message.substr(at);
    return sql::check_error(name.substr(0, name.find_first_of(" ,)")));
}

}  // namespace

Error translate_error(Connection& conn, const SqliteError& e, const ForeignKeys& foreign_keys) {
    switch (e.extended_code()) {
        case SQLITE_CONSTRAINT_UNIQUE:
        case SQLITE_CONSTRAINT_PRIMARYKEY:
            return unique_error(e.what());
        case SQLITE_CONSTRAINT_CHECK:
            return check_error(e.what());
        case SQLITE_CONSTRAINT_FOREIGNKEY:
            return foreign_key_error(conn, foreign_keys);
        default:
            break;
    }
    if (e.primary_code() == SQLITE_BUSY || e.primary_code() == SQLITE_LOCKED) {
        log_internal(std::string("sqlite busy: ") + e.what());
        return busy_error();
    }
    return internal_error(std::string("sqlite error ") + std::to_string(e.extended_code()) + ": " + e.what());
}

}  // namespace sanpi::store::sqlite
