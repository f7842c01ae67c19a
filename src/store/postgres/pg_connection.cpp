#include "store/postgres/pg_connection.hpp"

#include <libpq-fe.h>
#include <poll.h>

#include <optional>
#include <string_view>
#include <vector>

#include "store/dialect.hpp"
#include "store/internal_log.hpp"

namespace sanpi::store::postgres {
namespace {

// The server's NOTICEs (e.g. "already exists, skipping" on every migrate) are routine; warnings
// go to the internal log rather than libpq's default, stderr.
void on_notice(void*, const PGresult* notice) {
    const char* severity = PQresultErrorField(notice, PG_DIAG_SEVERITY_NONLOCALIZED);
    const std::string_view s = severity != nullptr ? severity : "";
    if (s == "NOTICE" || s == "INFO" || s == "DEBUG" || s == "LOG") return;
    log_internal(std::string("postgres ") + PQresultErrorMessage(notice));
}

std::string field(const PGresult* r, int code) {
    const char* v = PQresultErrorField(r, code);
    return v != nullptr ? v : "";
}

// Shared SQL in this server's spelling: dialect tokens expanded, each `?` outside quotes numbered
// $1, $2 ... in order. Text already written with $n has no `?` and stays as it is.
std::string server_text(std::string_view sql) {
    const auto rendered = render_sql(sql, Dialect::kPostgres);
    std::string out;
    out.reserve(rendered.size() + 16);
    int next = 1;
    char quote = 0;
    for (char c : rendered) {
        if (quote != 0) {
            if (c == quote) quote = 0;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '?') {
            out += '$' + std::to_string(next++);
            continue;
        }
        out += c;
    }
    return out;
}

}  // namespace

PgConnPtr Connection::open_session(const ConnTarget& target) {
    std::vector<const char*> keys;
    std::vector<const char*> values;
    for (std::size_t i = 0; i < target.keywords.size(); ++i) {
        keys.push_back(target.keywords[i].c_str());
        values.push_back(target.values[i].c_str());
    }
    keys.push_back(nullptr);
    values.push_back(nullptr);
    PgConnPtr conn(PQconnectdbParams(keys.data(), values.data(), 0));
    if (!conn) throw PgError("", "", true, "out of memory opening a connection");
    if (PQstatus(conn.get()) != CONNECTION_OK) throw PgError("", "", true, PQerrorMessage(conn.get()));
    PQsetNoticeReceiver(conn.get(), on_notice, nullptr);
    return conn;
}

std::unique_ptr<Connection> Connection::connect(const ConnTarget& target) {
    return std::unique_ptr<Connection>(new Connection(open_session(target), target));
}

void Connection::fail_lost(std::string_view what) const {
    throw PgError("", "", true, "connection already lost [" + std::string(what) + "]");
}

// A send that libpq refused: the socket is gone, or the session is in a state it cannot leave;
// either way it is not used again.
void Connection::fail_sending(std::string_view what) {
    lost_ = true;
    throw PgError("", "", true, std::string(PQerrorMessage(conn_.get())) + " [" + std::string(what) + "]");
}

PgResult Connection::check(pg_result* raw_result, std::string_view what) { return check(PgResult(raw_result), what); }

PgResult Connection::check(PgResult result, std::string_view what) {
    pg_result* raw_result = result.get();
    if (raw_result == nullptr) {
        if (PQstatus(conn_.get()) != CONNECTION_OK) lost_ = true;
        throw PgError("", "", lost_, std::string(PQerrorMessage(conn_.get())) + " [" + std::string(what) + "]");
    }
    switch (PQresultStatus(raw_result)) {
        case PGRES_COMMAND_OK:
        case PGRES_TUPLES_OK:
        case PGRES_COPY_IN:
        case PGRES_EMPTY_QUERY:
            return result;
        case PGRES_PIPELINE_ABORTED:
            throw PgError("", "", lost_,
                          "not run: an earlier statement sent with it failed [" + std::string(what) + "]");
        default:
            break;
    }
    auto sqlstate = field(raw_result, PG_DIAG_SQLSTATE);
    if (PQstatus(conn_.get()) != CONNECTION_OK || is_connection_sqlstate(sqlstate)) lost_ = true;
    // A NOT NULL violation names no constraint: "table.column", as SQLite reports it.
    auto constraint = sqlstate == "23502"
                          ? field(raw_result, PG_DIAG_TABLE_NAME) + "." + field(raw_result, PG_DIAG_COLUMN_NAME)
                          : field(raw_result, PG_DIAG_CONSTRAINT_NAME);
    throw PgError(std::move(sqlstate), std::move(constraint), lost_,
                  std::string(PQresultErrorMessage(raw_result)) + " [" + std::string(what) + "]");
}

PgResult Connection::exec(std::string_view sql) {
    if (lost_) fail_lost(sql);
    send_held_commit();
    finish_unanswered_commit();
    if (lost_) fail_lost(sql);
    if (!later_.empty()) pipeline({});  // what is held back goes first, in order
    // The simple protocol takes several statements in one message, so a held-back BEGIN simply
    // goes first; the transaction is open from then on whether or not `sql` succeeds.
    std::string text = held_begin_.empty() ? std::string(sql) : held_begin_ + ";\n" + std::string(sql);
    auto result = PgResult(PQexec(conn_.get(), text.c_str()));
    if (!held_begin_.empty() && PQtransactionStatus(conn_.get()) != PQTRANS_IDLE) held_begin_.clear();
    return check(std::move(result), sql);
}

std::pair<std::string, bool> Connection::statement_name(std::string_view sql) const {
    if (auto it = prepared_.find(std::string(sql)); it != prepared_.end()) return {it->second, true};
    return {"sanpi_" + std::to_string(prepared_.size() + 1), false};
}

const std::string& Connection::prepared_name(std::string_view sql) {
    auto [name, known] = statement_name(sql);
    if (!known) {
        // No parameter types: the server infers each from where it is used, as for a literal.
        check(PQprepare(conn_.get(), name.c_str(), server_text(sql).c_str(), 0, nullptr), sql);
    }
    return prepared_.try_emplace(std::string(sql), std::move(name)).first->second;
}

PgResult Connection::query(std::string_view sql, const Params& params) {
    if (lost_) fail_lost(sql);
    if (!held_begin_.empty() || commit_held_ || commit_unanswered_ || !later_.empty()) {
        const Outgoing one{sql, &params, false};
        return check(std::move(pipeline({&one, 1}).front()), sql);
    }
    const auto& name = prepared_name(sql);
    const auto values = params.pointers();
    // Lengths and formats only matter for binary parameters; text ones are C strings.
    const bool binary = params.any_binary();
    const auto lengths = binary ? params.lengths() : std::vector<int>();
    const auto formats = binary ? params.formats() : std::vector<int>();
    return check(PQexecPrepared(conn_.get(), name.c_str(), static_cast<int>(values.size()), values.data(),
                                binary ? lengths.data() : nullptr, binary ? formats.data() : nullptr, 0),
                 sql);
}

PgResult Connection::query_once(std::string_view sql, const Params& params) {
    if (lost_) fail_lost(sql);
    if (!held_begin_.empty() || commit_held_ || commit_unanswered_ || !later_.empty()) {
        const Outgoing one{sql, &params, true};
        return check(std::move(pipeline({&one, 1}).front()), sql);
    }
    const auto text = server_text(sql);
    const auto values = params.pointers();
    const bool binary = params.any_binary();
    const auto lengths = binary ? params.lengths() : std::vector<int>();
    const auto formats = binary ? params.formats() : std::vector<int>();
    return check(PQexecParams(conn_.get(), text.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                              binary ? lengths.data() : nullptr, binary ? formats.data() : nullptr, 0),
                 sql);
}

std::vector<PgResult> Connection::pipeline(std::span<const Outgoing> statements) {
    const bool first_contact = !held_begin_.empty();
    try {
        return pipeline_once(statements);
    } catch (const PgError&) {
        if (!lost_ || !first_contact) throw;
    }
    log_internal("replacing a postgres session that broke before its transaction began");
    conn_ = open_session(target_);  // throws PgError (lost) when the server is not there
    prepared_.clear();
    lost_ = false;
    commit_held_ = false;
    commit_unanswered_ = false;
    return pipeline_once(statements);
}

std::vector<PgResult> Connection::pipeline_once(std::span<const Outgoing> asked) {
    if (lost_) fail_lost("pipeline");
    finish_unanswered_commit();
    if (lost_) fail_lost("pipeline");
    // The held-back writes go first, in the order they were made.
    static const Params kNoParams;
    std::vector<Outgoing> statements;
    statements.reserve(later_.size() + asked.size());
    for (const auto& l : later_) {
        statements.push_back(l.statement ? outgoing_of(*l.statement) : Outgoing{l.text, &kNoParams, true});
    }
    const std::size_t held = statements.size();
    statements.insert(statements.end(), asked.begin(), asked.end());
    pg_conn* c = conn_.get();
    if (PQenterPipelineMode(c) != 1) fail_sending("entering pipeline mode");
    // What each answer in the queue belongs to: -1 the BEGIN, 2n the preparation of statement n,
    // 2n+1 statement n itself.
    std::vector<int> answers;
    std::vector<std::pair<std::string, std::string>> preparing;  // (text, name) first prepared here
    const bool ends_held = commit_held_;
    if (ends_held) {
        if (PQsendQueryParams(c, "COMMIT", 0, nullptr, nullptr, nullptr, nullptr, 0) != 1) fail_sending("COMMIT");
        answers.push_back(-2);
    }
    if (!held_begin_.empty()) {
        if (PQsendQueryParams(c, held_begin_.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0) != 1) {
            fail_sending(held_begin_);
        }
        answers.push_back(-1);
    }
    for (std::size_t i = 0; i < statements.size(); ++i) {
        const auto& s = statements[i];
        const auto values = s.params->pointers();
        const bool binary = s.params->any_binary();
        const auto lengths = binary ? s.params->lengths() : std::vector<int>();
        const auto formats = binary ? s.params->formats() : std::vector<int>();
        const int n = static_cast<int>(values.size());
        const int* lengths_ptr = binary ? lengths.data() : nullptr;
        const int* formats_ptr = binary ? formats.data() : nullptr;
        const int at = static_cast<int>(i);
        if (s.once) {
            const auto text = server_text(s.sql);
            if (PQsendQueryParams(c, text.c_str(), n, nullptr, values.data(), lengths_ptr, formats_ptr, 0) != 1) {
                fail_sending(s.sql);
            }
        } else {
            auto [name, known] = statement_name(s.sql);
            for (const auto& [text, pending] : preparing) {
                if (text == s.sql) {
                    name = pending;
                    known = true;
                }
            }
            if (!known) {
                name = "sanpi_" + std::to_string(prepared_.size() + preparing.size() + 1);
                if (PQsendPrepare(c, name.c_str(), server_text(s.sql).c_str(), 0, nullptr) != 1) fail_sending(s.sql);
                preparing.emplace_back(std::string(s.sql), name);
                answers.push_back(2 * at);
            }
            if (PQsendQueryPrepared(c, name.c_str(), n, values.data(), lengths_ptr, formats_ptr, 0) != 1) {
                fail_sending(s.sql);
            }
        }
        answers.push_back(2 * at + 1);
    }
    if (PQpipelineSync(c) != 1) fail_sending("pipeline sync");

    std::optional<PgResult> begun;
    std::vector<std::optional<PgResult>> prepared(statements.size());
    std::vector<PgResult> out;
    out.reserve(statements.size());
    for (int answer : answers) {
        PgResult result(PQgetResult(c));
        if (result.get() == nullptr) fail_sending("reading a pipeline's answers");
        // Each statement's answer is followed by a null that ends it.
        while (PGresult* extra = PQgetResult(c)) PQclear(extra);
        if (answer == -2) {
            // The end of an earlier read; if it failed the session is not to be trusted.
            if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
                log_internal(std::string("postgres COMMIT of a read-only transaction: ") +
                             PQresultErrorMessage(result.get()));
                lost_ = true;
            }
        } else if (answer == -1) {
            begun.emplace(std::move(result));
        } else if (answer % 2 == 0) {
            prepared[static_cast<std::size_t>(answer / 2)].emplace(std::move(result));
        } else {
            out.push_back(std::move(result));
        }
    }
    PgResult sync(PQgetResult(c));
    if (sync.get() == nullptr || PQresultStatus(sync.get()) != PGRES_PIPELINE_SYNC) fail_sending("ending a pipeline");
    if (PQexitPipelineMode(c) != 1) fail_sending("leaving pipeline mode");
    if (ends_held) commit_held_ = false;
    if (lost_) fail_lost("pipeline");

    if (begun) {
        check(std::move(*begun), held_begin_);  // throws when BEGIN failed: nothing else ran
        held_begin_.clear();
    }
    for (std::size_t i = 0; i < statements.size(); ++i) {
        if (!prepared[i]) continue;
        if (PQresultStatus(prepared[i]->get()) == PGRES_COMMAND_OK) {
            prepared_.try_emplace(std::string(statements[i].sql), preparing.front().second);
        } else {
            out[i] = std::move(*prepared[i]);  // the statement failed in its preparation
        }
        preparing.erase(preparing.begin());
    }
    // The held-back writes are sent; the first that failed fails what was asked.
    auto sent = std::move(later_);
    later_.clear();
    for (std::size_t i = 0; i < held; ++i) {
        const auto what = sent[i].statement ? outgoing_of(*sent[i].statement).sql : std::string_view(sent[i].text);
        check(std::move(out[i]), what);
    }
    out.erase(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(held));
    return out;
}

void Connection::begin(std::string_view sql) {
    if (lost_) fail_lost(sql);
    held_begin_ = std::string(sql);
    read_only_ = sql.find("READ ONLY") != std::string_view::npos;
}

void Connection::commit() {
    if (!held_begin_.empty() && later_.empty()) {  // nothing was sent, so there is nothing to end
        held_begin_.clear();
        return;
    }
    if (!later_.empty()) {
        static const Params kNoParams;
        const Outgoing commit{"COMMIT", &kNoParams, true};
        auto done = check(std::move(pipeline({&commit, 1}).front()), "COMMIT");
        // The server answers ROLLBACK to the COMMIT of a transaction an error has aborted.
        if (std::string_view(PQcmdStatus(done.get())) != "COMMIT") {
            throw PgError("", "", lost_, "COMMIT rolled back a transaction in which a statement had failed");
        }
        return;
    }
    if (!read_only_) {
        exec("COMMIT");
        return;
    }
    if (lost_) fail_lost("COMMIT");
    commit_held_ = true;
    held_since_ = std::chrono::steady_clock::now();
}

bool Connection::holds_commit_since(std::chrono::steady_clock::time_point before) const {
    return commit_held_ && held_since_ <= before;
}

void Connection::send_held_commit() noexcept {
    if (!commit_held_ || lost_) return;
    commit_held_ = false;
    pg_conn* c = conn_.get();
    const bool sent = PQenterPipelineMode(c) == 1 &&
                      PQsendQueryParams(c, "COMMIT", 0, nullptr, nullptr, nullptr, nullptr, 0) == 1 &&
                      PQpipelineSync(c) == 1;  // also flushes it to the server
    if (sent) {
        commit_unanswered_ = true;
        return;
    }
    log_internal(std::string("postgres COMMIT of a read-only transaction: ") + PQerrorMessage(c));
    lost_ = true;
}

void Connection::finish_unanswered_commit() noexcept {
    if (!commit_unanswered_) return;
    commit_unanswered_ = false;
    pg_conn* c = conn_.get();
    PgResult result(PQgetResult(c));
    while (PGresult* extra = PQgetResult(c)) PQclear(extra);
    PgResult sync(PQgetResult(c));
    const bool ok = result.get() != nullptr && PQresultStatus(result.get()) == PGRES_COMMAND_OK &&
                    sync.get() != nullptr && PQresultStatus(sync.get()) == PGRES_PIPELINE_SYNC &&
                    PQexitPipelineMode(c) == 1;
    if (ok) return;
    // A read-only transaction's work is done whatever became of its COMMIT; the session is not.
    log_internal(std::string("postgres COMMIT of a read-only transaction: ") + PQerrorMessage(c));
    lost_ = true;
}

void Connection::run_later(std::unique_ptr<sql::Statement> statement) {
    if (lost_) fail_lost(outgoing_of(*statement).sql);
    if (!in_transaction()) {
        statement->step();
        return;
    }
    later_.push_back({std::move(statement), {}});
}

void Connection::execute_later(std::string_view sql) {
    if (lost_) fail_lost(sql);
    if (!in_transaction()) {
        exec(sql);
        return;
    }
    later_.push_back({nullptr, std::string(sql)});
}

void Connection::rollback() {
    later_.clear();  // never sent: nothing to undo
    if (!held_begin_.empty()) {
        held_begin_.clear();
        return;
    }
    if (commit_unanswered_ || commit_held_) return;  // the transaction in progress has ended
    exec("ROLLBACK");
}

bool Connection::lost() const { return lost_ || PQstatus(conn_.get()) != CONNECTION_OK; }

bool Connection::in_transaction() const {
    if (!held_begin_.empty() || !later_.empty()) return true;
    if (commit_unanswered_ || commit_held_) return false;  // ended; only its COMMIT is to travel
    return PQtransactionStatus(conn_.get()) != PQTRANS_IDLE;
}

bool Connection::transaction_failed() const {
    // A held-back ROLLBACK TO SAVEPOINT may be about to repair it; if not, the COMMIT finds out.
    return held_begin_.empty() && later_.empty() && !commit_unanswered_ && !commit_held_ &&
           PQtransactionStatus(conn_.get()) == PQTRANS_INERROR;
}

bool Connection::idle_and_healthy() {
    finish_unanswered_commit();
    if (lost()) return false;
    const auto status = PQtransactionStatus(conn_.get());
    if (status != PQTRANS_IDLE && !(commit_held_ && status == PQTRANS_INTRANS)) return false;
    pollfd fd{PQsocket(conn_.get()), POLLIN, 0};
    return ::poll(&fd, 1, 0) == 0;
}

}  // namespace sanpi::store::postgres
