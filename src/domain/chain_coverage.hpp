#pragma once
// What a region has on an industry chain, node by node. A node's counts are of its whole subtree
// (the node and every node below it), each enterprise and project counted once however many of
// the subtree's nodes it maps to. A node is a gap when its subtree has no enterprise and no
// project in the region: a leaf with nothing, or an inner node all of whose leaves are gaps.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "domain/chain.hpp"
#include "domain/money.hpp"

namespace sanpi::domain {

// One project at a node, or one enterprise at a node (then `investment` is zero), in some place.
struct ChainPresence {
    std::int64_t node_id = 0;
    bool enterprise = false;   // false: a project
    std::int64_t item_id = 0;  // the enterprise's or the project's id
    Money investment;          // a project's total investment
    std::string place;         // where it is (a city code, a zone id as text ...), set by the caller
};

struct NodeCoverage {
    std::int64_t node_id = 0;
    std::int64_t enterprises = 0;
    std::int64_t projects = 0;
    Money investment;
    bool gap = true;
};

// Every node of `nodes` with the counts of the presences (all of one place) in its subtree, in
// the order of `nodes`.
std::vector<NodeCoverage> chain_coverage(const std::vector<ChainNode>& nodes,
                                         const std::vector<ChainPresence>& present);

struct CoverageSummary {
    std::int64_t nodes = 0;
    std::int64_t leaves = 0;
    std::int64_t gap_leaves = 0;
    std::int64_t enterprises = 0;  // distinct over the chain
    std::int64_t projects = 0;
    Money investment;
};
CoverageSummary summarise_coverage(const std::vector<ChainNode>& nodes, const std::vector<ChainPresence>& present);

// A gap node of the region and the places around it that are strong at that node.
struct TargetPlace {
    std::string place;
    std::int64_t enterprises = 0;
    std::int64_t projects = 0;
    Money investment;
};
// A known supplier of one of the region's chain owners, at a node, located outside the region.
struct SupplierAt {
    std::int64_t node_id = 0;
    std::int64_t supplier_id = 0;
};
struct ChainTarget {
    std::int64_t node_id = 0;
    std::vector<std::int64_t> suppliers;  // ids of the suppliers in the node's subtree, as given
    std::vector<TargetPlace> places;  // strongest first: enterprises + projects, then investment, then place
    std::int64_t strong_places = 0;
    std::int64_t total_items = 0;  // enterprises + projects over the places
    Money investment;
};

// The region's gap nodes (`own` has the region's presences) where the region's chain owners have
// a known supplier outside the region (`suppliers`) in the node's subtree, or at least one
// neighbouring place (`neighbours`, each presence's place naming it) has an enterprise or a
// project there. Ranked by the number of such suppliers, then of such places, then the places'
// enterprises + projects, then their investment (all descending), then by tree order.
std::vector<ChainTarget> chain_targets(const std::vector<ChainNode>& nodes, const std::vector<ChainPresence>& own,
                                       const std::vector<ChainPresence>& neighbours,
                                       const std::vector<SupplierAt>& suppliers = {});

}  // namespace sanpi::domain
