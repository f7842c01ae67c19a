#pragma once
// The demo's industry chains (产业链), created through the chain service's own checks and audit
// entries: seven chains for the seed's industries, three to four levels deep; the demo's projects
// of a chain's industry mapped to its leaves (three in five projects, each city missing some
// leaves so that gaps differ from city to city), each mapped project's lead investor mapped to the
// same node, and the chain-owner enterprises (链主) among them marked as the chain's owners.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "domain/enterprise.hpp"
#include "domain/project.hpp"
#include "domain/zone.hpp"
#include "service/clock.hpp"
#include "service/principal.hpp"
#include "store/store.hpp"

namespace sanpi::service::demo {

struct ChainOutline {
    std::string_view name;
    std::string_view industry;
    std::string_view leader_post;
    std::vector<std::string_view> lines;  // "上游:锂电池材料" (a root), ".正极材料", "..磷酸铁锂"
};
const std::vector<ChainOutline>& demo_chain_outlines();

// The demo's chains by industry: each chain's id and its leaves in tree order.
struct DemoChain {
    std::int64_t id = 0;
    std::vector<std::int64_t> leaves;
};
using DemoChains = std::map<std::string, std::vector<DemoChain>>;

// Creates the chains that are missing (a rerun finds them by name and creates nothing); `created`
// tells whether any were.
Result<DemoChains> load_chains(store::Tx& tx, const Clock& clock, const Principal& who, bool& created);

// The node the demo maps the `index`-th project to (none: two in five projects stay unmapped).
// A city skips every third leaf from an offset of its own, so each city has its own gaps.
std::optional<std::int64_t> demo_chain_node(const DemoChains& chains, const domain::Project& p, int city_index,
                                            int index);

// Maps each mapped project's lead investor to its node, and marks the chain-owner enterprises among
// them as owners of that chain. `roles` holds each enterprise's chain role by id.
Result<void> map_chain_enterprises(store::Tx& tx, const Clock& clock, const Principal& who,
                                   const std::vector<domain::Project>& mapped,
                                   const std::map<std::int64_t, domain::ChainRole>& roles);

// A few known suppliers (outside the province) of each chain's owners, through the same checks and
// audit as the API's; none for a chain that has some already.
Result<void> load_chain_suppliers(store::Tx& tx, const Clock& clock, const Principal& who, const DemoChains& chains);

}  // namespace sanpi::service::demo
