#include "store/postgres/pg_conninfo.hpp"

#include <libpq-fe.h>

#include <memory>
#include <string>

#include "store/internal_log.hpp"

namespace sanpi::store::postgres {
namespace {

struct OptionsFree {
    void operator()(PQconninfoOption* o) const noexcept { PQconninfoFree(o); }
};

// Dead peers are noticed within about a minute even on an idle or half-open socket.
constexpr std::pair<std::string_view, std::string_view> kNetworkDefaults[] = {
    {"keepalives", "1"},       {"keepalives_idle", "30"},     {"keepalives_interval", "10"},
    {"keepalives_count", "3"}, {"tcp_user_timeout", "60000"}, {"application_name", "sanpi"},
};

// Without JIT compilation: it pays off for long analytic queries, and here it made a list query
// that counts many rows spend 75 ms compiling before it ran.
std::string session_options(const PgOptions& o) {
    return "-c jit=off -c statement_timeout=" + std::to_string(o.statement_timeout_ms) +
           " -c lock_timeout=" + std::to_string(o.lock_timeout_ms) +
           " -c idle_in_transaction_session_timeout=" + std::to_string(o.idle_in_transaction_timeout_ms);
}

std::string value_of(const ConnTarget& t, std::string_view key, std::string fallback) {
    for (std::size_t i = 0; i < t.keywords.size(); ++i) {
        if (t.keywords[i] == key && !t.values[i].empty()) return t.values[i];
    }
    return fallback;
}

void set_default(ConnTarget& t, std::string_view key, std::string value) {
    for (const auto& k : t.keywords) {
        if (k == key) return;
    }
    t.keywords.emplace_back(key);
    t.values.push_back(std::move(value));
}

void set_forced(ConnTarget& t, std::string_view key, std::string value) {
    for (std::size_t i = 0; i < t.keywords.size(); ++i) {
        if (t.keywords[i] == key) t.values[i] = value;
    }
    set_default(t, key, std::move(value));
}

void describe(ConnTarget& t) {
    const auto host = value_of(t, "host", value_of(t, "hostaddr", "localhost"));
    const auto user = value_of(t, "user", "");
    t.description = host + ":" + value_of(t, "port", "5432") + "/" + value_of(t, "dbname", user);
}

}  // namespace

Result<ConnTarget> parse_target(std::string_view url, const PgOptions& options) {
    char* error = nullptr;
    std::unique_ptr<PQconninfoOption, OptionsFree> parsed(PQconninfoParse(std::string(url).c_str(), &error));
    if (!parsed) {
        // libpq may quote parts of the URL (a password too), so its words stay in the log.
        log_internal(std::string("postgres URL not parsed: ") + (error != nullptr ? error : "out of memory"));
        PQfreemem(error);
        return Error::invalid_field("db", "不是有效的 PostgreSQL 连接地址（postgresql://用户@主机:端口/数据库）",
                                    "not a valid PostgreSQL URL (postgresql://user@host:port/dbname)");
    }
    ConnTarget t;
    std::string user_options;
    for (auto* o = parsed.get(); o->keyword != nullptr; ++o) {
        if (o->val == nullptr) continue;
        if (std::string_view(o->keyword) == "options") {
            user_options = o->val;
            continue;
        }
        t.keywords.emplace_back(o->keyword);
        t.values.emplace_back(o->val);
    }
    set_default(t, "connect_timeout", std::to_string(options.connect_timeout_s));
    for (const auto& [key, value] : kNetworkDefaults) set_default(t, key, std::string(value));
    // Every string the domain hands over is UTF-8, whatever the URL or the environment says.
    set_forced(t, "client_encoding", "UTF8");
    t.keywords.emplace_back("options");
    t.values.push_back(user_options.empty() ? session_options(options) : session_options(options) + " " + user_options);
    describe(t);
    return t;
}

}  // namespace sanpi::store::postgres
