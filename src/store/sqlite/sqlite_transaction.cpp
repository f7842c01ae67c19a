#include "store/sqlite/sqlite_transaction.hpp"

namespace sanpi::store::sqlite {
namespace {

constexpr std::string_view kSchemaTableExists =
    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";
constexpr std::string_view kSchemaVersion = "SELECT COALESCE(MAX(number), 0) FROM schema_migrations";

}  // namespace

int recorded_schema_version(Connection& conn) {
    if (!conn.query(kSchemaTableExists)->step()) return 0;
    auto q = conn.query(kSchemaVersion);
    q->step();
    return static_cast<int>(q->int64(0));
}

}  // namespace sanpi::store::sqlite
