#include "support/test_store.hpp"

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <tuple>

#include "store/open_store.hpp"

namespace sanpi::testing {
namespace {

std::atomic<int> counter{0};

struct PgConnCloser {
    void operator()(PGconn* c) const { PQfinish(c); }
};

// Sessions opened with this URL use `schema` first (libpq decodes %3D to '=').
std::string with_search_path(const std::string& url, const std::string& schema) {
    const char separator = url.find('?') == std::string::npos ? '?' : '&';
    return url + separator + "options=-csearch_path%3D" + schema;
}

}  // namespace

std::string postgres_admin(const std::string& sql) {
    const auto url = postgres_url();
    if (!url) throw std::runtime_error("SANPI_TEST_PG is not set");
    return postgres_run(*url, sql);
}

std::string postgres_run(const std::string& url, const std::string& sql) {
    std::unique_ptr<PGconn, PgConnCloser> conn(PQconnectdb(url.c_str()));
    if (PQstatus(conn.get()) != CONNECTION_OK) {
        throw std::runtime_error("cannot connect to SANPI_TEST_PG: " + std::string(PQerrorMessage(conn.get())));
    }
    PQsetNoticeProcessor(
        conn.get(), [](void*, const char*) {}, nullptr);  // DROP ... CASCADE lists every table
    std::unique_ptr<PGresult, decltype(&PQclear)> r(PQexec(conn.get(), sql.c_str()), &PQclear);
    const auto status = PQresultStatus(r.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        throw std::runtime_error(sql + ": " + PQresultErrorMessage(r.get()));
    }
    if (status == PGRES_TUPLES_OK && PQntuples(r.get()) > 0 && PQnfields(r.get()) > 0) return PQgetvalue(r.get(), 0, 0);
    return {};
}

std::optional<std::string> postgres_url() {
    const char* v = std::getenv("SANPI_TEST_PG");
    if (v == nullptr || *v == '\0') return std::nullopt;
    return std::string(v);
}

std::vector<Backend> postgres_only() {
    if (postgres_url()) return {Backend::kPostgres};
    return {};
}

std::vector<Backend> all_backends() {
    if (postgres_url()) return {Backend::kSqlite, Backend::kPostgres};
    const char* required = std::getenv("SANPI_REQUIRE_PG");
    if (required != nullptr && std::string(required) == "1") {
        throw std::runtime_error("SANPI_REQUIRE_PG=1 but SANPI_TEST_PG is not set: run under scripts/with-postgres.sh");
    }
    return {Backend::kSqlite};
}

std::string backend_param_name(const ::testing::TestParamInfo<Backend>& info) { return backend_name(info.param); }

std::string backend_name(Backend b) {
    switch (b) {
        case Backend::kSqlite:
            return "sqlite";
        case Backend::kPostgres:
            return "postgresql";
    }
    return "unknown";
}

std::string postgres_database_url(const std::string& database) {
    const auto url = postgres_url();
    if (!url) throw std::runtime_error("SANPI_TEST_PG is not set");
    // postgresql://user@host:port/dbname?options: the path is what follows the authority.
    const auto authority = url->find("://");
    const auto path = url->find('/', authority == std::string::npos ? 0 : authority + 3);
    const auto query = url->find('?');
    if (authority == std::string::npos) throw std::runtime_error("SANPI_TEST_PG is not a URL: " + *url);
    const std::string head = path == std::string::npos ? url->substr(0, query) : url->substr(0, path);
    const std::string tail = query == std::string::npos ? "" : url->substr(query);
    return head + "/" + database + tail;
}

std::pair<std::string, std::string> make_postgres_schema() {
    const auto url = postgres_url();
    if (!url) throw std::runtime_error("SANPI_TEST_PG is not set");
    const std::string schema = "sanpi_t_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    // A schema left by a crashed run whose pid came round again is stale, never in use.
    postgres_admin("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema);
    return {with_search_path(*url, schema), schema};
}

void drop_postgres_schema(const std::string& schema) { postgres_admin("DROP SCHEMA IF EXISTS " + schema + " CASCADE"); }

TestStore::~TestStore() {
    store.reset();
    if (url.rfind("sqlite:", 0) == 0) {
        std::string path = url.substr(7);
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path + suffix, ec);
    }
    try {
        if (!pg_schema.empty()) drop_postgres_schema(pg_schema);
        if (!pg_database.empty()) postgres_admin("DROP DATABASE IF EXISTS " + pg_database + " WITH (FORCE)");
    } catch (const std::exception& e) {
        ADD_FAILURE() << "dropping test schema or database " << pg_schema << pg_database << ": " << e.what();
    }
}

std::unique_ptr<TestStore> make_test_store(Backend b) {
    auto ts = std::make_unique<TestStore>();
    switch (b) {
        case Backend::kSqlite: {
            auto path = std::filesystem::temp_directory_path() /
                        ("sanpi-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".db");
            ts->url = "sqlite:" + path.string();
            break;
        }
        case Backend::kPostgres:
            std::tie(ts->url, ts->pg_schema) = make_postgres_schema();
            break;
    }
    auto opened = store::open_store(ts->url);
    if (!opened) throw std::runtime_error("open_store failed: " + opened.error().message.en);
    ts->store = std::move(*opened);
    auto migrated = ts->store->migrate();
    if (!migrated) throw std::runtime_error("migrate failed: " + migrated.error().message.en);
    return ts;
}

}  // namespace sanpi::testing
