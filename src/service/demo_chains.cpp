#include "service/demo_chains.hpp"

#include <algorithm>
#include <array>

#include "service/chain_service.hpp"

namespace sanpi::service::demo {
namespace {

// The chain's node ids of `outline`'s lines, created in order.
Result<std::vector<std::int64_t>> create_nodes(store::Tx& tx, const Clock& clock, const Principal& who,
                                               std::int64_t chain_id, const ChainOutline& outline) {
    std::vector<std::int64_t> ids;
    std::vector<std::int64_t> parents;  // the last node at each depth
    for (const auto line : outline.lines) {
        std::size_t depth = 0;
        while (depth < line.size() && line[depth] == '.') ++depth;
        NodeInput in;
        auto text = line.substr(depth);
        if (depth == 0) {
            const auto colon = text.find(':');
            in.segment = std::string(text.substr(0, colon));
            text = text.substr(colon + 1);
        } else {
            in.parent_set = true;
            in.parent_id = parents.at(depth - 1);
        }
        in.name = std::string(text);
        auto node = add_node_in(tx, clock, who, chain_id, in);
        if (!node) return node.error();
        parents.resize(depth);
        parents.push_back(node->id);
        ids.push_back(node->id);
    }
    return ids;
}

Result<DemoChain> chain_leaves(store::Tx& tx, std::int64_t chain_id) {
    auto nodes = tx.list_chain_nodes(chain_id);
    if (!nodes) return nodes.error();
    DemoChain out{chain_id, {}};
    for (const auto& n : domain::in_tree_order(*nodes)) {
        const bool leaf =
            std::none_of(nodes->begin(), nodes->end(), [&](const auto& c) { return c.parent_id == n.id; });
        if (leaf) out.leaves.push_back(n.id);
    }
    return out;
}

}  // namespace

Result<DemoChains> load_chains(store::Tx& tx, const Clock& clock, const Principal& who, bool& created) {
    DemoChains out;
    for (const auto& outline : demo_chain_outlines()) {
        auto found = tx.find_chain_by_name(outline.name);
        if (!found) return found.error();
        std::int64_t id = 0;
        if (*found) {
            id = (*found)->id;
        } else {
            ChainInput in{std::string(outline.name), std::string(outline.industry), std::string(outline.leader_post)};
            auto chain = create_chain_in(tx, clock, who, in);
            if (!chain) return chain.error();
            id = chain->id;
            if (auto nodes = create_nodes(tx, clock, who, id, outline); !nodes) return nodes.error();
            created = true;
        }
        auto leaves = chain_leaves(tx, id);
        if (!leaves) return leaves.error();
        out[std::string(outline.industry)].push_back(std::move(*leaves));
    }
    return out;
}

std::optional<std::int64_t> demo_chain_node(const DemoChains& chains, const domain::Project& p, int city_index,
                                            int index) {
    const auto it = chains.find(p.industry_code);
    if (it == chains.end() || index % 5 >= 3) return std::nullopt;
    const auto& chain = it->second[static_cast<std::size_t>(index / 5) % it->second.size()];
    std::vector<std::int64_t> open;
    for (std::size_t i = 0; i < chain.leaves.size(); ++i) {
        if ((i + static_cast<std::size_t>(city_index)) % 3 != 0) open.push_back(chain.leaves[i]);
    }
    if (open.empty()) return std::nullopt;
    return open[static_cast<std::size_t>(index * 7 + city_index) % open.size()];
}

Result<void> map_chain_enterprises(store::Tx& tx, const Clock& clock, const Principal& who,
                                   const std::vector<domain::Project>& mapped,
                                   const std::map<std::int64_t, domain::ChainRole>& roles) {
    for (const auto& p : mapped) {
        if (!p.chain_node_id || p.investor_ids.empty()) continue;
        auto node = tx.get_chain_node(*p.chain_node_id);
        if (!node) return node.error();
        if (!*node) continue;
        const auto lead = p.investor_ids.front();
        if (auto r = map_enterprise_in(tx, clock, who, (*node)->chain_id, (*node)->id, lead, true); !r) return r;
        const auto role = roles.find(lead);
        if (role == roles.end() || role->second != domain::ChainRole::kChainOwner) continue;
        if (auto r = set_owner_in(tx, clock, who, (*node)->chain_id, lead, true); !r) return r;
    }
    return {};
}

Result<void> load_chain_suppliers(store::Tx& tx, const Clock& clock, const Principal& who, const DemoChains& chains) {
    // Suppliers of the kind chain-based promotion looks for: outside the province, at the leaves
    // the province lacks (its gaps, in tree order), then at its first leaves.
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kSuppliers{{
        {"苏州精工配套科技有限公司", "320500"},
        {"深圳市链配电子有限公司", "440300"},
        {"上海协同材料股份有限公司", "310000"},
    }};
    for (const auto& [industry, list] : chains) {
        for (const auto& chain : list) {
            auto owners = tx.chain_owners(chain.id);
            if (!owners) return owners.error();
            auto existing = tx.list_chain_suppliers(chain.id);
            if (!existing) return existing.error();
            if (owners->empty() || !existing->empty()) continue;  // a rerun adds nothing
            auto present = tx.chain_presence(domain::Scope::all(), chain.id, {});
            if (!present) return present.error();
            std::vector<std::int64_t> leaves;
            for (const bool gap : {true, false}) {
                for (const auto leaf : chain.leaves) {
                    const bool covered =
                        std::any_of(present->begin(), present->end(),
                                    [&](const store::ChainPresenceRow& r) { return r.node_id == leaf; });
                    if (covered != gap) leaves.push_back(leaf);
                }
            }
            for (std::size_t i = 0; i < kSuppliers.size() && i < leaves.size(); ++i) {
                SupplierInput in;
                in.owner_id = (*owners)[i % owners->size()].id;
                in.node_id = leaves[i];
                in.name = std::string(kSuppliers[i].first);
                in.region = std::string(kSuppliers[i].second);
                if (auto r = add_supplier_in(tx, clock, who, chain.id, in); !r) return r.error();
            }
        }
    }
    return {};
}

}  // namespace sanpi::service::demo
