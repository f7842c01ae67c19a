#pragma once
// What the store keeps about industry chains (m0020): chains, their nodes, enterprises mapped to
// nodes, chain owners (链主) and their known suppliers (m0022), and where a chain's enterprises and projects are.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/chain.hpp"
#include "domain/money.hpp"
#include "domain/stage.hpp"

namespace sanpi::store {

// An enterprise as a chain lists it.
struct ChainEnterprise {
    std::int64_t id = 0;
    std::string name;
    std::string credit_code;
};

// An enterprise mapped to a node (every mapping of a chain, for exports and node details).
struct ChainNodeEnterprise {
    std::int64_t node_id = 0;
    ChainEnterprise enterprise;
};

// Where a chain's presences are counted: projects of zones under `region_prefix` (a province's two
// digits, a city's four, a county's six) or of one zone; neither: everywhere in scope.
struct ChainArea {
    std::optional<std::string> region_prefix;
    std::optional<std::int64_t> zone_id;
};

// One project at a node, or one enterprise at a node through one of its projects of the chain's
// industry (an enterprise is where it invests in that industry), with where that project is.
// Cancelled projects count nowhere.
struct ChainPresenceRow {
    std::int64_t node_id = 0;
    bool enterprise = false;
    std::int64_t item_id = 0;
    std::string name;
    std::string code;                               // a project's code; an enterprise's credit code
    std::string code_name;                          // a project's code name (empty: none)
    domain::Stage stage = domain::Stage::kReserve;  // the project's
    domain::Money investment;                       // a project's total investment; zero for an enterprise
    std::int64_t zone_id = 0;
    std::string zone_name;
    std::string region_code;  // the zone's
    std::string city_code;    // the project's city
};

// How many enterprises, projects and known suppliers map to some nodes.
struct ChainNodeUses {
    std::int64_t enterprises = 0;
    std::int64_t projects = 0;
    std::int64_t suppliers = 0;
};

// A known supplier of one of a chain's owners (m0022): who it is, the node it supplies and the
// region where it is (a GB/T 2260 code, often outside the province). The owner's name and credit
// code are read with it.
struct ChainSupplier {
    std::int64_t id = 0;
    std::int64_t chain_id = 0;
    std::int64_t owner_id = 0;
    std::int64_t node_id = 0;
    std::string name;
    std::optional<std::string> credit_code;
    std::string region_code;
    std::int64_t version = 0;
    std::string owner_name, owner_credit_code;  // read only
};

// A project mapped to one of a chain's nodes, cancelled or not.
struct ChainProject {
    std::int64_t id = 0;
    std::int64_t node_id = 0;
    std::string code;
    std::int64_t version = 0;
};

}  // namespace sanpi::store
