#pragma once
// Records an applied migration in schema_migrations, the same way on every backend.
#include "store/migrations.hpp"
#include "store/sql/connection.hpp"

namespace sanpi::store::sql {

// Inside the migrating transaction, after the migration's own statements ran.
void record_migration(Connection& conn, const Migration& m);

}  // namespace sanpi::store::sql
