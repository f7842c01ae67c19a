#include "store/sqlite/sqlite_store.hpp"

#include <sqlite3.h>

#include <filesystem>

#include "store/internal_log.hpp"
#include "store/migrations.hpp"
#include "store/sql/guard.hpp"
#include "store/sql/migration_record.hpp"
#include "store/sql/sql_tx.hpp"
#include "store/sqlite/project_search.hpp"
#include "store/sqlite/sqlite_errors.hpp"
#include "store/sqlite/sqlite_transaction.hpp"
#include "store/sqlite/sqlite_tx.hpp"

namespace sanpi::store::sqlite {
namespace {

std::unique_ptr<Connection> attached(std::unique_ptr<Connection> writer, WalCheckpointer& checkpointer) {
    if (writer) checkpointer.attach(writer->raw());
    return writer;
}

Error open_error(const std::string& path, const SqliteError& e) {
    internal_error("opening " + path + " failed: " + e.what());
    if (e.primary_code() == SQLITE_NOTADB) {
        return Error::invalid_field("db", "不是 SQLite 数据库文件：" + path, "not a SQLite database file: " + path);
    }
    if (is_busy(e.extended_code())) return busy_error();
    return Error::unavailable("无法打开数据库文件：" + path + "（目录是否存在、是否可写？）",
                              "cannot open database file " + path + " (does its directory exist and is it writable?)");
}

// After a migration that edited table definitions in sqlite_schema: SQLite's writable_schema
// procedure raises the schema cookie so that every connection, in this process or another,
// parses the definitions again before its next statement.
void raise_schema_version(Connection& conn) {
    std::int64_t version = 0;
    {
        auto q = conn.query("PRAGMA schema_version");
        q->step();
        version = q->int64(0);
    }
    conn.exec("PRAGMA schema_version = " + std::to_string(version + 1));
}

}  // namespace

Result<std::unique_ptr<Store>> SqliteStore::open(const std::string& path, PoolOptions options) {
    if (path.empty()) return Error::invalid_field("db", "未指定数据库文件", "no database file given");
    // Every pooled connection must see the same database, which an in-memory one is not.
    if (path == ":memory:" || path.rfind("file:", 0) == 0) {
        return Error::invalid_field("db", "请指定数据库文件路径", "give a database file path, not " + path);
    }
    std::unique_ptr<Connection> writer;
    try {
        writer = Connection::open(path, false, options.busy_timeout_ms);
        if (writer->read_only()) writer.reset();
    } catch (const SqliteError& e) {
        std::error_code ec;
        if (writable_on_disk(path) || !std::filesystem::is_regular_file(path, ec)) return open_error(path, e);
    }
    try {
        auto store = std::make_unique<SqliteStore>(path, std::move(writer), options);
        if (!store->pool_.writable()) {
            // Served read-only: a reader must open now, or the file is not usable at all.
            if (!store->pool_.reader()) {
                return Error::unavailable("数据库文件只读，且无法读取：" + path,
                                          "the database file " + path + " is read-only and cannot be read either");
            }
            log_internal("the database " + path +
                         " is read-only: reads are served, writes answer 503 until it is "
                         "writable again");
        }
        return std::unique_ptr<Store>(std::move(store));
    } catch (const SqliteError& e) {
        return open_error(path, e);
    }
}

SqliteStore::SqliteStore(std::string path, std::unique_ptr<Connection> writer, PoolOptions options)
    : checkpointer_(path, options.busy_timeout_ms),
      pool_(std::move(path), attached(std::move(writer), checkpointer_), options,
            [this](Connection& late) { checkpointer_.attach(late.raw()); }) {}

Result<void> SqliteStore::write(const std::function<Result<void>(Tx&)>& body) {
    auto lease = pool_.writer();
    if (!lease) return lease.error();
    Connection& conn = **lease;
    return run_transaction(conn, kBeginWrite, [&] {
        SqliteTx tx(conn);
        if (auto done = body(tx); !done) return done;
        if (auto restored = tx.restore_indexes(); !restored) return restored;
        if (auto flushed = tx.flush_figures(); !flushed) return flushed;
        return sql::guard_sql([&]() -> Result<void> {
            sync_project_search(conn);
            return {};
        });
    });
}

Result<void> SqliteStore::read(const std::function<Result<void>(Tx&)>& body) {
    auto lease = pool_.reader();
    if (!lease) return lease.error();
    Connection& conn = **lease;
    return run_transaction(conn, kBeginRead, [&] {
        sql::SqlTx tx(conn);
        return body(tx);
    });
}

Result<int> SqliteStore::migrate() {
    auto lease = pool_.writer();
    if (!lease) return lease.error();
    Connection& conn = **lease;
    if (auto created = sql::execute_guarded(conn, schema_migrations_ddl()); !created) return created.error();
    int applied = 0;
    for (const auto& m : all_migrations()) {
        // Re-checked inside the write lock: another process may have applied it meanwhile.
        auto done = run_transaction(conn, kBeginWrite, [&] {
            return guard_sql([&]() -> Result<void> {
                if (recorded_schema_version(conn) >= m.number) return {};
                conn.exec(migration_sql(m, Dialect::kSqlite));
                if (m.sqlite_edits_schema_text) raise_schema_version(conn);
                sql::record_migration(conn, m);
                ++applied;
                return {};
            });
        });
        if (!done) return done.error();
    }
    return applied;
}

Result<int> SqliteStore::schema_version() {
    auto lease = pool_.reader();
    if (!lease) return lease.error();
    int version = 0;
    Connection& conn = **lease;
    auto r = run_transaction(conn, kBeginRead, [&] {
        return guard_sql([&]() -> Result<void> {
            version = recorded_schema_version(conn);
            return {};
        });
    });
    if (!r) return r.error();
    return version;
}

}  // namespace sanpi::store::sqlite
