#include "store/postgres/pg_store.hpp"

#include <algorithm>

#include "store/internal_log.hpp"
#include "store/migrations.hpp"
#include "store/postgres/pg_errors.hpp"
#include "store/postgres/pg_schema.hpp"
#include "store/sql/guard.hpp"
#include "store/sql/migration_record.hpp"
#include "store/sql/sql_tx.hpp"
#include "store/sql/transaction.hpp"

namespace sanpi::store::postgres {
namespace {

// Held for the migrating transaction; keyed by schema so separate schemas (tests, tenants)
// migrate in parallel while two servers on one schema take turns. 0x53414E50 is "SANP".
constexpr std::string_view kMigrationLock =
    "SELECT pg_advisory_xact_lock(1396788816, hashtext(COALESCE(current_schema(), '')))";

Error with_db_field(Error e) {
    e.fields.push_back(FieldError{"db", e.message});
    return e;
}

// libpq quotes the values it mentions ("host", "dbname"); dropped before matching so a host
// called "invalid" cannot change the verdict.
std::string without_quoted(std::string_view m) {
    std::string out;
    bool quoted = false;
    for (char c : m) {
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted) {
            out += c;
        }
    }
    return out;
}

// libpq reports connection failures as text only (no SQLSTATE), so they are told apart by their
// words; anything unrecognised is treated as "server not reachable", the retryable verdict.
Error open_error(const ConnTarget& target, const PgError& e) {
    log_internal("opening postgres " + target.description + " failed: " + e.what());
    const auto m = without_quoted(e.what());
    const auto has = [&](std::string_view s) { return m.find(s) != std::string::npos; };
    const auto& where = target.description;
    const bool unreachable = has("could not translate host name") || has("Connection refused") ||
                             has("timeout expired") || has("starting up") || has("shutting down");
    if (!unreachable && has("does not exist")) {
        return Error::invalid_field("db", "数据库或用户不存在：" + where, "database or user does not exist: " + where);
    }
    if (!unreachable && (has("authentication failed") || has("pg_hba.conf") || has("password"))) {
        return Error::invalid_field("db", "数据库拒绝了登录（用户名或密码）：" + where,
                                    "the database refused the login (user or password): " + where);
    }
    if (!unreachable && has("invalid")) {
        return Error::invalid_field("db", "数据库连接地址中的设置无效：" + where,
                                    "a setting in the database URL is invalid: " + where);
    }
    return with_db_field(
        Error::unavailable("无法连接数据库 " + where + "（服务器是否在运行、能否访问？）",
                           "cannot connect to the database at " + where + " (is the server running and reachable?)"));
}

}  // namespace

Result<std::unique_ptr<Store>> PgStore::open(std::string_view url, PgOptions options) {
    auto target = parse_target(url, options);
    if (!target) return target.error();
    try {
        auto first = Connection::connect(*target);
        return std::unique_ptr<Store>(std::make_unique<PgStore>(std::move(*target), options, std::move(first)));
    } catch (const PgError& e) {
        return open_error(*target, e);
    }
}

PgStore::PgStore(ConnTarget target, PgOptions options, std::unique_ptr<Connection> first)
    : pool_(std::move(target), options, std::move(first)),
      max_connections_(std::max<std::size_t>(1, options.max_connections)) {}

Result<void> PgStore::run(std::string_view begin, const SessionBody& body) {
    // A second attempt only when BEGIN found its pooled session dead (the server restarted since
    // it was last used): nothing has run yet, so trying once more on a fresh session is safe.
    for (int attempt = 0;; ++attempt) {
        auto lease = pool_.acquire();
        if (!lease) return lease.error();
        Connection& conn = **lease;
        auto begun = sql::begin_transaction(conn, begin);
        if (!begun) {
            if (conn.lost() && attempt == 0) continue;
            return begun;
        }
        return sql::finish_transaction(conn, [&] { return body(conn); });
    }
}

Result<void> PgStore::write(const std::function<Result<void>(Tx&)>& body) {
    return run(kBeginWrite, [&](Connection& conn) {
        sql::SqlTx tx(conn);
        if (auto done = body(tx); !done) return done;
        return tx.flush_figures();
    });
}

Result<void> PgStore::read(const std::function<Result<void>(Tx&)>& body) {
    return run(kBeginRead, [&](Connection& conn) {
        sql::SqlTx tx(conn);
        return body(tx);
    });
}

Result<int> PgStore::migrate() {
    // The bookkeeping table too is created under the lock: two servers racing on
    // CREATE TABLE IF NOT EXISTS can otherwise collide in the catalog.
    auto created = run(kBeginWrite, [](Connection& c) {
        return guard_sql([&]() -> Result<void> {
            c.exec(kMigrationLock);
            c.exec(schema_migrations_ddl());
            return {};
        });
    });
    if (!created) return created.error();
    int applied = 0;
    for (const auto& m : all_migrations()) {
        // Re-checked under the lock: another server may have applied it meanwhile.
        auto done = run(kBeginWrite, [&](Connection& c) {
            return guard_sql([&]() -> Result<void> {
                c.exec(kMigrationLock);
                if (current_version(c) >= m.number) return {};
                c.exec(kNoStatementTimeout);
                c.exec(migration_sql(m, Dialect::kPostgres));
                sql::record_migration(c, m);
                ++applied;
                return {};
            });
        });
        if (!done) return done.error();
    }
    return applied;
}

// One statement, so no transaction around it: one round trip for the health check, which asks
// for this on every call.
Result<int> PgStore::schema_version() {
    for (int attempt = 0;; ++attempt) {
        auto lease = pool_.acquire();
        if (!lease) return lease.error();
        Connection& conn = **lease;
        try {
            return migrated_version(conn);
        } catch (const PgError& e) {
            if (e.sqlstate() == "42P01") return 0;  // never migrated
            // A pooled session the server ended since its last use: once more on a fresh one.
            if (conn.lost() && attempt == 0) continue;
            return sql::translate_failure(e);
        }
    }
}

}  // namespace sanpi::store::postgres
