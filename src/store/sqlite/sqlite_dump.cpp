// SQLite export and import of every data table (the portable path used by dumps and `sanpi copy`).
#include "store/sqlite/sqlite_dump.hpp"

#include <sqlite3.h>

#include <algorithm>

#include "store/dump_bytes.hpp"
#include "store/migrations.hpp"
#include "store/sqlite/sqlite_derived.hpp"
#include "store/sqlite/sqlite_errors.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/sql/sql_tx.hpp"
#include "store/sqlite/sqlite_transaction.hpp"
#include "store/transfer_rules.hpp"

namespace sanpi::store::sqlite {
namespace {

// pragma_table_info takes the table name as a bound parameter, so no name is ever interpolated.
constexpr std::string_view kTableColumns = "SELECT name, upper(type), pk FROM pragma_table_info(?) ORDER BY cid";
// A deferred transaction takes its WAL snapshot at its first read; this read makes that moment
// explicit, before any table is sent anywhere.
constexpr std::string_view kStartSnapshot = "SELECT 1 FROM sqlite_master LIMIT 1";

// Rows in primary-key order (SQLite compares text keys bytewise, like PostgreSQL's "C" collation);
// a table without a declared key falls back to its rowid.
std::string order_by(const std::vector<ColumnInfo>& columns) {
    std::vector<const ColumnInfo*> key;
    for (const auto& c : columns) {
        if (c.key_position > 0) key.push_back(&c);
    }
    if (key.empty()) return "rowid";
    std::sort(key.begin(), key.end(), [](auto* a, auto* b) { return a->key_position < b->key_position; });
    std::string out;
    for (const auto* c : key) out += (out.empty() ? "" : ", ") + quote_identifier(c->name);
    return out;
}

// Values as the dump carries them: integers in decimal, text as is, bytes as \x and lower-case
// hex (PostgreSQL's text form of BYTEA, so both backends export a photo alike). The schema has
// no REAL columns, and bytes only in BLOB columns: anything else means the file was changed
// outside the application.
Result<void> read_row(const Statement& st, std::string_view table, const std::vector<ColumnInfo>& columns,
                      std::vector<DumpValue>& values) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const int col = static_cast<int>(i);
        switch (st.column_type(col)) {
            case SQLITE_NULL:
                values[i].reset();
                break;
            case SQLITE_INTEGER:
                values[i] = std::to_string(st.int64(col));
                break;
            case SQLITE_TEXT:
                values[i] = st.text(col);
                break;
            case SQLITE_BLOB:
                if (!columns[i].blob) return internal_error("export: " + std::string(table) + "." + columns[i].name +
                                                            " holds a BLOB value");
                values[i] = hex_bytes(st.blob(col));
                break;
            default:
                return internal_error("export: " + std::string(table) + "." + columns[i].name +
                                      " holds a REAL value");
        }
    }
    return {};
}

Result<void> export_table(Connection& conn, std::string_view table, RowSink& sink) {
    const auto columns = table_columns(conn, table);
    if (columns.empty()) return missing_table(table);
    std::vector<std::string> names;
    std::string select;
    for (const auto& c : columns) {
        names.push_back(c.name);
        select += (select.empty() ? "SELECT " : ", ") + quote_identifier(c.name);
    }
    select += " FROM " + quote_identifier(table) + " ORDER BY " + order_by(columns);
    if (auto begun = sink.begin_table(table, names); !begun) return begun;
    auto q = conn.query_once(select);
    std::vector<DumpValue> values(columns.size());
    while (q->step()) {
        if (auto read = read_row(*q, table, columns, values); !read) return read;
        if (auto sent = sink.row(values); !sent) return sent;
    }
    return sink.end_table();
}

// An import goes only into a database migrated by this program and still without any row.
Result<void> check_import_target(Connection& conn) {
    if (auto version = check_target_version(recorded_schema_version(conn)); !version) return version;
    conn.execute(seed_cleanup_sql());
    for (const auto table : data_tables()) {
        auto q = conn.query_once("SELECT 1 FROM " + quote_identifier(table) + " LIMIT 1");
        if (q->step()) return target_not_empty(table);
    }
    return {};
}

}  // namespace

std::vector<ColumnInfo> table_columns(Connection& conn, std::string_view table) {
    std::vector<ColumnInfo> out;
    auto q = conn.query(kTableColumns);
    q->bind_text(1, table);
    while (q->step()) {
        // SQLite's affinity rule: a declared type containing "INT" has INTEGER affinity.
        const auto type = q->text(1);
        out.push_back(ColumnInfo{q->text(0), type.find("INT") != std::string::npos, type == "BLOB",
                                 static_cast<int>(q->int64(2))});
    }
    return out;
}

// One read transaction on one connection: every table comes from the same WAL snapshot.
Result<void> SqliteStore::export_data(RowSink& sink) {
    auto lease = pool_.reader();
    if (!lease) return lease.error();
    Connection& conn = **lease;
    return run_transaction(conn, kBeginRead, [&] {
        return guard_sql([&]() -> Result<void> {
            conn.query(kStartSnapshot)->step();
            for (const auto table : data_tables()) {
                if (auto done = export_table(conn, table, sink); !done) return done;
            }
            return {};
        });
    });
}

// cache_size in KiB when negative: 512 MiB at most; -2000 is SQLite's default.
constexpr std::string_view kImportSettings = "PRAGMA cache_size = -524288; PRAGMA temp_store = MEMORY";

namespace {

// Without waiting: another process holding the file open is an answer, not something to wait for.
bool leave_wal_mode(Connection& conn, int busy_timeout_ms) {
    sqlite3_busy_timeout(conn.raw(), 0);
    bool left = false;
    try {
        auto q = conn.query_once("PRAGMA journal_mode = DELETE");
        left = q->step() && q->text(0) == "delete";
    } catch (const SqliteError&) {  // SQLITE_BUSY: someone else has the file open
    }
    sqlite3_busy_timeout(conn.raw(), busy_timeout_ms);
    return left;
}

}  // namespace

// One write transaction: any error, from the producer or from SQLite, leaves nothing written.
// Foreign keys are checked at COMMIT, so rows may arrive in any order within the transaction.
// Explicit ids advance sqlite_sequence by themselves, so later inserts get larger ids.
Result<void> SqliteStore::import_data(const std::function<Result<void>(RowSink&)>& producer) {
    auto lease = pool_.writer();
    if (!lease) return lease.error();
    Connection& conn = **lease;
    // In WAL mode every page of the load was written twice, into the WAL and again into the file
    // at the checkpoint (1,000,000 projects: 9 s of 57). Outside WAL mode the new pages go straight
    // into the file, and the rollback journal keeps only the few pages the empty database had.
    // Leaving WAL mode needs every other connection closed: the pool's idle readers are; when
    // another process has the file open, the load stays in WAL mode.
    const auto no_checkpoints = checkpointer_.pause();
    pool_.close_idle_readers();
    const bool left_wal = leave_wal_mode(conn, pool_.options().busy_timeout_ms);
    struct RestoreWal {
        Connection& conn;
        bool left;
        ~RestoreWal() {
            if (!left) return;
            try {
                conn.exec("PRAGMA journal_mode = WAL");
            } catch (...) {  // every connection opened later sets WAL mode again (sqlite_handle.cpp)
            }
        }
    } restore_wal{conn, left_wal};
    // A bulk load touches every index page again and again, and its triggers keep statement
    // journals: with the default 2 MiB page cache and journals in temporary files, a
    // 20,000-project load made 1.8 million writes. A large cache and journals in memory for the
    // load, back to the writer's own settings afterwards (sqlite_handle.hpp), keep them off the disk.
    if (auto big = sql::execute_guarded(conn, kImportSettings); !big) return big;
    struct RestoreSettings {
        Connection& conn;
        ~RestoreSettings() {
            try {
                conn.exec(kWriterSettings);
            } catch (...) {  // the connection keeps the larger cache; nothing else is affected
            }
        }
    } restore{conn};
    return run_transaction(conn, kBeginWrite, [&]() -> Result<void> {
        Suspended suspended;
        auto ready = guard_sql([&]() -> Result<void> {
            if (auto empty = check_import_target(conn); !empty) return empty;
            conn.exec("PRAGMA defer_foreign_keys = ON");  // reset by SQLite at COMMIT or ROLLBACK
            suspended = suspend_for_bulk_load(conn);
            return {};
        });
        if (!ready) return ready;
        ImportSink sink(conn);
        if (auto produced = producer(sink); !produced) return produced;
        // Derived data is not carried: the indexes, the city column, the search index and the
        // kept figures are built afresh from what was loaded.
        auto derived = guard_sql([&]() -> Result<void> {
            derive_and_restore(conn, suspended);
            return {};
        });
        if (!derived) return derived;
        return sql::SqlTx(conn).rebuild_figures();
    });
}

}  // namespace sanpi::store::sqlite
