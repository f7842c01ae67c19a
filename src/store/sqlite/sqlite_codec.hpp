#pragma once
// Binding domain values to SQLite parameters: money as fen, dates as ISO text, booleans as 0/1.
// Reading them back is sql::Row's work (store/sql/row.hpp), over the statement's columns.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "domain/date.hpp"
#include "domain/money.hpp"
#include "domain/region_code.hpp"
#include "store/sql/row.hpp"
#include "store/sqlite/sqlite_handle.hpp"

namespace sanpi::store::sqlite {

using sql::join_codes;
using sql::split_codes;
using sql::StoreFault;

template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};

template <class T>
void bind_one(Statement& st, int index, const T& v) {
    if constexpr (std::is_same_v<T, bool>) {
        st.bind_int64(index, v ? 1 : 0);
    } else if constexpr (std::is_integral_v<T>) {
        st.bind_int64(index, static_cast<std::int64_t>(v));
    } else if constexpr (std::is_convertible_v<const T&, std::string_view>) {
        st.bind_text(index, std::string_view(v));
    } else if constexpr (std::is_same_v<T, domain::Money>) {
        st.bind_int64(index, v.fen());
    } else if constexpr (std::is_same_v<T, domain::Date>) {
        st.bind_text(index, v.iso());
    } else if constexpr (std::is_same_v<T, domain::RegionCode>) {
        st.bind_text(index, v.str());
    } else if constexpr (std::is_same_v<T, std::nullopt_t>) {
        st.bind_null(index);
    } else if constexpr (IsOptional<T>::value) {
        if (v) {
            bind_one(st, index, *v);
        } else {
            st.bind_null(index);
        }
    } else {
        static_assert(!sizeof(T), "no SQLite binding for this type");
    }
}

// Binds the arguments to parameters 1, 2, 3 ...
template <class... Args>
void bind_all(Statement& st, const Args&... args) {
    int index = 0;
    (bind_one(st, ++index, args), ...);
}

// Steps an INSERT ... RETURNING id and reads the id.
std::int64_t returned_id(Statement& st);

// The current row of a statement, as sql::Row reads it.
class StatementColumns : public sql::Columns {
public:
    explicit StatementColumns(const Statement& st) : st_(st) {}
    bool null_at(int column) const override { return st_.is_null(column); }
    std::int64_t int64_at(int column) const override { return st_.int64(column); }
    std::string text_at(int column) const override { return st_.text(column); }

private:
    const Statement& st_;
};

// Reads the columns of the statement's current row left to right. The columns adapter is a
// base so that it is built before the sql::Row that refers to it.
class Row : private StatementColumns, public sql::Row {
public:
    explicit Row(const Statement& st, int first_column = 0)
        : StatementColumns(st), sql::Row(static_cast<const StatementColumns&>(*this), first_column) {}
};

}  // namespace sanpi::store::sqlite
