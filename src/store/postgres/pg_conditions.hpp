#pragma once
// WHERE clauses assembled from optional filters. Terms are written with `?`, numbered $1, $2 ...
// as they are added, and their parameters are kept in the same order. Scope filtering lives here
// so every scoped query restricts rows the same way (as sqlite_conditions does for SQLite).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"
#include "domain/user.hpp"
#include "store/postgres/pg_params.hpp"

namespace sanpi::store::postgres {

class Conditions {
public:
    void add(std::string_view term) { terms_.emplace_back(term); }
    template <class... Values>
    void add(std::string_view term, const Values&... values) {
        terms_.push_back(number(term, sizeof...(Values)));
        (params_.add(values), ...);
    }

    // " WHERE a AND b", or "" without terms.
    std::string where() const;
    // "$n" for the next parameter to append after the terms' own.
    std::string next_placeholder() const { return "$" + std::to_string(params_.size() + 1); }
    Params& params() { return params_; }

private:
    std::string number(std::string_view term, std::size_t count) const;

    std::vector<std::string> terms_;
    Params params_;
};

// Restricts to rows inside `scope`: `zone_id_column` and `region_column` name the zone's id
// and region code in the query. A malformed scope is refused rather than widened.
Result<void> add_scope(Conditions& where, const domain::Scope& scope, std::string_view zone_id_column,
                       std::string_view region_column);

// True if `s` is one to `max` ASCII digits.
bool is_digits(std::string_view s, std::size_t max);

// Escapes LIKE wildcards with '!' (use ESCAPE '!') and folds ASCII to lower case only, to match
// SQLite's lower() and LIKE; compare against lower(column COLLATE "C"), which also folds ASCII only.
std::string like_contains_pattern(std::string_view text);

}  // namespace sanpi::store::postgres
