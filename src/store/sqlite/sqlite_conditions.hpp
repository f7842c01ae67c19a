#pragma once
// The shared WHERE builder (store/sql/conditions.hpp) with SQLite's `?` parameters, bound to a
// prepared statement.
#include "store/sql/conditions.hpp"
#include "store/sqlite/sqlite_handle.hpp"

namespace sanpi::store::sqlite {

using sql::add_scope;
using sql::is_digits;
using sql::like_contains_pattern;
using sql::SqlValue;

class Conditions : public sql::Conditions {
public:
    Conditions() : sql::Conditions(sql::Placeholders::kQuestionMark) {}

    // Binds the parameters starting at `first_index`; returns the next free index.
    int bind(Statement& st, int first_index = 1) const;
};

}  // namespace sanpi::store::sqlite
