#include "store/sql/migration_record.hpp"

#include <ctime>

#include "store/sql/bind.hpp"

namespace sanpi::store::sql {
namespace {

constexpr std::string_view kRecordMigration =
    "INSERT INTO schema_migrations (number, name, applied_at) VALUES (?, ?, ?)";

}  // namespace

void record_migration(Connection& conn, const Migration& m) {
    auto q = conn.prepare(kRecordMigration);
    bind_all(*q, m.number, m.name, static_cast<std::int64_t>(std::time(nullptr)));
    run(*q);
}

}  // namespace sanpi::store::sql
