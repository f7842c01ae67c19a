#pragma once
// Opening a store by URL: the one place that knows every backend, for the composition root (the
// CLI) and tests only; the services receive a Store and never see a backend.
#include <cstddef>
#include <memory>
#include <string_view>

#include "store/store.hpp"

namespace sanpi::store {

// Connections a store keeps for concurrent transactions: SQLite readers (its one writer comes on
// top) or PostgreSQL sessions. The server runs as many workers, so this is also how many requests
// compute at once. A SQLite read computes on this machine's cores from pages in memory: the cores
// and two more (for a request waiting on the writer or the disk); on 2 cores, 4 readers served
// the benchmark's project detail 25% faster and its mixed workload 15% faster than 8, the extra
// threads only taking turns on the cores. A PostgreSQL transaction mostly waits for the
// database: twice the cores, at least 4 sessions (each a server process: on a 2-core machine
// shared with the database, 4 sessions served 30% more than 8 and 60% more than 16).
// bench/README.md has both measurements.
std::size_t default_pool_size(std::string_view url);

// Opens a store from a --db value: "PATH", "sqlite:PATH" or "postgresql://..." ("postgres://"),
// with `pool_size` connections (0: default_pool_size(url)). Does not migrate.
Result<std::unique_ptr<Store>> open_store(std::string_view url, std::size_t pool_size = 0);

}  // namespace sanpi::store
