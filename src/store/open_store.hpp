#pragma once
// Opening a store by URL: the one place that knows every backend, for the composition root (the
// CLI) and tests only; the services receive a Store and never see a backend.
#include <cstddef>
#include <memory>
#include <string_view>

#include "store/store.hpp"

namespace sanpi::store {

// Connections a store keeps for concurrent transactions: PostgreSQL sessions, or SQLite readers
// (SQLite's one writer comes on top). Twice the cores, at least 8 (what PostgreSQL had before it
// was configurable): transactions wait on I/O and locks as much as they compute.
std::size_t default_pool_size();

// Opens a store from a --db value: "PATH", "sqlite:PATH" or "postgresql://..." ("postgres://"),
// with `pool_size` connections (0: default_pool_size()). Does not migrate.
Result<std::unique_ptr<Store>> open_store(std::string_view url, std::size_t pool_size = 0);

}  // namespace sanpi::store
