#pragma once
// Reading text-format result rows: sql::Row (store/sql/row.hpp) does the decoding over a
// result row's columns; what is left here is libpq-specific.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/money.hpp"
#include "domain/region_code.hpp"
#include "store/postgres/pg_handle.hpp"
#include "store/sql/row.hpp"

namespace sanpi::store::postgres {

using sql::join_codes;
using sql::split_codes;

// The id an INSERT ... RETURNING id gave back.
std::int64_t returned_id(const PgResult& r);

// The first row read by `read(result, 0)`, or nullopt when there is none.
template <class T, class Read>
std::optional<T> first_row(const PgResult& r, Read read) {
    if (r.rows() == 0) return std::nullopt;
    return read(r, 0);
}

// One row of a result, as sql::Row reads it.
class ResultColumns : public sql::Columns {
public:
    ResultColumns(const PgResult& result, int row) : result_(result), row_(row) {}
    bool null_at(int column) const override { return result_.is_null(row_, column); }
    std::int64_t int64_at(int column) const override { return result_.int64(row_, column); }
    std::string text_at(int column) const override { return result_.text(row_, column); }

private:
    const PgResult& result_;
    int row_;
};

// Reads the columns of one result row left to right. The columns adapter is a base so that it
// is built before the sql::Row that refers to it.
class Row : private ResultColumns, public sql::Row {
public:
    Row(const PgResult& result, int row, int first_column = 0)
        : ResultColumns(result, row), sql::Row(static_cast<const ResultColumns&>(*this), first_column) {}
};

}  // namespace sanpi::store::postgres
