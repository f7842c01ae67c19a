#pragma once
// Statement parameters, always bound (never spliced into SQL) and sent as text: integers in
// decimal, money as fen, dates as ISO text, booleans as 0/1, id lists as array literals.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "domain/date.hpp"
#include "domain/money.hpp"
#include "domain/region_code.hpp"

namespace sanpi::store::postgres {

template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};

class Params {
public:
    template <class... Args>
    static Params of(const Args&... args) {
        Params p;
        (p.add(args), ...);
        return p;
    }

    template <class T>
    void add(const T& v);
    void add_null() { values_.emplace_back(); }
    // Throws PgError (as SQLSTATE 22021) for text PostgreSQL cannot store: a NUL byte.
    void add_text(std::string_view s);

    // Sets parameter `index` (from 1), the ones before it NULL until they are set.
    void set_int64(int index, std::int64_t v) { slot(index) = std::to_string(v); }
    void set_text(int index, std::string_view s);
    void set_null(int index) { slot(index).reset(); }
    void clear() { values_.clear(); }

    std::size_t size() const { return values_.size(); }
    // One pointer per parameter, nullptr for NULL; valid while this object lives unchanged.
    std::vector<const char*> pointers() const;

private:
    std::optional<std::string>& slot(int index);

    std::vector<std::optional<std::string>> values_;
};

// "{1,2,3}": the text form of a bigint[] for `= ANY($n::bigint[])`.
std::string int_array_literal(const std::vector<std::int64_t>& values);

template <class T>
void Params::add(const T& v) {
    if constexpr (std::is_same_v<T, bool>) {
        values_.emplace_back(v ? "1" : "0");
    } else if constexpr (std::is_integral_v<T>) {
        values_.emplace_back(std::to_string(v));
    } else if constexpr (std::is_convertible_v<const T&, std::string_view>) {
        add_text(std::string_view(v));
    } else if constexpr (std::is_same_v<T, domain::Money>) {
        values_.emplace_back(std::to_string(v.fen()));
    } else if constexpr (std::is_same_v<T, domain::Date>) {
        values_.emplace_back(v.iso());
    } else if constexpr (std::is_same_v<T, domain::RegionCode>) {
        add_text(v.str());
    } else if constexpr (std::is_same_v<T, std::nullopt_t>) {
        add_null();
    } else if constexpr (IsOptional<T>::value) {
        if (v) {
            add(*v);
        } else {
            add_null();
        }
    } else if constexpr (std::is_same_v<T, std::vector<std::int64_t>>) {
        values_.emplace_back(int_array_literal(v));
    } else {
        static_assert(!sizeof(T), "no PostgreSQL parameter form for this type");
    }
}

}  // namespace sanpi::store::postgres
