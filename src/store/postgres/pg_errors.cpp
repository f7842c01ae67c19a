#include "store/postgres/pg_errors.hpp"

#include "store/internal_log.hpp"

namespace sanpi::store::postgres {
namespace {

bool target_exists(Connection& conn, const ForeignKey& fk) {
    Params params;
    std::visit([&](const auto& key) { params.add(key); }, fk.key);
    return conn.query(fk.exists_sql, params).rows() > 0;
}

Error foreign_key_error(Connection& conn, const ForeignKeys& foreign_keys) {
    return sql::foreign_key_error(foreign_keys, [&](const ForeignKey& fk) { return target_exists(conn, fk); });
}

bool is_busy(std::string_view sqlstate) {
    return sqlstate == "57014"                // statement_timeout (query_canceled)
           || sqlstate == "55P03"             // lock_timeout (lock_not_available)
           || sqlstate.substr(0, 2) == "53";  // insufficient resources, too many connections
}

}  // namespace

Error unavailable_error() {
    return Error::unavailable("数据库暂时不可用，请稍后重试", "the database is temporarily unavailable; try again");
}

Error translate_error(Connection& conn, const PgError& e, const ForeignKeys& foreign_keys) {
    const auto& state = e.sqlstate();
    if (e.connection_lost() || is_connection_sqlstate(state)) {
        log_internal(std::string("postgres connection lost: ") + e.what());
        return unavailable_error();
    }
    if (state == "23505") return sql::unique_by_constraint(e.constraint());
    if (state == "23514") return sql::check_error(e.constraint());
    if (state == "23503") return foreign_key_error(conn, foreign_keys);
    if (is_busy(state)) {
        log_internal(std::string("postgres busy: ") + e.what());
        return busy_error();
    }
    // Two writers crossed (only possible outside the single-row version check); nothing was
    // written, and retrying with fresh data is what the caller should do, as after a stale version.
    if (state == "40001" || state == "40P01") {
        log_internal(std::string("postgres serialization failure: ") + e.what());
        return Error::conflict("数据正被他人同时修改，请刷新后重试",
                               "someone else changed the data at the same time; reload and retry");
    }
    // Text SQLite would store but PostgreSQL cannot (NUL bytes, invalid UTF-8).
    if (state == "22021" || state == "22P05") {
        log_internal(std::string("postgres refused text: ") + e.what());
        return Error::invalid_field("record", "文本含有无法保存的字符",
                                    "text contains characters that cannot be stored");
    }
    return internal_error("postgres error " + state + ": " + e.what());
}

}  // namespace sanpi::store::postgres
