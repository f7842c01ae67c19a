#include "store/postgres/pg_bulk_load.hpp"

#include "store/migrations.hpp"
#include "store/postgres/pg_errors.hpp"
#include "store/transfer_rules.hpp"

namespace sanpi::store::postgres {
namespace {

constexpr std::string_view kPlainIndexes =
    "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
    "WHERE i.indrelid = to_regclass($1::text) AND NOT i.indisunique "
    "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid) "
    "ORDER BY 1";
constexpr std::string_view kForeignKeys =
    "SELECT c.conrelid::regclass::text, quote_ident(c.conname), pg_get_constraintdef(c.oid) FROM pg_constraint c "
    "WHERE c.conrelid = to_regclass($1::text) AND c.contype = 'f' ORDER BY c.conname";

constexpr std::string_view kSuspendCity = "ALTER TABLE projects DISABLE TRIGGER projects_city";
// The trigger's own expression (m0007), applied where the stored city differs from it.
constexpr std::string_view kDeriveCity =
    "UPDATE projects p SET city_code = substr(z.region_code, 1, 4) || '00' FROM zones z "
    "WHERE z.id = p.zone_id AND p.city_code IS DISTINCT FROM substr(z.region_code, 1, 4) || '00'";
constexpr std::string_view kRestoreCity = "ALTER TABLE projects ENABLE TRIGGER projects_city";

// CREATE INDEX sorts in this much memory before it spills to disk; for this transaction only.
constexpr std::string_view kIndexBuildMemory = "SET LOCAL maintenance_work_mem = '512MB'";

}  // namespace

Suspended suspend_for_bulk_load(Connection& conn) {
    Suspended out;
    for (const auto table : data_tables()) {
        const auto name = Params::of(quote_identifier(table));
        const auto indexes = conn.query(kPlainIndexes, name);
        for (int i = 0; i < indexes.rows(); ++i) out.indexes.push_back({indexes.text(i, 0), indexes.text(i, 1)});
        const auto keys = conn.query(kForeignKeys, name);
        for (int i = 0; i < keys.rows(); ++i) {
            out.foreign_keys.push_back({std::string(table), keys.text(i, 0), keys.text(i, 1), keys.text(i, 2)});
        }
    }
    for (const auto& key : out.foreign_keys) conn.exec("ALTER TABLE " + key.table + " DROP CONSTRAINT " + key.name);
    for (const auto& index : out.indexes) conn.exec("DROP INDEX " + index.name);
    conn.exec(kSuspendCity);
    return out;
}

Result<void> restore_after_bulk_load(Connection& conn, const Suspended& suspended) {
    conn.exec(kDeriveCity);
    conn.exec(kRestoreCity);
    conn.exec(kIndexBuildMemory);
    for (const auto& key : suspended.foreign_keys) {
        try {
            conn.exec("ALTER TABLE " + key.table + " ADD CONSTRAINT " + key.name + " " + key.definition);
        } catch (const PgError& e) {
            if (e.kind() != sql::FailureKind::kForeignKeyViolation) throw;
            return refusal_in_table(e, key.data_table);
        }
    }
    for (const auto& index : suspended.indexes) conn.exec(index.definition);
    std::string tables;
    for (const auto table : data_tables()) tables += (tables.empty() ? "" : ", ") + quote_identifier(table);
    conn.exec("ANALYZE " + tables);
    return {};
}

Error refusal_in_table(const PgError& e, std::string_view table) {
    Error error = sql::translate_failure(e);
    for (auto& f : error.fields) f.field = std::string(table) + "." + f.field;
    return error;
}

}  // namespace sanpi::store::postgres
