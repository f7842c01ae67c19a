#pragma once
// Conversions between domain values and SQLite columns: money as fen, dates as ISO text,
// booleans as 0/1, enums by their domain string, lists as comma-separated codes.
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
#include "store/sqlite/sqlite_handle.hpp"

namespace sanpi::store::sqlite {

// A stored value the domain refuses (e.g. an unknown stage): the database was changed behind
// the application's back. Reported as an internal error, never to users in detail.
class StoreFault : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

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

std::string join_codes(const std::vector<std::string>& codes);
std::vector<std::string> split_codes(std::string_view joined);

// Reads the columns of the current row left to right.
class Row {
public:
    explicit Row(const Statement& st, int first_column = 0) : st_(st), col_(first_column) {}

    std::int64_t int64() { return st_.int64(col_++); }
    std::optional<std::int64_t> optional_int64();
    std::string text() { return st_.text(col_++); }
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
    const Statement& st_;
    int col_;
};

}  // namespace sanpi::store::sqlite
