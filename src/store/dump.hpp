#pragma once
// Portable, backend-neutral transfer of every row: the basis of PostgreSQL backups, restores
// from a dump file, and `sanpi copy` between backends. Values travel as text (or NULL) exactly
// as the schema stores them (integers in decimal, dates as 'YYYY-MM-DD'), so a row reads the
// same whichever backend it came from.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"

namespace sanpi::store {

using DumpValue = std::optional<std::string>;

// Receives tables one after the other, in data_tables() order (parents before children).
class RowSink {
public:
    virtual ~RowSink() = default;
    virtual Result<void> begin_table(std::string_view table, const std::vector<std::string>& columns) = 0;
    virtual Result<void> row(const std::vector<DumpValue>& values) = 0;
    virtual Result<void> end_table() = 0;
};

struct TableChecksum {
    std::string table;
    std::int64_t rows = 0;
    std::string digest;   // hex BLAKE2b over the table's columns and rows in primary-key order
};

}  // namespace sanpi::store
