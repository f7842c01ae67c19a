#pragma once
// WHERE clauses assembled from optional filters, with their parameters kept in order. Terms are
// written with `?`; for a dialect that numbers its parameters they become $1, $2 ... as they are
// added. Scope filtering lives here so every scoped query on every backend restricts rows alike.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/error.hpp"
#include "domain/user.hpp"

namespace sanpi::store::sql {

using SqlValue = std::variant<std::int64_t, std::string>;

// How a dialect writes parameters: SQLite takes `?` as written, PostgreSQL wants $1, $2 ...
enum class Placeholders { kQuestionMark, kNumbered };

// `term` with each `?` written as $first, $first+1 ...; throws std::logic_error unless it has
// exactly `count` of them, so a term and its values cannot drift apart.
std::string number_placeholders(std::string_view term, std::size_t first, std::size_t count);

class Conditions {
public:
    explicit Conditions(Placeholders style) : style_(style) {}

    void add(std::string_view term) { terms_.push_back(placed(term, 0)); }
    void add(std::string_view term, SqlValue value);
    void add(std::string_view term, SqlValue first, SqlValue second);

    // " WHERE a AND b", or "" without terms.
    std::string where() const;
    const std::vector<SqlValue>& values() const { return values_; }
    // Appends a parameter after the terms' own (e.g. LIMIT) and returns its placeholder.
    std::string append(SqlValue value);

private:
    std::string placed(std::string_view term, std::size_t count) const;

    Placeholders style_;
    std::vector<std::string> terms_;
    std::vector<SqlValue> values_;
};

// Restricts to rows inside `scope`: `zone_id_column` and `region_column` name the zone's id
// and region code in the query. A malformed scope is refused rather than widened.
Result<void> add_scope(Conditions& where, const domain::Scope& scope, std::string_view zone_id_column,
                       std::string_view region_column);

// True if `s` is one to `max` ASCII digits.
bool is_digits(std::string_view s, std::size_t max);

// Escapes LIKE wildcards with '!' (use ESCAPE '!') and folds ASCII to lower case only, to match
// SQLite's lower() and LIKE (PostgreSQL compares against lower(column COLLATE "C") to match).
std::string like_contains_pattern(std::string_view text);

}  // namespace sanpi::store::sql
