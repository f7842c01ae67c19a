#pragma once
// Turns PostgreSQL failures into the errors users see, with the same codes, fields and words as
// the SQLite backend. Server messages and SQL go to the internal log only.
#include <cstdint>
#include <exception>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/error.hpp"
#include "store/sql/constraint_errors.hpp"
#include "store/postgres/pg_connection.hpp"
#include "store/postgres/pg_handle.hpp"

namespace sanpi::store::postgres {

using sql::busy_error;
using sql::ForeignKey;
using sql::ForeignKeys;
using sql::internal_error;

namespace exists_sql {
inline constexpr std::string_view kRegion = "SELECT 1 FROM regions WHERE code = $1";
inline constexpr std::string_view kIndustry = "SELECT 1 FROM industries WHERE code = $1";
inline constexpr std::string_view kZone = "SELECT 1 FROM zones WHERE id = $1";
inline constexpr std::string_view kEnterprise = "SELECT 1 FROM enterprises WHERE id = $1";
inline constexpr std::string_view kProject = "SELECT 1 FROM projects WHERE id = $1";
inline constexpr std::string_view kCampaign = "SELECT 1 FROM campaigns WHERE id = $1";
inline constexpr std::string_view kUser = "SELECT 1 FROM users WHERE id = $1";
}  // namespace exists_sql

// `conn` must be usable again (the failed statement rolled back to its savepoint) when the error
// is a foreign-key violation, because the references are probed on it.
Error translate_error(Connection& conn, const PgError& e, const ForeignKeys& foreign_keys);
// The server is down, restarting or unreachable.
Error unavailable_error();
// No connection, lock or statement slot within the limits.

// Runs `body` (which returns a Result) and turns PostgreSQL failures and unreadable rows into errors.
template <class Body>
auto guard_sql(Connection& conn, Body&& body, const ForeignKeys& foreign_keys = {}) -> decltype(body()) {
    try {
        return body();
    } catch (const PgError& e) {
        try {
            return translate_error(conn, e, foreign_keys);
        } catch (const std::exception& nested) {
            return internal_error(std::string("while translating '") + e.what() + "': " + nested.what());
        }
    } catch (const StoreFault& e) {
        return internal_error(e.what());
    }
}

}  // namespace sanpi::store::postgres
