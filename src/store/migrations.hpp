#pragma once
// The schema's single source of truth for every backend: numbered migrations written in the SQL
// that SQLite and PostgreSQL share, with dialect tokens (dialect.hpp) for the few spellings they
// disagree on.
#include <span>
#include <string>
#include <string_view>

#include "store/dialect.hpp"

namespace sanpi::store {

struct Migration {
    int number;  // 1, 2, 3 ... applied in order; never renumbered or edited once released
    std::string_view name;
    std::string_view sql;  // may contain dialect tokens; see render_sql
    // What only one backend has (triggers, SQLite's FTS5, PostgreSQL's extensions), run after sql.
    std::string_view sqlite_sql = {};
    std::string_view postgres_sql = {};
    // sqlite_sql edits table definitions in sqlite_schema (writable_schema): the store raises
    // the schema version after it, so that every connection reads them again.
    bool sqlite_edits_schema_text = false;
};

// The migration's text for `dialect`, tokens expanded.
std::string migration_sql(const Migration& m, Dialect dialect);

// Every migration in order. Numbers start at 1 and increase by one.
std::span<const Migration> all_migrations();

// Every table that holds data, parents before children (the order exports and imports use).
// schema_migrations is not among them: a restore target is migrated by the binary itself.
std::span<const std::string_view> data_tables();

// The bookkeeping table, created before any migration runs (idempotent).
std::string_view schema_migrations_ddl();

// Deletes the rows migrations seed (the default warning rules), so a freshly migrated database
// counts as empty to an import that brings its own (run inside the import's transaction).
std::string_view seed_cleanup_sql();

}  // namespace sanpi::store
