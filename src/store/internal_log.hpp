#pragma once
// Where the store reports what it must not tell users (SQL errors, driver messages). The store
// links only its database driver, so the composition root decides where these lines go.
#include <functional>
#include <string_view>

namespace sanpi::store {

using InternalLogSink = std::function<void(std::string_view line)>;

// Replaces the sink (default: one line to stderr). Call once at start-up, before any store is used.
void set_internal_log_sink(InternalLogSink sink);
void log_internal(std::string_view line);

}  // namespace sanpi::store
