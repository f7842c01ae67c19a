#include "store/postgres/pg_connection.hpp"

#include <libpq-fe.h>
#include <poll.h>

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

std::unique_ptr<Connection> Connection::connect(const ConnTarget& target) {
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
    return std::unique_ptr<Connection>(new Connection(std::move(conn)));
}

void Connection::fail_lost(std::string_view what) const {
    throw PgError("", "", true, "connection already lost [" + std::string(what) + "]");
}

PgResult Connection::check(pg_result* raw_result, std::string_view what) {
    PgResult result(raw_result);
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
        default:
            break;
    }
    auto sqlstate = field(raw_result, PG_DIAG_SQLSTATE);
    if (PQstatus(conn_.get()) != CONNECTION_OK || is_connection_sqlstate(sqlstate)) lost_ = true;
    throw PgError(std::move(sqlstate), field(raw_result, PG_DIAG_CONSTRAINT_NAME), lost_,
                  std::string(PQresultErrorMessage(raw_result)) + " [" + std::string(what) + "]");
}

PgResult Connection::exec(std::string_view sql) {
    if (lost_) fail_lost(sql);
    const std::string text(sql);
    return check(PQexec(conn_.get(), text.c_str()), sql);
}

const std::string& Connection::prepared_name(std::string_view sql) {
    std::string key(sql);
    if (auto it = prepared_.find(key); it != prepared_.end()) return it->second;
    std::string name = "sanpi_" + std::to_string(prepared_.size() + 1);
    // No parameter types: the server infers each from where it is used, as for a literal.
    check(PQprepare(conn_.get(), name.c_str(), server_text(sql).c_str(), 0, nullptr), sql);
    return prepared_.emplace(std::move(key), std::move(name)).first->second;
}

PgResult Connection::query(std::string_view sql, const Params& params) {
    if (lost_) fail_lost(sql);
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
    const auto text = server_text(sql);
    const auto values = params.pointers();
    const bool binary = params.any_binary();
    const auto lengths = binary ? params.lengths() : std::vector<int>();
    const auto formats = binary ? params.formats() : std::vector<int>();
    return check(PQexecParams(conn_.get(), text.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                              binary ? lengths.data() : nullptr, binary ? formats.data() : nullptr, 0),
                 sql);
}

bool Connection::lost() const { return lost_ || PQstatus(conn_.get()) != CONNECTION_OK; }

bool Connection::in_transaction() const { return PQtransactionStatus(conn_.get()) != PQTRANS_IDLE; }

bool Connection::transaction_failed() const { return PQtransactionStatus(conn_.get()) == PQTRANS_INERROR; }

bool Connection::idle_and_healthy() const {
    if (lost() || PQtransactionStatus(conn_.get()) != PQTRANS_IDLE) return false;
    pollfd fd{PQsocket(conn_.get()), POLLIN, 0};
    return ::poll(&fd, 1, 0) == 0;
}

}  // namespace sanpi::store::postgres
