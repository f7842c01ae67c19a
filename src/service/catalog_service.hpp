#pragma once
#include <vector>

#include "domain/error.hpp"
#include "domain/industry.hpp"
#include "domain/region.hpp"
#include "domain/zone.hpp"
#include "service/principal.hpp"
#include "store/store.hpp"

namespace sanpi::service {

// Read-only dictionaries: regions, zones (scoped), industries.
class CatalogService {
public:
    explicit CatalogService(store::Store& store) : store_(store) {}

    Result<std::vector<domain::Region>> regions(const Principal& who);
    Result<std::vector<domain::Zone>> zones(const Principal& who);
    Result<std::vector<domain::Industry>> industries(const Principal& who);
    // Whether the store answers (for /healthz); needs no caller.
    Result<void> ping();

private:
    store::Store& store_;
};

}  // namespace sanpi::service
