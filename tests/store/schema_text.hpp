#pragma once
// Every index, constraint and trigger of a test database with its definition (and, on PostgreSQL,
// whether it is enabled), one per line, sorted: for tests that a write left the schema as migrated.
#include <string>
#include <string_view>

#include "store/raw_connection.hpp"

namespace sanpi::store_test {

inline constexpr std::string_view kSqliteSchema =
    "SELECT group_concat(line, char(10)) FROM (SELECT type || ' ' || name || ' ' || coalesce(sql, '') AS line "
    "FROM sqlite_master WHERE type IN ('index', 'trigger', 'table') ORDER BY line)";
inline constexpr std::string_view kPostgresSchema =
    "SELECT string_agg(line, E'\\n' ORDER BY line) FROM ("
    " SELECT 'index ' || i.indexrelid::regclass::text || ' ' || pg_get_indexdef(i.indexrelid) AS line"
    " FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid WHERE c.relnamespace = current_schema()::regnamespace"
    " UNION ALL SELECT 'constraint ' || k.conrelid::regclass::text || ' ' || k.conname || ' ' ||"
    " pg_get_constraintdef(k.oid) FROM pg_constraint k WHERE k.connamespace = current_schema()::regnamespace"
    " UNION ALL SELECT 'trigger ' || t.tgname || ' ' || t.tgenabled::text FROM pg_trigger t JOIN pg_class c"
    " ON c.oid = t.tgrelid WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace) s";

inline std::string schema_text(const testing::TestStore& db, testing::Backend backend) {
    auto conn = open_raw_connection(db, backend);
    auto q = conn->prepare(backend == testing::Backend::kSqlite ? kSqliteSchema : kPostgresSchema);
    if (!q->step()) return {};
    return q->text_at(0);
}

}  // namespace sanpi::store_test
