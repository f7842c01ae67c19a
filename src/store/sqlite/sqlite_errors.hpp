#pragma once
// Turns SQLite failures into the errors users see. SQLite's own messages go to the internal log
// only; the answer names the field in the API's words.
#include <cstdint>
#include <exception>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/error.hpp"
#include "store/sql/constraint_errors.hpp"
#include "store/sqlite/sqlite_codec.hpp"
#include "store/sqlite/sqlite_handle.hpp"

namespace sanpi::store::sqlite {

using sql::busy_error;
using sql::ForeignKey;
using sql::ForeignKeys;
using sql::internal_error;

namespace exists_sql {
inline constexpr std::string_view kRegion = "SELECT 1 FROM regions WHERE code = ?";
inline constexpr std::string_view kIndustry = "SELECT 1 FROM industries WHERE code = ?";
inline constexpr std::string_view kZone = "SELECT 1 FROM zones WHERE id = ?";
inline constexpr std::string_view kEnterprise = "SELECT 1 FROM enterprises WHERE id = ?";
inline constexpr std::string_view kProject = "SELECT 1 FROM projects WHERE id = ?";
inline constexpr std::string_view kCampaign = "SELECT 1 FROM campaigns WHERE id = ?";
inline constexpr std::string_view kUser = "SELECT 1 FROM users WHERE id = ?";
}  // namespace exists_sql

Error translate_error(Connection& conn, const SqliteError& e, const ForeignKeys& foreign_keys);

// Runs `body` (which returns a Result) and turns SQLite failures and unreadable rows into errors.
template <class Body>
auto guard_sql(Connection& conn, Body&& body, const ForeignKeys& foreign_keys = {}) -> decltype(body()) {
    try {
        return body();
    } catch (const SqliteError& e) {
        try {
            return translate_error(conn, e, foreign_keys);
        } catch (const std::exception& nested) {
            return internal_error(std::string("while translating '") + e.what() + "': " + nested.what());
        }
    } catch (const StoreFault& e) {
        return internal_error(e.what());
    }
}

}  // namespace sanpi::store::sqlite
