#include "store/sqlite/sqlite_handle.hpp"

#include <sqlite3.h>

#include <limits>
#include <mutex>
#include <utility>

#include "store/dialect.hpp"
#include "store/sqlite/bigram_tokenizer.hpp"
#include "store/sqlite/sqlite_errors.hpp"

namespace sanpi::store::sqlite {
namespace {

[[noreturn]] void fail(sqlite3* db, int rc) {
    const int extended = db != nullptr ? sqlite3_extended_errcode(db) : rc;
    const char* message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    throw SqliteError(extended, message != nullptr ? message : "unknown SQLite error");
}

int checked_length(std::string_view s) {
    if (s.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
        throw SqliteError(SQLITE_TOOBIG, "value too large");
    }
    return static_cast<int>(s.size());
}

// One use of a statement, as the shared Tx sees it.
class QueryStatement final : public sql::Statement {
public:
    // `once`: a statement for this use alone, else the connection's cached one.
    QueryStatement(Connection& conn, std::string_view sql, bool once)
        : query_(once ? conn.query_once(sql) : conn.query(sql)) {}

    void bind_int64(int index, std::int64_t value) override { query_->bind_int64(index, value); }
    void bind_text(int index, std::string_view value) override { query_->bind_text(index, value); }
    void bind_blob(int index, std::string_view bytes) override { query_->bind_blob(index, bytes); }
    void bind_null(int index) override { query_->bind_null(index); }
    bool step() override { return query_->step(); }
    std::int64_t rows_affected() const override { return stmt().changes(); }
    void reset() override { query_->reset(); }
    // {{RETURNING_ID}} is empty here: the INSERT returns no row, and the id is the connection's.
    std::int64_t inserted_id() override {
        if (query_->step() || stmt().changes() != 1) return 0;
        return stmt().last_insert_rowid();
    }
    bool null_at(int column) const override { return stmt().is_null(column); }
    std::int64_t int64_at(int column) const override { return stmt().int64(column); }
    std::string text_at(int column) const override { return stmt().text(column); }
    std::string blob_at(int column) const override { return stmt().blob(column); }

private:
    const sqlite::Statement& stmt() const { return *query_; }

    Query query_;
};

}  // namespace

SqliteError::SqliteError(int extended_code, const std::string& message)
    : sql::DbError(failure_kind(extended_code), failed_constraint(extended_code, message), message),
      code_(extended_code) {}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
    const int rc = sqlite3_prepare_v3(db, sql.data(), checked_length(sql), SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
    if (rc != SQLITE_OK) fail(db, rc);
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)), in_use_(other.in_use_) {}

Statement::~Statement() { sqlite3_finalize(stmt_); }

void Statement::check_bind(int rc) {
    if (rc != SQLITE_OK) fail(db_, rc);
}

void Statement::bind_int64(int index, std::int64_t value) { check_bind(sqlite3_bind_int64(stmt_, index, value)); }

void Statement::bind_text(int index, std::string_view value) {
    check_bind(sqlite3_bind_text(stmt_, index, value.data(), checked_length(value), SQLITE_TRANSIENT));
}

void Statement::bind_blob(int index, std::string_view bytes) {
    // A zero-length blob still binds as a blob (not NULL): sqlite3_bind_blob with a null pointer
    // would store NULL, so empty bytes get a valid pointer.
    static const char kEmpty = 0;
    check_bind(sqlite3_bind_blob(stmt_, index, bytes.empty() ? &kEmpty : bytes.data(), checked_length(bytes),
                                 SQLITE_TRANSIENT));
}

void Statement::bind_null(int index) { check_bind(sqlite3_bind_null(stmt_, index)); }

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(db_, rc);
}

void Statement::reset() noexcept {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

int Statement::column_type(int column) const { return sqlite3_column_type(stmt_, column); }

std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_, column); }

std::int64_t Statement::changes() const { return sqlite3_changes64(db_); }
std::int64_t Statement::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

std::string Statement::text(int column) const {
    const auto* p = sqlite3_column_text(stmt_, column);
    const int n = sqlite3_column_bytes(stmt_, column);
    return p != nullptr ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)) : std::string();
}

std::string Statement::blob(int column) const {
    const auto* p = sqlite3_column_blob(stmt_, column);
    const int n = sqlite3_column_bytes(stmt_, column);
    return p != nullptr ? std::string(static_cast<const char*>(p), static_cast<std::size_t>(n)) : std::string();
}

Query::Query(Statement& cached) : stmt_(&cached) {
    cached.reset();
    cached.in_use_ = true;
}

Query::Query(Statement&& owned) : owned_(std::move(owned)), stmt_(&*owned_) {}

Query::~Query() {
    if (owned_) return;
    stmt_->reset();
    stmt_->in_use_ = false;
}

namespace {

// SQLite keeps memory statistics by default, behind one process-wide mutex taken on every
// allocation; Debian's build also has no lookaside, so every statement step allocates. With
// several pooled connections busy at once that mutex was the server's hottest lock. Settings
// must precede SQLite's initialisation, hence once, before the first open.
void configure_sqlite_once() {
    static std::once_flag once;
    std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

}  // namespace

std::unique_ptr<Connection> Connection::open(const std::string& path, bool read_only, int busy_timeout_ms) {
    configure_sqlite_once();
    // NOMUTEX: a connection is used by one thread at a time (the pool hands it out exclusively).
    const int flags =
        (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX;
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    std::unique_ptr<Connection> conn(new Connection(db));  // closes db even when the open failed
    if (rc != SQLITE_OK) fail(db, rc);
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, busy_timeout_ms);
    register_bigram_tokenizer(db);
    conn->exec("PRAGMA foreign_keys = ON");
    if (!read_only) {
        conn->exec("PRAGMA journal_mode = WAL");
        conn->exec(kWriterSettings);
    }
    conn->exec("PRAGMA synchronous = NORMAL");
    return conn;
}

std::unique_ptr<Connection> Connection::open_immutable(const std::string& path, int busy_timeout_ms) {
    configure_sqlite_once();
    // A URI names the file: the characters a URI gives a meaning are escaped.
    std::string uri = "file:";
    for (const char c : path) {
        if (c == '%' || c == '?' || c == '#') {
            static constexpr char kHex[] = "0123456789ABCDEF";
            const auto byte = static_cast<unsigned char>(c);
            uri += '%';
            uri += kHex[byte >> 4];
            uri += kHex[byte & 15];
        } else {
            uri += c;
        }
    }
    uri += "?immutable=1";
    sqlite3* db = nullptr;
    const int rc =
        sqlite3_open_v2(uri.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr);
    std::unique_ptr<Connection> conn(new Connection(db));
    if (rc != SQLITE_OK) fail(db, rc);
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, busy_timeout_ms);
    register_bigram_tokenizer(db);
    conn->exec("PRAGMA foreign_keys = ON");
    return conn;
}

bool Connection::read_only() const { return sqlite3_db_readonly(db_, "main") == 1; }

Connection::~Connection() {
    cache_.clear();
    sqlite3_close_v2(db_);
}

void Connection::exec(std::string_view sql) {
    const std::string text(sql);
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) fail(db_, rc);
}

void Connection::execute(std::string_view sql) {
    // BEGIN and COMMIT run for every request: keep single statements compiled (sqlite3_exec parses
    // its text on every call). Scripts of several statements still go through exec.
    if (sql.find(';') != std::string_view::npos) return exec(sql);
    auto q = query(sql);
    while (q->step()) {
    }
}

Query Connection::query(std::string_view sql) {
    auto it = cache_.find(sql);
    if (it == cache_.end()) it = cache_.emplace(std::string(sql), Statement(db_, render_sql(sql, Dialect::kSqlite))).first;
    // A statement already borrowed further up the call stack must not be reset under its user.
    if (it->second.in_use_) return query_once(sql);
    return Query(it->second);
}

Query Connection::query_once(std::string_view sql) { return Query(Statement(db_, render_sql(sql, Dialect::kSqlite))); }

std::unique_ptr<sql::Statement> Connection::prepare(std::string_view sql) {
    return std::make_unique<QueryStatement>(*this, sql, false);
}

std::unique_ptr<sql::Statement> Connection::prepare_once(std::string_view sql) {
    return std::make_unique<QueryStatement>(*this, sql, true);
}

std::int64_t Connection::changes() const { return sqlite3_changes64(db_); }

bool Connection::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

}  // namespace sanpi::store::sqlite
