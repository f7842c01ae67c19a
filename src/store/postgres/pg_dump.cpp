// Export of every row for portable backups and `sanpi copy`; PostgreSQL has no native
// single-file backup the store could write, so backup_native/restore_native decline.
#include "store/migrations.hpp"
#include "store/new_file.hpp"
#include "store/postgres/pg_errors.hpp"
#include "store/postgres/pg_schema.hpp"
#include "store/postgres/pg_store.hpp"
#include "store/transfer_rules.hpp"

namespace sanpi::store::postgres {
namespace {

// A cursor keeps memory flat however large a table is; rows arrive in batches of this size.
constexpr std::string_view kFetch = "FETCH FORWARD 1000 FROM sanpi_export";
constexpr std::string_view kClose = "CLOSE sanpi_export";

// Rows in primary-key order, text keys in byte order (COLLATE "C") as SQLite orders them, so a
// table's checksum is the same whichever backend it was exported from.
std::string export_query(std::string_view table, const std::vector<TableColumn>& columns,
                         const std::vector<TableColumn>& key) {
    std::string sql = "DECLARE sanpi_export NO SCROLL CURSOR FOR SELECT ";
    for (std::size_t i = 0; i < columns.size(); ++i) sql += (i ? ", " : "") + quote_identifier(columns[i].name);
    sql += " FROM " + quote_identifier(table);
    for (std::size_t i = 0; i < key.size(); ++i) {
        sql += (i ? ", " : " ORDER BY ") + quote_identifier(key[i].name);
        if (key[i].collatable) sql += " COLLATE \"C\"";
    }
    return sql;
}

Result<void> send_rows(const PgResult& r, RowSink& sink) {
    std::vector<DumpValue> values(static_cast<std::size_t>(r.columns()));
    for (int i = 0; i < r.rows(); ++i) {
        for (int c = 0; c < r.columns(); ++c) {
            values[static_cast<std::size_t>(c)] = r.is_null(i, c) ? DumpValue() : DumpValue(r.text(i, c));
        }
        if (auto sent = sink.row(values); !sent) return sent;
    }
    return {};
}

Result<void> export_table(Connection& conn, std::string_view table, RowSink& sink) {
    const auto columns = table_columns(conn, table);
    if (columns.empty()) return missing_table(table);
    std::vector<std::string> names;
    for (const auto& c : columns) names.push_back(c.name);
    conn.exec(export_query(table, columns, primary_key(conn, table)));
    if (auto begun = sink.begin_table(table, names); !begun) return begun;
    while (true) {
        const auto batch = conn.exec(kFetch);
        if (batch.rows() == 0) break;
        if (auto sent = send_rows(batch, sink); !sent) return sent;
    }
    conn.exec(kClose);
    return sink.end_table();
}

}  // namespace

Result<void> PgStore::export_data(RowSink& sink) {
    return run(kBeginRead, [&](Connection& conn) {
        return guard_sql([&]() -> Result<void> {
            conn.exec(kNoStatementTimeout);
            // Bytes travel in the dump as \x and hex digits, the form SQLite's export writes too,
            // whatever the server's default output format.
            conn.exec("SET LOCAL bytea_output = 'hex'");
            for (const auto table : data_tables()) {
                if (auto done = export_table(conn, table, sink); !done) return done;
            }
            return {};
        });
    });
}

// Refuses an existing target like the SQLite backend does, so `sanpi backup` behaves the same
// before it falls back to the portable dump.
Result<bool> PgStore::backup_native(const std::string& path) {
    if (auto fresh = refuse_existing(path); !fresh) return fresh.error();
    return false;
}

Result<bool> PgStore::restore_native(const std::string&) { return false; }

}  // namespace sanpi::store::postgres
