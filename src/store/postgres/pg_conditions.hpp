#pragma once
// The shared WHERE builder (store/sql/conditions.hpp) with PostgreSQL's numbered parameters,
// sent as libpq text parameters.
#include "store/postgres/pg_params.hpp"
#include "store/sql/conditions.hpp"

namespace sanpi::store::postgres {

using sql::add_scope;
using sql::is_digits;
using sql::like_contains_pattern;
using sql::SqlValue;

class Conditions : public sql::Conditions {
public:
    Conditions() : sql::Conditions(sql::Placeholders::kNumbered) {}

    // The parameters in $n order.
    Params params() const;
};

}  // namespace sanpi::store::postgres
