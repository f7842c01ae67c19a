#pragma once
// What a bulk import into SQLite suspends and rebuilds once at the end, instead of maintaining it
// row by row: the data triggers derive (m0007: a project's city, the project search index: an
// FTS5 update per investor link, an UPDATE per project), and the plain secondary indexes (a
// project row touches fifteen B-trees at random places; CREATE INDEX sorts once). Unique indexes
// stay, so a duplicate is still refused at its row.
#include <string>
#include <vector>

#include "store/sqlite/sqlite_handle.hpp"

namespace sanpi::store::sqlite {

struct SchemaObject {
    std::string name;
    std::string sql;  // its CREATE statement, as sqlite_master keeps it
};

struct Suspended {
    std::vector<SchemaObject> triggers;
    std::vector<SchemaObject> indexes;
};

// Drops the triggers whose effect derive_and_restore() redoes, and every non-unique index. A
// trigger it does not know (a later migration's) is left in place and keeps working row by row.
Suspended suspend_for_bulk_load(Connection& conn);

// Fills every derived column and table from the data, then recreates the suspended indexes and
// triggers. Inside the import's transaction: on failure nothing of it remains.
void derive_and_restore(Connection& conn, const Suspended& suspended);

}  // namespace sanpi::store::sqlite
