#pragma once
// Binding domain values to statement parameters, the same on every backend: money as fen,
// dates as ISO text, booleans as 0/1, region codes as text, an empty optional as NULL.
#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>

#include "domain/date.hpp"
#include "domain/money.hpp"
#include "domain/region_code.hpp"
#include "store/sql/connection.hpp"

namespace sanpi::store::sql {

// Bytes to bind as a BLOB / BYTEA rather than as text.
struct Blob {
    std::string_view bytes;
};

template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};

template <class T>
void bind_one(Statement& st, int index, const T& v) {
    if constexpr (std::is_same_v<T, Blob>) {
        st.bind_blob(index, v.bytes);
    } else if constexpr (std::is_same_v<T, bool>) {
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
        static_assert(!sizeof(T), "no parameter form for this type");
    }
}

// Binds the arguments to parameters first, first + 1 ...; returns the next free index.
template <class... Args>
int bind_from(Statement& st, int first, const Args&... args) {
    int index = first;
    (bind_one(st, index++, args), ...);
    return index;
}

// Binds the arguments to parameters 1, 2, 3 ...
template <class... Args>
void bind_all(Statement& st, const Args&... args) {
    bind_from(st, 1, args...);
}

// Runs the statement once for its effect.
inline void run(Statement& st) { st.step(); }

// Runs an INSERT ... {{RETURNING_ID}} and gives the new id; throws StoreFault without one.
std::int64_t returned_id(Statement& st);

}  // namespace sanpi::store::sql
