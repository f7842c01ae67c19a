#pragma once
// Reading domain values from text-format result columns: money as fen, dates as ISO text,
// booleans as 0/1, enums by their domain string, lists as comma-separated codes.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/money.hpp"
#include "domain/region_code.hpp"
#include "store/postgres/pg_handle.hpp"

namespace sanpi::store::postgres {

std::string join_codes(const std::vector<std::string>& codes);
std::vector<std::string> split_codes(std::string_view joined);

// The id an INSERT ... RETURNING id gave back.
std::int64_t returned_id(const PgResult& r);

// The first row read by `read(result, 0)`, or nullopt when there is none.
template <class T, class Read>
std::optional<T> first_row(const PgResult& r, Read read) {
    if (r.rows() == 0) return std::nullopt;
    return read(r, 0);
}

// Reads the columns of one result row left to right.
class Row {
public:
    Row(const PgResult& result, int row, int first_column = 0) : result_(result), row_(row), col_(first_column) {}

    std::int64_t int64() { return result_.int64(row_, col_++); }
    std::optional<std::int64_t> optional_int64();
    std::string text() { return result_.text(row_, col_++); }
    std::optional<std::string> optional_text();
    bool boolean() { return int64() != 0; }
    domain::Money money() { return domain::Money::from_fen(int64()); }
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
    bool null_here() const { return result_.is_null(row_, col_); }

    const PgResult& result_;
    int row_;
    int col_;
};

}  // namespace sanpi::store::postgres
