#pragma once
// GET /api/v1/audit and /api/v1/projects/{id}/audit query parameters -> store::AuditQuery.
// Unknown, repeated or malformed parameters are a 400 naming each one. Times are a day in China
// Standard Time ("2022-06-22": from its start, or to its end) or an instant with its offset
// ("2022-06-22T10:30:00+08:00", "...Z").
#include <cstdint>
#include <optional>
#include <string_view>
#include <variant>

#include "http/context.hpp"
#include "store/store.hpp"

namespace sanpi::http {

inline constexpr std::int64_t kDefaultAuditPageSize = 50;
inline constexpr std::int64_t kMaxAuditPageSize = 500;

// `whole_log`: the entity_type and entity_id filters are offered (the project's own list has them
// fixed by its path).
std::variant<store::AuditQuery, Problem> parse_audit_query(const QueryParams& params, bool whole_log);

// Unix seconds from either time form; `end_of_day` reads a bare day as the instant it ends.
std::optional<store::Timestamp> parse_instant(std::string_view text, bool end_of_day);

}  // namespace sanpi::http
