#include "domain/chain_coverage.hpp"

#include <algorithm>
#include <tuple>

namespace sanpi::domain {
namespace {

struct Tally {
    std::set<std::int64_t> enterprises;
    std::map<std::int64_t, Money> projects;  // id -> investment
    Money investment() const {
        Money sum;
        for (const auto& [id, money] : projects) sum += money;
        return sum;
    }
};

// For each node, the nodes of its subtree.
std::map<std::int64_t, std::vector<std::int64_t>> subtrees(const std::vector<ChainNode>& nodes) {
    std::map<std::int64_t, std::vector<std::int64_t>> out;
    for (const auto& n : nodes) out[n.id] = subtree_ids(nodes, n.id);
    return out;
}

Tally tally(const std::vector<std::int64_t>& subtree,
            const std::map<std::int64_t, std::vector<const ChainPresence*>>& at) {
    Tally t;
    for (const auto id : subtree) {
        const auto it = at.find(id);
        if (it == at.end()) continue;
        for (const auto* p : it->second) {
            if (p->enterprise) {
                t.enterprises.insert(p->item_id);
            } else {
                t.projects.emplace(p->item_id, p->investment);
            }
        }
    }
    return t;
}

std::map<std::int64_t, std::vector<const ChainPresence*>> by_node(const std::vector<ChainPresence>& present) {
    std::map<std::int64_t, std::vector<const ChainPresence*>> at;
    for (const auto& p : present) at[p.node_id].push_back(&p);
    return at;
}

bool is_leaf(const std::vector<ChainNode>& nodes, std::int64_t id) {
    return std::none_of(nodes.begin(), nodes.end(), [&](const ChainNode& n) { return n.parent_id == id; });
}

}  // namespace

std::vector<NodeCoverage> chain_coverage(const std::vector<ChainNode>& nodes,
                                         const std::vector<ChainPresence>& present) {
    const auto below = subtrees(nodes);
    const auto at = by_node(present);
    std::vector<NodeCoverage> out;
    for (const auto& n : nodes) {
        const auto t = tally(below.at(n.id), at);
        NodeCoverage c{n.id, static_cast<std::int64_t>(t.enterprises.size()),
                       static_cast<std::int64_t>(t.projects.size()), t.investment(), false};
        c.gap = c.enterprises == 0 && c.projects == 0;
        out.push_back(c);
    }
    return out;
}

CoverageSummary summarise_coverage(const std::vector<ChainNode>& nodes, const std::vector<ChainPresence>& present) {
    CoverageSummary s;
    s.nodes = static_cast<std::int64_t>(nodes.size());
    const auto coverage = chain_coverage(nodes, present);
    for (const auto& c : coverage) {
        if (!is_leaf(nodes, c.node_id)) continue;
        ++s.leaves;
        if (c.gap) ++s.gap_leaves;
    }
    std::set<std::int64_t> ids;
    for (const auto& n : nodes) ids.insert(n.id);
    Tally all;
    for (const auto& p : present) {
        if (!ids.contains(p.node_id)) continue;
        if (p.enterprise) {
            all.enterprises.insert(p.item_id);
        } else {
            all.projects.emplace(p.item_id, p.investment);
        }
    }
    s.enterprises = static_cast<std::int64_t>(all.enterprises.size());
    s.projects = static_cast<std::int64_t>(all.projects.size());
    s.investment = all.investment();
    return s;
}

std::vector<ChainTarget> chain_targets(const std::vector<ChainNode>& nodes, const std::vector<ChainPresence>& own,
                                       const std::vector<ChainPresence>& neighbours,
                                       const std::vector<SupplierAt>& suppliers) {
    const auto ordered = in_tree_order(nodes);
    const auto below = subtrees(nodes);
    std::map<std::string, std::vector<ChainPresence>> by_place;
    for (const auto& p : neighbours) by_place[p.place].push_back(p);
    std::map<std::string, std::map<std::int64_t, std::vector<const ChainPresence*>>> at_place;
    for (const auto& [place, list] : by_place) at_place[place] = by_node(list);
    const auto coverage = chain_coverage(ordered, own);

    std::vector<std::pair<std::size_t, ChainTarget>> found;  // tree position, target
    for (std::size_t i = 0; i < ordered.size(); ++i) {
        if (!coverage[i].gap) continue;
        ChainTarget t{ordered[i].id, {}, {}, 0, 0, {}};
        const auto& subtree = below.at(ordered[i].id);
        for (const auto& s : suppliers) {
            if (std::find(subtree.begin(), subtree.end(), s.node_id) != subtree.end())
                t.suppliers.push_back(s.supplier_id);
        }
        for (const auto& [place, at] : at_place) {
            const auto tl = tally(below.at(ordered[i].id), at);
            TargetPlace tp{place, static_cast<std::int64_t>(tl.enterprises.size()),
                           static_cast<std::int64_t>(tl.projects.size()), tl.investment()};
            if (tp.enterprises + tp.projects == 0) continue;
            t.total_items += tp.enterprises + tp.projects;
            t.investment += tp.investment;
            t.places.push_back(std::move(tp));
        }
        if (t.places.empty() && t.suppliers.empty()) continue;
        t.strong_places = static_cast<std::int64_t>(t.places.size());
        std::sort(t.places.begin(), t.places.end(), [](const TargetPlace& a, const TargetPlace& b) {
            return std::tuple(b.enterprises + b.projects, b.investment, a.place) <
                   std::tuple(a.enterprises + a.projects, a.investment, b.place);
        });
        found.emplace_back(i, std::move(t));
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        return std::tuple(b.second.suppliers.size(), b.second.strong_places, b.second.total_items, b.second.investment,
                          a.first) < std::tuple(a.second.suppliers.size(), a.second.strong_places, a.second.total_items,
                                                a.second.investment, b.first);
    });
    std::vector<ChainTarget> out;
    for (auto& [pos, t] : found) out.push_back(std::move(t));
    return out;
}

}  // namespace sanpi::domain
