#pragma once
// Opens a fresh, migrated store for a test. Backends are named so that every store and HTTP
// test runs once per backend: SQLite always, PostgreSQL when SANPI_TEST_PG names a server
// (scripts/with-postgres.sh sets it). SANPI_REQUIRE_PG=1 makes a missing SANPI_TEST_PG an error,
// so a CI run cannot skip PostgreSQL silently.
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/store.hpp"

namespace sanpi::testing {

enum class Backend { kSqlite, kPostgres };

// Throws std::runtime_error when SANPI_REQUIRE_PG=1 and SANPI_TEST_PG is not set.
std::vector<Backend> all_backends();
// PostgreSQL when SANPI_TEST_PG is set, else nothing: suites of PostgreSQL-only behaviour.
std::vector<Backend> postgres_only();
std::string backend_name(Backend b);
// Names a parameterised test after its backend: …/sqlite, …/postgresql.
std::string backend_param_name(const ::testing::TestParamInfo<Backend>& info);

// SANPI_TEST_PG, when set and not empty.
std::optional<std::string> postgres_url();

struct TestStore {
    std::unique_ptr<store::Store> store;
    std::string url;          // what `--db` would take to open the same database
    std::string pg_schema;    // PostgreSQL: the schema this store lives in, dropped at the end
    std::string pg_database;  // PostgreSQL: or the database it has to itself, dropped at the end
    ~TestStore();
};

// A new empty database (temporary file for SQLite, a new schema for PostgreSQL), migrated to
// the latest schema.
std::unique_ptr<TestStore> make_test_store(Backend b);

// PostgreSQL: a new empty schema and a URL whose sessions use it (search_path); not migrated.
// The caller drops it with drop_postgres_schema.
std::pair<std::string, std::string> make_postgres_schema();  // {url, schema}
void drop_postgres_schema(const std::string& schema);
// The SANPI_TEST_PG server's URL naming another database on it.
std::string postgres_database_url(const std::string& database);
// Runs SQL on the SANPI_TEST_PG server through a separate session; returns the first value of
// the first row, or "" when there is none. Throws std::runtime_error on failure.
std::string postgres_admin(const std::string& sql);
// The same, on the database a URL names (a TestStore's `url`: its schema or database).
std::string postgres_run(const std::string& url, const std::string& sql);

}  // namespace sanpi::testing
