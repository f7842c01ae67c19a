#pragma once
// Minimal RAII over the SQLite C API: a connection owns its prepared statements; failures throw
// SqliteError, which the store turns into sanpi::Error at the Tx boundary. The connection is also
// this backend's sql::Connection, the interface the shared Tx (store/sql/sql_tx.hpp) runs on.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

#include "store/sql/connection.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace sanpi::store::sqlite {

// Carries SQLite's extended result code beside the neutral kind (sqlite_errors.cpp classifies).
class SqliteError : public sql::DbError {
public:
    SqliteError(int extended_code, const std::string& message);
    int extended_code() const { return code_; }
    int primary_code() const { return code_ & 0xff; }

private:
    int code_;
};

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;
    ~Statement();

    void bind_int64(int index, std::int64_t value);
    void bind_text(int index, std::string_view value);
    void bind_blob(int index, std::string_view bytes);
    void bind_null(int index);

    // True while a row is available; false when done.
    bool step();
    void reset() noexcept;

    bool is_null(int column) const;
    // SQLITE_INTEGER, SQLITE_TEXT, SQLITE_NULL ... as stored in this row (the dump refuses others).
    int column_type(int column) const;
    std::int64_t int64(int column) const;
    std::string text(int column) const;
    std::string blob(int column) const;
    // Rows the last INSERT, UPDATE or DELETE on this statement's connection touched.
    std::int64_t changes() const;
    // The rowid of the connection's last successful INSERT (outside triggers).
    std::int64_t last_insert_rowid() const;

private:
    friend class Query;
    friend class Connection;
    void check_bind(int rc);

    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    bool in_use_ = false;
};

// One use of a statement: a borrowed cached statement is reset (and its read lock released) when
// the Query ends; a statement prepared for this use alone is finalized.
class Query {
public:
    explicit Query(Statement& cached);
    explicit Query(Statement&& owned);
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;
    ~Query();

    Statement& operator*() { return *stmt_; }
    const Statement& operator*() const { return *stmt_; }
    Statement* operator->() { return stmt_; }

private:
    std::optional<Statement> owned_;
    Statement* stmt_;
};

// The one writing connection's page cache and temporary storage, set when it opens and again
// after a bulk load changed them (sqlite_dump.cpp):
// - 64 MiB of page cache: SQLite's 2 MB default made a large transaction (an import of 100,000
//   rows) spill its dirty pages to the WAL and read them back;
// - savepoint and statement journals in memory: each write call runs in a savepoint
//   (sql_tx.hpp: atomically), whose journal holds the first image of every page it touches and
//   went to a file in /var/tmp past 64 KiB. That import wrote it about 6,600 times a second and
//   took 38 s instead of 10.5 s. Writes hardly ever sort, so little else is kept in memory.
inline constexpr std::string_view kWriterSettings = "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY";

class Connection final : public sql::Connection {
public:
    // Opens (creating if allowed) the file and applies the per-connection pragmas.
    static std::unique_ptr<Connection> open(const std::string& path, bool read_only, int busy_timeout_ms);
    // Opens for reading a file that nothing may change while it is open (SQLite's immutable=1):
    // a WAL database on a read-only file system whose -wal and -shm files are gone, which SQLite
    // cannot open otherwise. It takes no locks and reads no log.
    static std::unique_ptr<Connection> open_immutable(const std::string& path, int busy_timeout_ms);
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection() override;

    // Runs one or more statements without results (DDL, BEGIN/COMMIT, pragmas).
    void exec(std::string_view sql);
    // A statement cached on this connection by its text (dialect tokens expanded on first sight).
    Query query(std::string_view sql);
    // A statement for SQL whose text varies too much to cache (e.g. IN lists).
    Query query_once(std::string_view sql);

    // sql::Connection
    std::unique_ptr<sql::Statement> prepare(std::string_view sql) override;
    std::unique_ptr<sql::Statement> prepare_once(std::string_view sql) override;
    Dialect dialect() const override { return Dialect::kSqlite; }
    void execute(std::string_view sql) override;
    bool lost() const override { return false; }

    std::int64_t changes() const;
    // True when SQLite could open the file for reading only (its file system or permissions).
    bool read_only() const;
    bool in_transaction() const override;
    bool transaction_failed() const override { return false; }
    bool survives_failed_statement() const override { return true; }
    // The underlying handle, for the online backup API, which works on whole connections.
    sqlite3* raw() const { return db_; }

private:
    explicit Connection(sqlite3* db) : db_(db) {}

    sqlite3* db_;
    // Looked up by the caller's string_view: a request prepares several statements, and copying
    // each SQL text into a key string only to look it up cost a malloc and a copy every time.
    struct TextHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
    };
    std::unordered_map<std::string, Statement, TextHash, std::equal_to<>> cache_;  // destroyed before db_ is closed
};

}  // namespace sanpi::store::sqlite
