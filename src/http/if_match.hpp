#pragma once
// The version a write is based on, from If-Match: "7" (or 7, as some clients drop the quotes).
// Weak tags and * cannot name a version. `resource` names what the ETag belongs to in messages
// (Chinese, English), e.g. {"月报", "report"}.
#include <cstdint>
#include <variant>

#include "http/context.hpp"

namespace sanpi::http {

// Missing: 428; malformed: 400 naming If-Match.
std::variant<std::int64_t, Problem> required_version(const Context& ctx, const Text& resource);

inline std::string strong_etag(std::int64_t version) { return "\"" + std::to_string(version) + "\""; }

}  // namespace sanpi::http
