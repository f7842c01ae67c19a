#pragma once
// The query parameters of a paged list, read from a table of specs: each parameter once, by a
// reader that stores it in the request or refuses it. Unknown, repeated or unacceptable
// parameters are collected, each named, so a typo never silently widens a list.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "http/context.hpp"
#include "http/problem.hpp"

namespace sanpi::http {

inline constexpr std::int64_t kDefaultPageSize = 20;
inline constexpr std::int64_t kMaxPageSize = 500;

// A decimal integer above zero, nothing else.
std::optional<std::int64_t> positive_integer(std::string_view text);
// A six-digit city division code (e.g. 140100).
std::optional<std::string> city_code_param(std::string_view text);
// A six-digit province division code (e.g. 140000).
std::optional<std::string> province_code_param(std::string_view text);
// A day written YYYY-MM-DD, nothing else (a day in a URL is written one way).
std::optional<domain::Date> iso_date_param(std::string_view text);

// What an acceptable value is, in both languages (plain pointers, so spec tables are constexpr).
struct ParamRequirement {
    const char* zh;
    const char* en;
};

template <class R>
struct ParamSpec {
    std::string_view name;
    bool (*read)(std::string_view value, R& request);  // false: the value is unacceptable
    ParamRequirement requirement;
};

// The request's `page` and `page_size` (1..kMaxPageSize), and `lang`, valid everywhere.
template <class R>
bool read_page(std::string_view v, R& r) {
    auto n = positive_integer(v);
    if (n) r.page = *n;
    return n.has_value();
}
template <class R>
bool read_page_size(std::string_view v, R& r) {
    auto n = positive_integer(v);
    if (!n || *n > kMaxPageSize) return false;
    r.page_size = *n;
    return true;
}
template <class R>
bool read_lang(std::string_view, R&) {
    return true;
}
template <class R>
constexpr ParamSpec<R> kPageParams[] = {
    {"page", read_page<R>, {"须为正整数", "must be a positive integer"}},
    {"page_size", read_page_size<R>, {"须为 1 到 500 的整数", "must be an integer from 1 to 500"}},
    {"lang", read_lang<R>, {"", ""}},
};

namespace detail {
bool seen_before(const QueryParams& params, std::size_t i);
void add_repeated(std::vector<FieldError>& errors, const std::string& key);
void add_unknown(std::vector<FieldError>& errors, const std::string& key);
// A page so far on that its offset would overflow.
void check_page(std::int64_t page, std::int64_t page_size, std::vector<FieldError>& errors);
}  // namespace detail

template <class R>
using ParamTable = std::span<const ParamSpec<R>>;

// Reads every parameter with the first spec that names it, in the tables' order; appends what it
// refuses (unknown, repeated, unacceptable) to `errors`. Nothing else is accepted, paging included.
template <class R>
void read_params(const QueryParams& params, std::span<const ParamTable<R>> tables, R& out,
                 std::vector<FieldError>& errors) {
    for (std::size_t i = 0; i < params.size(); ++i) {
        const auto& [key, value] = params[i];
        if (detail::seen_before(params, i)) {
            detail::add_repeated(errors, key);
            continue;
        }
        const ParamSpec<R>* found = nullptr;
        for (const auto& table : tables) {
            for (const auto& spec : table) found = !found && spec.name == key ? &spec : found;
        }
        if (!found) {
            detail::add_unknown(errors, key);
        } else if (!found->read(value, out)) {
            errors.push_back({key, {found->requirement.zh, found->requirement.en}});
        }
    }
}

// Reads every parameter with `specs` and the paging ones; appends what it refuses to `errors`.
template <class R>
void read_list_params(const QueryParams& params, ParamTable<R> specs, R& out, std::vector<FieldError>& errors) {
    const ParamTable<R> tables[] = {specs, kPageParams<R>};
    read_params<R>(params, tables, out, errors);
    if (errors.empty()) detail::check_page(out.page, out.page_size, errors);
}

// The 400 answer for what read_list_params refused.
Problem bad_list_params(std::vector<FieldError> errors);

}  // namespace sanpi::http
