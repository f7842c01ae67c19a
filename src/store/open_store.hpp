#pragma once
// Opening a store by URL: the one place that knows every backend, for the composition root (the
// CLI) and tests only; the services receive a Store and never see a backend.
#include <memory>
#include <string_view>

#include "store/store.hpp"

namespace sanpi::store {

// Opens a store from a --db value: "PATH", "sqlite:PATH" or "postgresql://..." ("postgres://").
// Does not migrate.
Result<std::unique_ptr<Store>> open_store(std::string_view url);

}  // namespace sanpi::store
