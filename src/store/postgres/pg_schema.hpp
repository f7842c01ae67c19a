#pragma once
// What the store asks PostgreSQL's catalog: the schema version, a table's columns, primary key
// and identity columns. Identifiers that end up in SQL text are always quoted with
// quote_identifier (store/transfer_rules.hpp).
#include <string>
#include <string_view>
#include <vector>

#include "store/postgres/pg_connection.hpp"

namespace sanpi::store::postgres {

struct TableColumn {
    std::string name;
    bool collatable = false;  // text-like: sorts need COLLATE "C" to match SQLite's byte order
    bool integer = false;     // smallint, integer or bigint
};

// The highest applied migration, 0 before the first.
int current_version(Connection& conn);
// The same in one statement that needs no transaction around it (the health check's): throws
// PgError with SQLSTATE 42P01 (undefined table) when the database was never migrated.
int migrated_version(Connection& conn);

// Columns in table order (the order CREATE TABLE / ALTER TABLE gave them, as on SQLite); empty
// when the table does not exist.
std::vector<TableColumn> table_columns(Connection& conn, std::string_view table);
std::vector<TableColumn> primary_key(Connection& conn, std::string_view table);
std::vector<std::string> identity_columns(Connection& conn, std::string_view table);

}  // namespace sanpi::store::postgres
