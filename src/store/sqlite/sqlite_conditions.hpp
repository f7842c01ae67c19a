#pragma once
// WHERE clauses assembled from optional filters, with their parameters kept in order.
// Scope filtering lives here so every scoped query restricts rows the same way.
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/error.hpp"
#include "domain/user.hpp"
#include "store/sqlite/sqlite_handle.hpp"

namespace sanpi::store::sqlite {

using SqlValue = std::variant<std::int64_t, std::string>;

class Conditions {
public:
    void add(std::string_view term) { terms_.emplace_back(term); }
    void add(std::string_view term, SqlValue value);
    void add(std::string_view term, SqlValue first, SqlValue second);

    // " WHERE a AND b", or "" without terms.
    std::string where() const;
    const std::vector<SqlValue>& params() const { return params_; }

    // Binds the parameters starting at `first_index`; returns the next free index.
    int bind(Statement& st, int first_index = 1) const;

private:
    std::vector<std::string> terms_;
    std::vector<SqlValue> params_;
};

// Restricts to rows inside `scope`: `zone_id_column` and `region_column` name the zone's id
// and region code in the query. A malformed scope is refused rather than widened.
Result<void> add_scope(Conditions& where, const domain::Scope& scope, std::string_view zone_id_column,
                       std::string_view region_column);

// True if `s` is one to `max` ASCII digits.
bool is_digits(std::string_view s, std::size_t max);

// Escapes LIKE wildcards with '!' (use ESCAPE '!') and folds ASCII to lower case.
std::string like_contains_pattern(std::string_view text);

}  // namespace sanpi::store::sqlite
