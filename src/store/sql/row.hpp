#pragma once
// Reading domain values from result columns, whatever the backend: money as fen, dates as ISO
// text, booleans as 0/1, enums by their domain string, lists as comma-separated codes. Both
// backends store these the same way, so one reader serves both behind a small column interface.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/money.hpp"
#include "domain/region_code.hpp"
#include "store/sql/store_fault.hpp"

namespace sanpi::store::sql {

// The current result row as a backend offers it; columns count from 0.
class Columns {
public:
    virtual ~Columns() = default;
    virtual bool null_at(int column) const = 0;
    virtual std::int64_t int64_at(int column) const = 0;
    virtual std::string text_at(int column) const = 0;
    // A BLOB / BYTEA column's bytes.
    virtual std::string blob_at(int column) const = 0;
};

std::string join_codes(const std::vector<std::string>& codes);
std::vector<std::string> split_codes(std::string_view joined);

// Reads the columns of one row left to right.
class Row {
public:
    explicit Row(const Columns& columns, int first_column = 0) : columns_(columns), col_(first_column) {}
    // Holds a reference to the backend's columns, which a copy would not own.
    Row(const Row&) = delete;
    Row& operator=(const Row&) = delete;

    std::int64_t int64() { return columns_.int64_at(col_++); }
    std::optional<std::int64_t> optional_int64();
    std::string text() { return columns_.text_at(col_++); }
    std::optional<std::string> optional_text();
    std::string blob() { return columns_.blob_at(col_++); }
    bool boolean() { return int64() != 0; }
    domain::Money money() { return domain::Money::from_fen(int64()); }
    // A sum read as two columns, whole 亿元 then the fen below (figures_sql.hpp).
    domain::Money money_sum() {
        const auto yi = int64();
        return domain::Money::from_yi_and_fen(yi, int64());
    }
    domain::Date date();
    std::optional<domain::Date> optional_date();
    domain::RegionCode region_code();
    std::optional<domain::RegionCode> optional_region_code();
    std::vector<std::string> codes() { return split_codes(text()); }

    // Parses an enum column with the domain's from_string function.
    template <class Parse>
    auto enumeration(Parse parse, std::string_view what) {
        const auto s = text();
        auto value = parse(s);
        if (!value) throw StoreFault("stored " + std::string(what) + " not recognised: " + s);
        return *value;
    }

private:
    // Skips a NULL column; true if it was one.
    bool skip_null();

    const Columns& columns_;
    int col_;
};

}  // namespace sanpi::store::sql
