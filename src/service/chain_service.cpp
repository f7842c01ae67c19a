// Industry chains read: the list with coverage, one chain's tree with each node's figures, a
// node's enterprises and projects, and the target list for chain-based investment promotion.
#include "service/chain_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "service/chain_area.hpp"
#include "store/transact.hpp"

namespace sanpi::service {
namespace {

Result<ChainSummaryView> summarise(store::Tx& tx, const Principal& who, const domain::Chain& chain,
                                   const ChainAreaView& area, const std::vector<domain::Industry>& industries,
                                   std::vector<domain::ChainNode>* nodes_out = nullptr,
                                   std::vector<store::ChainPresenceRow>* rows_out = nullptr) {
    auto nodes = tx.list_chain_nodes(chain.id);
    if (!nodes) return nodes.error();
    auto rows = tx.chain_presence(who.scope, chain.id, area.area);
    if (!rows) return rows.error();
    auto owners = tx.chain_owners(chain.id);
    if (!owners) return owners.error();
    ChainSummaryView view{chain, chain.industry_code, chain.industry_code, static_cast<std::int64_t>(owners->size()),
                          domain::summarise_coverage(*nodes, as_presences(*rows, "none"))};
    for (const auto& i : industries) {
        if (i.code != chain.industry_code) continue;
        view.industry_name_zh = i.name_zh;
        view.industry_name_en = i.name_en;
    }
    if (nodes_out != nullptr) *nodes_out = std::move(*nodes);
    if (rows_out != nullptr) *rows_out = std::move(*rows);
    return view;
}

std::vector<std::string> path_of(const std::vector<domain::ChainNode>& nodes, const domain::ChainNode& node) {
    std::vector<std::string> path{node.name};
    std::set<std::int64_t> seen{node.id};
    for (auto parent = node.parent_id; parent;) {
        const auto it = std::find_if(nodes.begin(), nodes.end(), [&](const auto& n) { return n.id == *parent; });
        if (it == nodes.end() || !seen.insert(it->id).second) break;
        path.insert(path.begin(), it->name);
        parent = it->parent_id;
    }
    return path;
}

// The rows of `rows` in the subtree of `node_id`, one per enterprise and one per project.
std::pair<std::vector<store::ChainPresenceRow>, std::vector<store::ChainPresenceRow>> items_below(
    const std::vector<domain::ChainNode>& nodes, std::int64_t node_id, const std::vector<store::ChainPresenceRow>& rows,
    const std::string& place = {}, const std::string& neighbours = "none") {
    const auto ids = domain::subtree_ids(nodes, node_id);
    const std::set<std::int64_t> below(ids.begin(), ids.end());
    std::map<std::int64_t, store::ChainPresenceRow> enterprises, projects;
    const auto presences = as_presences(rows, neighbours);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (!below.contains(rows[i].node_id) || presences[i].place != place) continue;
        (rows[i].enterprise ? enterprises : projects).emplace(rows[i].item_id, rows[i]);
    }
    std::pair<std::vector<store::ChainPresenceRow>, std::vector<store::ChainPresenceRow>> out;
    for (auto& [id, r] : enterprises) out.first.push_back(r);
    for (auto& [id, r] : projects) out.second.push_back(r);
    std::sort(out.first.begin(), out.first.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    std::sort(out.second.begin(), out.second.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
    return out;
}

// The known suppliers of the area's chain owners (owners investing in a project of the chain's
// industry in the area, within scope) that are outside the area, by name.
Result<std::vector<SupplierView>> outside_suppliers(store::Tx& tx, const Principal& who, std::int64_t chain_id,
                                                    const ChainAreaView& area) {
    if (!area.home_prefix) return std::vector<SupplierView>{};
    auto owners = tx.chain_owners_in_area(who.scope, chain_id, area.area);
    if (!owners) return owners.error();
    auto suppliers = tx.list_chain_suppliers(chain_id);
    if (!suppliers) return suppliers.error();
    std::erase_if(*suppliers, [&](const store::ChainSupplier& s) {
        return s.region_code.starts_with(*area.home_prefix) ||
               std::find(owners->begin(), owners->end(), s.owner_id) == owners->end();
    });
    return supplier_views(tx, std::move(*suppliers));
}

}  // namespace

Result<std::vector<ChainSummaryView>> ChainService::list(const Principal& who, const ChainAreaRequest& at) {
    return store::read_value<std::vector<ChainSummaryView>>(
        store_, [&](store::Tx& tx) -> Result<std::vector<ChainSummaryView>> {
            auto area = resolve_chain_area(tx, who, at);
            if (!area) return area.error();
            auto chains = tx.list_chains();
            if (!chains) return chains.error();
            auto industries = tx.list_industries();
            if (!industries) return industries.error();
            std::vector<ChainSummaryView> out;
            for (const auto& c : *chains) {
                auto s = summarise(tx, who, c, *area, *industries);
                if (!s) return s.error();
                out.push_back(std::move(*s));
            }
            return out;
        });
}

Result<ChainTreeView> ChainService::tree(const Principal& who, std::int64_t chain_id, const ChainAreaRequest& at) {
    return store::read_value<ChainTreeView>(store_, [&](store::Tx& tx) -> Result<ChainTreeView> {
        auto chain = load_chain(tx, chain_id);
        if (!chain) return chain.error();
        auto area = resolve_chain_area(tx, who, at);
        if (!area) return area.error();
        auto industries = tx.list_industries();
        if (!industries) return industries.error();
        std::vector<domain::ChainNode> nodes;
        std::vector<store::ChainPresenceRow> rows;
        auto summary = summarise(tx, who, *chain, *area, *industries, &nodes, &rows);
        if (!summary) return summary.error();
        auto owners = tx.chain_owners(chain_id);
        if (!owners) return owners.error();
        std::vector<std::int64_t> owner_ids;
        for (const auto& o : *owners) owner_ids.push_back(o.id);
        auto hidden = hidden_enterprises(tx, who, std::move(owner_ids));
        if (!hidden) return hidden.error();
        std::erase_if(*owners, [&](const auto& o) { return (*hidden)(o.id); });
        auto ordered = domain::in_tree_order(nodes);
        auto coverage = domain::chain_coverage(ordered, as_presences(rows, "none"));
        return ChainTreeView{std::move(*summary), std::move(*area), std::move(*owners), std::move(ordered),
                             std::move(coverage)};
    });
}

Result<ChainNodeItems> ChainService::node_items(const Principal& who, std::int64_t chain_id, std::int64_t node_id,
                                                const ChainAreaRequest& at) {
    return store::read_value<ChainNodeItems>(store_, [&](store::Tx& tx) -> Result<ChainNodeItems> {
        auto chain = load_chain(tx, chain_id);
        if (!chain) return chain.error();
        auto area = resolve_chain_area(tx, who, at);
        if (!area) return area.error();
        auto nodes = tx.list_chain_nodes(chain_id);
        if (!nodes) return nodes.error();
        const auto it = std::find_if(nodes->begin(), nodes->end(), [&](const auto& n) { return n.id == node_id; });
        if (it == nodes->end()) return Error::not_found("产业链节点", "chain node");
        auto rows = tx.chain_presence(who.scope, chain_id, area->area);
        if (!rows) return rows.error();
        auto [enterprises, projects] = items_below(*nodes, node_id, *rows);
        mask_project_names(who, projects);
        auto suppliers = tx.list_chain_suppliers(chain_id);
        if (!suppliers) return suppliers.error();
        const auto ids = domain::subtree_ids(*nodes, node_id);
        std::erase_if(*suppliers, [&](const store::ChainSupplier& s) {
            return std::find(ids.begin(), ids.end(), s.node_id) == ids.end();
        });
        if (auto r = keep_visible_owners(tx, who, *suppliers); !r) return r.error();
        auto views = supplier_views(tx, std::move(*suppliers));
        if (!views) return views.error();
        return ChainNodeItems{*it, std::move(*area), std::move(enterprises), std::move(projects), std::move(*views)};
    });
}

Result<ChainTargetsView> ChainService::targets(const Principal& who, std::int64_t chain_id,
                                               const ChainAreaRequest& at) {
    return store::read_value<ChainTargetsView>(store_, [&](store::Tx& tx) -> Result<ChainTargetsView> {
        auto chain = load_chain(tx, chain_id);
        if (!chain) return chain.error();
        auto area = resolve_chain_area(tx, who, at);
        if (!area) return area.error();
        ChainTargetsView out{*area, {}};
        auto nodes = tx.list_chain_nodes(chain_id);
        if (!nodes) return nodes.error();
        auto own = tx.chain_presence(who.scope, chain_id, area->area);
        if (!own) return own.error();
        std::vector<store::ChainPresenceRow> around;
        if (area->neighbour_prefix) {
            auto rows = tx.chain_presence(who.scope, chain_id, store::ChainArea{area->neighbour_prefix, std::nullopt});
            if (!rows) return rows.error();
            around = std::move(*rows);
            std::erase_if(around, [&](const store::ChainPresenceRow& r) {
                return area->neighbours == "cities" ? r.city_code == area->code
                                                    : std::to_string(r.zone_id) == area->code;
            });
            mask_project_names(who, around);
        }
        auto suppliers = outside_suppliers(tx, who, chain_id, *area);
        if (!suppliers) return suppliers.error();
        std::vector<domain::SupplierAt> supplier_at;
        for (const auto& s : *suppliers) supplier_at.push_back({s.supplier.node_id, s.supplier.id});
        auto regions = tx.list_regions();
        if (!regions) return regions.error();
        for (const auto& t : domain::chain_targets(*nodes, as_presences(*own, "none"),
                                                   as_presences(around, area->neighbours), supplier_at)) {
            const auto node =
                *std::find_if(nodes->begin(), nodes->end(), [&](const auto& n) { return n.id == t.node_id; });
            ChainTargetView view{node, path_of(*nodes, node), t.strong_places, t.total_items, t.investment, {}, {}};
            for (const auto id : t.suppliers) {
                for (const auto& s : *suppliers) {
                    if (s.supplier.id == id) view.suppliers.push_back(s);
                }
            }
            for (const auto& p : t.places) {
                TargetPlaceView place{p, p.place, p.place, {}, {}};
                auto [enterprises, projects] = items_below(*nodes, node.id, around, p.place, area->neighbours);
                for (const auto& e : enterprises) place.enterprises.push_back(e.name);
                if (area->neighbours == "zones" && !projects.empty())
                    place.name_zh = place.name_en = projects[0].zone_name;
                if (area->neighbours == "zones" && projects.empty() && !enterprises.empty()) {
                    place.name_zh = place.name_en = enterprises[0].zone_name;
                }
                for (const auto& r : *regions) {
                    if (area->neighbours == "cities" && r.code.str() == p.place) {
                        place.name_zh = r.name_zh;
                        place.name_en = r.name_en;
                    }
                }
                place.projects = std::move(projects);
                view.places.push_back(std::move(place));
            }
            out.items.push_back(std::move(view));
        }
        return out;
    });
}

}  // namespace sanpi::service
