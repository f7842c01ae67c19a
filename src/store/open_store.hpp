#pragma once
// Opening a store by URL: the one place that knows every backend, for the composition root (the
// CLI) and tests only; the services receive a Store and never see a backend.
#include <cstddef>
#include <memory>
#include <string_view>

#include "store/store.hpp"

namespace sanpi::store {

// Connections a store keeps for concurrent transactions: PostgreSQL sessions, or SQLite readers
// (SQLite's one writer comes on top). Twice the cores, since transactions wait on I/O and locks
// as much as they compute; at least 8 SQLite readers (threads of this process, cheap) and at
// least 4 PostgreSQL sessions (each a server process: on a 2-core machine shared with the
// database, 4 sessions served 30% more than 8 and 60% more than 16, bench/README.md).
std::size_t default_pool_size(std::string_view url);

// Opens a store from a --db value: "PATH", "sqlite:PATH" or "postgresql://..." ("postgres://"),
// with `pool_size` connections (0: default_pool_size(url)). Does not migrate.
Result<std::unique_ptr<Store>> open_store(std::string_view url, std::size_t pool_size = 0);

}  // namespace sanpi::store
