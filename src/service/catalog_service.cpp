#include "service/catalog_service.hpp"

#include "store/transact.hpp"

namespace sanpi::service {

using store::Tx;

// Region and industry names are public dictionaries; every role may read them whole.
Result<std::vector<domain::Region>> CatalogService::regions(const Principal&) {
    return store::read_value<std::vector<domain::Region>>(store_, [](Tx& tx) { return tx.list_regions(); });
}

Result<std::vector<domain::Zone>> CatalogService::zones(const Principal& who) {
    return store::read_value<std::vector<domain::Zone>>(store_, [&](Tx& tx) { return tx.list_zones(who.scope); });
}

Result<std::vector<domain::Industry>> CatalogService::industries(const Principal&) {
    return store::read_value<std::vector<domain::Industry>>(store_, [](Tx& tx) { return tx.list_industries(); });
}

Result<void> CatalogService::ping() {
    auto version = store_.schema_version();
    if (!version) return version.error();
    return {};
}

}  // namespace sanpi::service
