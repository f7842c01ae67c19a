#pragma once
// The narrow interface the shared Tx (sql_tx.hpp) runs its queries through. Each backend adapts
// its driver to it (sqlite/sqlite_handle, postgres/pg_connection); everything above speaks only
// this: prepare by text, bind by index, step through rows, read columns, count touched rows.
// Query text is written once with `?` parameters and the dialect tokens of store/dialect.hpp;
// a backend expands the tokens (and PostgreSQL numbers the parameters) once, when it first
// prepares a text.
#include <cstdint>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

#include "store/dialect.hpp"
#include "store/sql/row.hpp"

namespace sanpi::store::sql {

class PairShares;

// What a failed statement means, whatever words the backend used for it.
enum class FailureKind {
    kUniqueViolation,      // constraint(): the unique key ("table.column" or a constraint name)
    kForeignKeyViolation,  // which reference broke is probed afterwards (constraint_errors.hpp)
    kCheckViolation,       // constraint(): the CHECK's name, ck_<api field> for named ones
    kNotNullViolation,
    kBusy,                 // locks, timeouts, no free slot: retryable as it is
    kSerialization,        // two writers crossed; retryable with fresh data
    kConnectionLost,       // the session is gone; the pool drops it
    kUnstorableText,       // text the database cannot hold (a NUL byte, invalid UTF-8)
    kStorageFull,          // no space left for the write; reading still works
    kReadOnly,             // the database accepts no writes at the moment (a read-only file or standby)
    kStorageFailed,        // the disk failed a read or write (an I/O error)
    kOther,
};

// A failure reported by the database or its driver. Backends throw subclasses that keep their
// native codes for the few places that need them (opening, native backup, bulk import).
class DbError : public std::runtime_error {
public:
    DbError(FailureKind kind, std::string constraint, const std::string& message)
        : std::runtime_error(message), kind_(kind), constraint_(std::move(constraint)) {}
    FailureKind kind() const { return kind_; }
    const std::string& constraint() const { return constraint_; }

private:
    FailureKind kind_;
    std::string constraint_;
};

// One prepared statement in use. Parameters count from 1, columns from 0. Failures throw DbError.
class Statement : public Columns {
public:
    virtual void bind_int64(int index, std::int64_t value) = 0;
    virtual void bind_text(int index, std::string_view value) = 0;
    // Bytes as they are, NULs included (BLOB on SQLite, BYTEA on PostgreSQL).
    virtual void bind_blob(int index, std::string_view bytes) = 0;
    virtual void bind_null(int index) = 0;
    // Runs the statement on the first call; true while a result row is available.
    virtual bool step() = 0;
    // Rows the INSERT, UPDATE or DELETE just run touched.
    virtual std::int64_t rows_affected() const = 0;
    // Clears parameters and results so the statement can run again.
    virtual void reset() = 0;
    // Runs an INSERT of one row ending in {{RETURNING_ID}} and gives the new row's id, or 0 if
    // it gave none. This reads the row it returned; SQLite's adapter asks the connection instead.
    virtual std::int64_t inserted_id() { return step() ? int64_at(0) : 0; }
};

class Connection {
public:
    virtual ~Connection() = default;
    // For the few queries whose shape, not just spelling, differs (the list's text index).
    virtual Dialect dialect() const = 0;
    // A statement prepared the first time this text is seen on the connection, then reused.
    virtual std::unique_ptr<Statement> prepare(std::string_view sql) = 0;
    // A statement for text that varies too much to keep (an IN list as long as the page).
    virtual std::unique_ptr<Statement> prepare_once(std::string_view sql) = 0;
    // Runs statements without parameters or results (savepoints).
    virtual void execute(std::string_view sql) = 0;
    // Transaction boundaries. A backend that talks to a server over a socket may hold BEGIN back
    // until the transaction's first statement and send both at once, and hold a read-only
    // transaction's COMMIT back until the session's next statement (postgres/pg_connection.hpp):
    // each saves the server a wake-up.
    virtual void begin(std::string_view sql) { execute(sql); }
    virtual void commit() { execute("COMMIT"); }
    virtual void rollback() { execute("ROLLBACK"); }
    // Runs statements that are prepared and bound but not yet stepped, where the backend can send
    // them together; their rows are then read with step() as usual. For statements that do not
    // depend on each other's results (a project and its investors). Where there is no round trip
    // to save (SQLite) this does nothing and each runs when first stepped.
    virtual void run_together(std::span<Statement* const> statements) { (void)statements; }
    // A write whose rows and count nobody reads (an audit entry, a savepoint), which a backend may
    // hold back and send with whatever goes to the server next, the COMMIT at the latest. Its
    // failure is then reported by that next statement or by the COMMIT, and fails the transaction
    // as any failed statement does. Where there is no round trip to save it runs at once.
    virtual void run_later(std::unique_ptr<Statement> statement) { statement->step(); }
    virtual void execute_later(std::string_view sql) { execute(sql); }
    // What a store's connections share about the search index that the server's planner cannot
    // use (PostgreSQL: how common each character pair is); null where nothing is needed.
    virtual PairShares* pair_shares() { return nullptr; }
    // True once the session is gone and nothing more can run on it.
    virtual bool lost() const = 0;
    virtual bool in_transaction() const = 0;
    // Inside a transaction that an error has aborted (PostgreSQL), so COMMIT would roll back.
    virtual bool transaction_failed() const = 0;
    // Whether a transaction goes on after a failed statement, that statement alone undone
    // (SQLite), rather than being aborted until ROLLBACK (PostgreSQL).
    virtual bool survives_failed_statement() const = 0;
};

}  // namespace sanpi::store::sql
