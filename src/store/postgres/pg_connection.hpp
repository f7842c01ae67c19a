#pragma once
// One PostgreSQL session: statements are prepared once per session (cached by their text) and
// run with bound text parameters. Failures throw PgError; a session found broken is marked lost
// so the pool drops it instead of handing it out again. The session is also this backend's
// sql::Connection, the interface the shared Tx (store/sql/sql_tx.hpp) runs on: its `?`
// parameters are numbered ($1, $2 ...) and its dialect tokens expanded once, at preparation.
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "store/postgres/pg_conninfo.hpp"
#include "store/postgres/pg_handle.hpp"
#include "store/postgres/pg_params.hpp"

namespace sanpi::store::postgres {

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

    // sql::Connection
    std::unique_ptr<sql::Statement> prepare(std::string_view sql) override;
    std::unique_ptr<sql::Statement> prepare_once(std::string_view sql) override;
    Dialect dialect() const override { return Dialect::kPostgres; }
    void execute(std::string_view sql) override { exec(sql); }
    bool lost() const override;
    bool in_transaction() const override;
    bool transaction_failed() const override;  // inside a transaction that an error has aborted
    // An idle session with nothing unread: a server that restarted or ended the session has
    // written its goodbye to the socket, so a readable idle socket means "do not use".
    bool idle_and_healthy() const;
    pg_conn* raw() const { return conn_.get(); }

private:
    explicit Connection(PgConnPtr conn) : conn_(std::move(conn)) {}
    const std::string& prepared_name(std::string_view sql);
    [[noreturn]] void fail_lost(std::string_view what) const;

    PgConnPtr conn_;
    std::unordered_map<std::string, std::string> prepared_;
    bool lost_ = false;
};

}  // namespace sanpi::store::postgres
