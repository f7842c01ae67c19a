#pragma once
// The errors users see for constraint failures, the same on every backend: the API field each
// unique key or named CHECK belongs to, and the words in both languages. Backends only work out
// which constraint failed; their own messages go to the internal log.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/error.hpp"

namespace sanpi::store::sql {

// A reference a write makes. Neither backend says which element of a list (investor_ids[1])
// broke a foreign key, so each write lists its references and after a failure they are probed
// in order to name the missing one.
struct ForeignKey {
    std::string field;            // API field, e.g. "zone_id" or "investor_ids[1]"
    std::string_view exists_sql;  // one parameter, returns a row when the target exists
    std::variant<std::int64_t, std::string> key;
    std::string_view what_zh;  // "开发区"
    std::string_view what_en;  // "zone"
};

using ForeignKeys = std::vector<ForeignKey>;

// A unique key is named "table.column" after its first column (as SQLite reports it) or by
// PostgreSQL's default constraint name ("projects_code_key"); either finds the same rule.
Error unique_error(std::string_view key);

// Named CHECK constraints are called ck_<api field>; any other is reported against the record.
Error check_error(std::string_view constraint);
// A kept figure row that an addition would take past 64 bits is set to NULL by its upsert
// (figures_sql.hpp); the NOT NULL violation on "figures_….investment_fen" becomes this refusal.
std::optional<Error> figure_overflow_error(std::string_view column);

// The first reference whose target `exists` says is missing, named in the API's words.
Error foreign_key_error(const ForeignKeys& foreign_keys, const std::function<bool(const ForeignKey&)>& exists);

Error busy_error();
// The server is down, restarting or unreachable.
Error unavailable_error();
// Writes refused for want of disk space, or because the database is read-only: 503s that say so.
Error storage_full_error();
Error read_only_error();
// Logs `detail` internally and returns a message that reveals nothing of it.
Error internal_error(std::string_view detail);

}  // namespace sanpi::store::sql
