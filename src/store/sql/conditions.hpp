#pragma once
// WHERE clauses assembled from optional filters, with their parameters kept in order. Terms are
// written with `?` like every query (PostgreSQL's adapter numbers them when it prepares the
// text). Scope filtering lives here so every scoped query on every backend restricts rows alike.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "domain/error.hpp"
#include "domain/user.hpp"
#include "store/sql/connection.hpp"

namespace sanpi::store::sql {

using SqlValue = std::variant<std::int64_t, std::string>;

class Conditions {
public:
    void add(std::string_view term) { terms_.emplace_back(term); }
    void add(std::string_view term, SqlValue value);
    void add(std::string_view term, SqlValue first, SqlValue second);
    void add(std::string_view term, std::vector<SqlValue> values);

    // " WHERE a AND b", or "" without terms.
    std::string where() const;
    const std::vector<SqlValue>& values() const { return values_; }
    // Binds the terms' parameters from `first_index` on; returns the next free index.
    int bind(Statement& st, int first_index = 1) const;

private:
    // Throws std::logic_error unless `term` has `count` parameters, so a term and its values
    // cannot drift apart.
    static void check_count(std::string_view term, std::size_t count);

    std::vector<std::string> terms_;
    std::vector<SqlValue> values_;
};

// Restricts to rows inside `scope`: `zone_id_column` and `region_column` name the zone's id
// and region code in the query. A malformed scope is refused rather than widened.
Result<void> add_scope(Conditions& where, const domain::Scope& scope, std::string_view zone_id_column,
                       std::string_view region_column);

// Restricts `region_column` (six-digit codes) to those starting with `prefix` (one to six digits).
void add_region_range(Conditions& where, std::string_view region_column, const std::string& prefix);
// The first and the last six-digit code starting with `prefix`.
std::pair<std::string, std::string> region_bounds(const std::string& prefix);

// True if `s` is one to `max` ASCII digits.
bool is_digits(std::string_view s, std::size_t max);

// Escapes LIKE wildcards with '!' (use ESCAPE '!') and folds ASCII to lower case only, to match
// SQLite's lower() and LIKE (PostgreSQL compares against lower(column COLLATE "C") to match).
std::string like_contains_pattern(std::string_view text);

}  // namespace sanpi::store::sql
