#include "store/postgres/pg_schema.hpp"

#include "store/transfer_rules.hpp"

namespace sanpi::store::postgres {
namespace {

constexpr std::string_view kSchemaTableExists = "SELECT to_regclass('schema_migrations') IS NOT NULL";
constexpr std::string_view kSchemaVersion = "SELECT COALESCE(MAX(number), 0) FROM schema_migrations";
// to_regclass resolves the (quoted) name through search_path, as the store's own statements do,
// and gives NULL rather than an error for a missing table. 20, 21, 23: int8, int2, int4.
constexpr std::string_view kTableColumns =
    "SELECT a.attname, a.attcollation <> 0, a.atttypid IN (20, 21, 23) FROM pg_attribute a "
    "WHERE a.attrelid = to_regclass($1::text) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";
constexpr std::string_view kPrimaryKey =
    "SELECT a.attname, a.attcollation <> 0, a.atttypid IN (20, 21, 23) FROM pg_index i "
    "CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) "
    "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum "
    "WHERE i.indrelid = to_regclass($1::text) AND i.indisprimary ORDER BY k.ord";
constexpr std::string_view kIdentityColumns =
    "SELECT a.attname FROM pg_attribute a "
    "WHERE a.attrelid = to_regclass($1::text) AND a.attnum > 0 AND NOT a.attisdropped AND a.attidentity <> '' "
    "ORDER BY a.attnum";

std::vector<TableColumn> read_columns(const PgResult& r) {
    std::vector<TableColumn> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(TableColumn{r.text(i, 0), r.value(i, 1) == "t", r.value(i, 2) == "t"});
    return out;
}

}  // namespace

int current_version(Connection& conn) {
    if (conn.query(kSchemaTableExists).value(0, 0) != "t") return 0;
    return migrated_version(conn);
}

int migrated_version(Connection& conn) { return static_cast<int>(conn.query(kSchemaVersion).int64(0, 0)); }

std::vector<TableColumn> table_columns(Connection& conn, std::string_view table) {
    return read_columns(conn.query(kTableColumns, Params::of(quote_identifier(table))));
}

std::vector<TableColumn> primary_key(Connection& conn, std::string_view table) {
    return read_columns(conn.query(kPrimaryKey, Params::of(quote_identifier(table))));
}

std::vector<std::string> identity_columns(Connection& conn, std::string_view table) {
    const auto r = conn.query(kIdentityColumns, Params::of(quote_identifier(table)));
    std::vector<std::string> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(r.text(i, 0));
    return out;
}

}  // namespace sanpi::store::postgres
