#pragma once
// One PostgreSQL session: statements are prepared once per session (cached by their text) and
// run with bound text parameters. Failures throw PgError; a session found broken is marked lost
// so the pool drops it instead of handing it out again. The session is also this backend's
// sql::Connection, the interface the shared Tx (store/sql/sql_tx.hpp) runs on: its `?`
// parameters are numbered ($1, $2 ...) and its dialect tokens expanded once, at preparation.
//
// Round trips to the server cost more than most statements (the server shares the machine's
// cores), so a transaction's BEGIN waits to travel with its first statement, statements that do
// not depend on each other go out together (libpq's pipeline mode), and the COMMIT of a read-only
// transaction is held back to go with whatever the session sends next: one wake-up of the server
// per read instead of two. Until then the finished read keeps its snapshot and its share locks, so
// the pool sends a COMMIT held longer than kHeldCommitLimit on its own (pg_pool.hpp).
// Writes nobody reads back (savepoints, the audit entry, the kept figures) wait for the next
// statement or the COMMIT and go with it.
#include <chrono>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/postgres/pg_conninfo.hpp"
#include "store/postgres/pg_handle.hpp"
#include "store/postgres/pg_params.hpp"
#include "store/sql/pair_shares.hpp"

namespace sanpi::store::postgres {

// How long a finished read may keep its transaction open for its COMMIT to travel with the
// session's next statement.
inline constexpr std::chrono::milliseconds kHeldCommitLimit{50};

class Connection final : public sql::Connection {
public:
    // Throws PgError with connection_lost() when no session could be opened.
    static std::unique_ptr<Connection> connect(const ConnTarget& target);
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Simple protocol, no parameters; several statements may be given (DDL, BEGIN/COMMIT).
    PgResult exec(std::string_view sql);
    // A statement prepared on this session the first time its text is seen.
    PgResult query(std::string_view sql, const Params& params = {});
    // A statement prepared for this one use (text that varies too much to keep).
    PgResult query_once(std::string_view sql, const Params& params);
    // Checks the result of a call made on raw() (e.g. COPY); throws PgError if it failed.
    PgResult check(pg_result* result, std::string_view what);
    PgResult check(PgResult result, std::string_view what);

    // One statement of a pipeline: `once` as for query_once.
    struct Outgoing {
        std::string_view sql;
        const Params* params;
        bool once;
    };
    // Sends the held-back BEGIN (if any) and `statements` in one pipeline and reads every answer:
    // one round trip. Returns each statement's result unchecked (check() throws for a failed one;
    // a statement after a failed one is reported as not run). Throws PgError if BEGIN failed or
    // the session broke. A session that broke before its transaction's BEGIN reached the server
    // has run nothing of the transaction, so it is replaced and the pipeline sent once more.
    std::vector<PgResult> pipeline(std::span<const Outgoing> statements);

    // sql::Connection
    std::unique_ptr<sql::Statement> prepare(std::string_view sql) override;
    std::unique_ptr<sql::Statement> prepare_once(std::string_view sql) override;
    Dialect dialect() const override { return Dialect::kPostgres; }
    void execute(std::string_view sql) override { exec(sql); }
    // Held back until the first statement. A transaction begun "READ ONLY" has its COMMIT held
    // back too: nothing it did can fail to commit.
    void begin(std::string_view sql) override;
    void commit() override;
    void rollback() override;
    void run_together(std::span<sql::Statement* const> statements) override;
    // Held inside a transaction until the next statement, the COMMIT at the latest.
    void run_later(std::unique_ptr<sql::Statement> statement) override;
    void execute_later(std::string_view sql) override;
    sql::PairShares* pair_shares() override { return pair_shares_.get(); }
    bool lost() const override;
    bool in_transaction() const override;
    bool transaction_failed() const override;  // inside a transaction that an error has aborted
    bool survives_failed_statement() const override { return false; }
    // An idle session with nothing unread (once an unanswered COMMIT's answer is read): a server
    // that restarted or ended the session has written its goodbye to the socket, so a readable
    // idle socket means "do not use".
    bool idle_and_healthy();
    // A read-only transaction's COMMIT held back since `before` or earlier.
    bool holds_commit_since(std::chrono::steady_clock::time_point before) const;
    // Sends a held-back COMMIT now, without waiting for its answer (read when the session is next
    // used). For the pool, on an idle session.
    void send_held_commit() noexcept;
    pg_conn* raw() const { return conn_.get(); }
    // The statistics this session reads and keeps for its store's other sessions (the pool's).
    void share_pair_shares(std::shared_ptr<sql::PairShares> shares) { pair_shares_ = std::move(shares); }

private:
    Connection(PgConnPtr conn, ConnTarget target) : conn_(std::move(conn)), target_(std::move(target)) {}
    static PgConnPtr open_session(const ConnTarget& target);
    // The name a text is (or will be) prepared under, and whether it is prepared already.
    std::pair<std::string, bool> statement_name(std::string_view sql) const;
    const std::string& prepared_name(std::string_view sql);
    std::vector<PgResult> pipeline_once(std::span<const Outgoing> statements);
    // What a statement made by this connection sends (pg_statement.cpp).
    static Outgoing outgoing_of(const sql::Statement& statement);
    // Held-back writes: a statement (run_later) or a text without parameters (execute_later).
    struct Later {
        std::unique_ptr<sql::Statement> statement;
        std::string text;
    };
    // Reads the answer to a COMMIT sent without waiting; logs a failure, marks a broken session.
    void finish_unanswered_commit() noexcept;
    [[noreturn]] void fail_sending(std::string_view what);
    [[noreturn]] void fail_lost(std::string_view what) const;

    PgConnPtr conn_;
    ConnTarget target_;
    std::unordered_map<std::string, std::string> prepared_;
    std::string held_begin_;  // a BEGIN not yet sent
    std::vector<Later> later_;
    bool read_only_ = false;    // the current transaction was begun READ ONLY
    bool commit_held_ = false;  // a read-only transaction's COMMIT, not yet sent
    std::chrono::steady_clock::time_point held_since_;
    std::shared_ptr<sql::PairShares> pair_shares_;
    bool commit_unanswered_ = false;
    bool lost_ = false;
};

}  // namespace sanpi::store::postgres
