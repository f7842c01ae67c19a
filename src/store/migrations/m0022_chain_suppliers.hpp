#pragma once
// Migration 22: the known suppliers of a chain's owners (链主企业的已知供应商). A supplier is
// recorded per chain owner of one chain: its name, its credit code when known, the chain node it
// supplies (a node of the same chain) and the region where it is. The region is a GB/T 2260 code
// but not a reference to `regions`: suppliers are mostly outside the province, and the dictionary
// holds the province's own regions. The owner must be an owner of the chain; the service checks it
// (and the node's chain) on every write, and a chain's deletion removes its suppliers first. The
// version serves If-Match on edits. Released migrations are history: add a new one, never edit.
#include <string_view>

namespace sanpi::store::migrations {

inline constexpr std::string_view kM0022ChainSuppliers = R"sql(
CREATE TABLE chain_suppliers (
    id                  {{ID_PK}},
    chain_id            BIGINT NOT NULL REFERENCES chains (id),
    owner_enterprise_id BIGINT NOT NULL REFERENCES enterprises (id),
    node_id             BIGINT NOT NULL REFERENCES chain_nodes (id),
    name                TEXT NOT NULL,
    credit_code         TEXT,
    region_code         TEXT NOT NULL CONSTRAINT ck_supplier_region CHECK (length(region_code) = 6),
    version             BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX chain_suppliers_chain ON chain_suppliers (chain_id, id);
CREATE INDEX chain_suppliers_node ON chain_suppliers (node_id);
CREATE INDEX chain_suppliers_owner ON chain_suppliers (owner_enterprise_id);
)sql";

}  // namespace sanpi::store::migrations
