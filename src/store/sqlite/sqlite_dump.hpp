#pragma once
// Helpers shared by the SQLite export, import and native backup (sqlite_dump.cpp,
// sqlite_import.cpp, sqlite_backup.cpp).
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/dump.hpp"
#include "store/sqlite/sqlite_handle.hpp"
#include "store/sqlite/sqlite_transaction.hpp"
#include "store/transfer_rules.hpp"

namespace sanpi::store::sqlite {

struct ColumnInfo {
    std::string name;
    bool integer = false;  // INTEGER affinity: imported values must be whole numbers
    bool blob = false;     // declared BLOB: dumps carry it as \x and hex digits
    int key_position = 0;  // 1, 2 ... within the primary key; 0 when not part of it
};

// The table's columns in table order, as the schema declares them.
std::vector<ColumnInfo> table_columns(Connection& conn, std::string_view table);

// Inserts the rows it receives into the connection's database, which is inside a write
// transaction. Tables must be data tables, columns must exist, each table at most once.
class ImportSink final : public RowSink {
public:
    explicit ImportSink(Connection& conn) : conn_(conn) {}

    Result<void> begin_table(std::string_view table, const std::vector<std::string>& columns) override;
    Result<void> row(const std::vector<DumpValue>& values) override;
    Result<void> end_table() override;

private:
    Result<void> bind_value(int index, const DumpValue& value);

    Connection& conn_;
    std::vector<std::string> done_;  // tables already imported
    std::string table_;
    std::vector<ColumnInfo> columns_;  // the sink's columns, in the producer's order
    std::optional<Statement> insert_;
};

}  // namespace sanpi::store::sqlite
