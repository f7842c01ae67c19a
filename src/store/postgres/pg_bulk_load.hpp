#pragma once
// What a bulk import into PostgreSQL suspends and rebuilds once at the end, instead of
// maintaining it row by row:
// - the plain secondary indexes of the data tables: a project row arriving by COPY otherwise
//   updates sixteen B-trees at random places and seven GIN indexes (trigrams and character pairs
//   of its texts); CREATE INDEX sorts once, with the memory it is given;
// - the foreign keys: checked per row, each by a query of its own (three quarters of the time of
//   loading monthly reports); added back, each is checked by one join over the whole table.
// - the trigger that derives a project's city from its zone (m0007): a PL/pgSQL call and a query
//   per row; afterwards one statement sets the cities that are missing or wrong (none, when the
//   rows came from another Sanpi database, which carries them).
// Unique indexes and primary keys stay, so a duplicate is still refused at its row.
#include <string>
#include <vector>

#include "domain/error.hpp"
#include "store/postgres/pg_connection.hpp"

namespace sanpi::store::postgres {

struct SuspendedIndex {
    std::string name;        // as regclass prints it: quoted and qualified as the search_path needs
    std::string definition;  // pg_get_indexdef: the CREATE INDEX statement
};

struct SuspendedForeignKey {
    std::string data_table;  // as data_tables() names it, for the refusal's field
    std::string table;       // as regclass prints it
    std::string name;        // quoted
    std::string definition;  // pg_get_constraintdef: FOREIGN KEY (...) REFERENCES ...
};

struct Suspended {
    std::vector<SuspendedIndex> indexes;
    std::vector<SuspendedForeignKey> foreign_keys;
};

// Inside the import's transaction (DDL is transactional: a failed import leaves the schema as it
// was).
Suspended suspend_for_bulk_load(Connection& conn);
// Derives the cities and enables their trigger, adds the foreign keys back (a dangling reference
// is refused here, its field named by table: "zones.record"), recreates the indexes, then gathers
// the planner's statistics of the loaded tables, so the first queries after a load do not plan as
// if the tables were empty.
Result<void> restore_after_bulk_load(Connection& conn, const Suspended& suspended);

// An error of the server about the rows of one table, its fields named "table.field".
Error refusal_in_table(const PgError& e, std::string_view table);

}  // namespace sanpi::store::postgres
