#pragma once
// The one place a database failure becomes the error users see: every backend's failures arrive
// here as a DbError with a neutral FailureKind, so both backends answer with the same codes,
// fields and words. Driver messages go to the internal log only.
#include <exception>
#include <string>

#include "domain/error.hpp"
#include "store/sql/connection.hpp"
#include "store/sql/constraint_errors.hpp"
#include "store/sql/store_fault.hpp"

namespace sanpi::store::sql {

// `conn`, when given, must be usable again (the failed statement undone) for a foreign-key
// failure, because the write's references are probed on it to name the missing one.
Error translate_failure(const DbError& e, const ForeignKeys& foreign_keys = {}, Connection* conn = nullptr);

// Runs `body` (which returns a Result) and turns database failures and unreadable rows into
// errors; `foreign_keys` lists the references a write makes, probed on `conn` after a failure.
template <class Body>
auto guard_sql(Body&& body, const ForeignKeys& foreign_keys = {}, Connection* conn = nullptr)
    -> decltype(body()) {
    try {
        return body();
    } catch (const DbError& e) {
        try {
            return translate_failure(e, foreign_keys, conn);
        } catch (const std::exception& nested) {
            return internal_error(std::string("while translating '") + e.what() + "': " + nested.what());
        }
    } catch (const StoreFault& e) {
        return internal_error(e.what());
    }
}

// Executes statements without results, turning a failure into an error.
Result<void> execute_guarded(Connection& conn, std::string_view sql);

}  // namespace sanpi::store::sql
