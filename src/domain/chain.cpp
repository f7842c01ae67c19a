#include "domain/chain.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "domain/enum_table.hpp"
#include "domain/field_checks.hpp"

namespace sanpi::domain {
namespace {

using detail::EnumEntry;

constexpr std::array<EnumEntry<ChainSegment>, 3> kSegments{{
    {ChainSegment::kUpstream, "upstream", "上游"},
    {ChainSegment::kMidstream, "midstream", "中游"},
    {ChainSegment::kDownstream, "downstream", "下游"},
}};

// Characters (UTF-8 code points) in `s`.
std::size_t characters(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

const ChainNode* find_node(const std::vector<ChainNode>& nodes, std::int64_t id) {
    for (const auto& n : nodes) {
        if (n.id == id) return &n;
    }
    return nullptr;
}

// Levels below `root` in its subtree (0: a leaf).
int height_below(const std::vector<ChainNode>& nodes, std::int64_t root) {
    int best = 0;
    for (const auto& n : nodes) {
        if (n.parent_id == root && n.id != root) best = std::max(best, 1 + height_below(nodes, n.id));
    }
    return best;
}

void check_node_name(std::vector<FieldError>& out, const std::string& name) {
    if (is_blank(name)) {
        add_field_error(out, "name", "名称不能为空", "name must not be empty");
    } else if (characters(name) > kMaxChainNameLength) {
        add_field_error(out, "name", "名称不能超过100个字", "name must be at most 100 characters");
    }
}

}  // namespace

std::string_view to_string(ChainSegment s) { return detail::entry_of(kSegments, s).name; }
std::string_view label_zh(ChainSegment s) { return detail::entry_of(kSegments, s).label_zh; }
std::optional<ChainSegment> chain_segment_from_string(std::string_view s) {
    for (const auto& e : kSegments) {
        if (e.name == s || e.label_zh == s) return e.value;
    }
    return std::nullopt;
}

std::vector<FieldError> validate_chain(const Chain& c) {
    std::vector<FieldError> out;
    check_node_name(out, c.name);
    if (is_blank(c.industry_code)) add_field_error(out, "industry", "请选择产业", "industry is required");
    if (characters(c.leader_post) > kMaxLeaderPostLength) {
        add_field_error(out, "leader_post", "链长职务不能超过100个字", "leader_post must be at most 100 characters");
    }
    return out;
}

std::vector<std::int64_t> subtree_ids(const std::vector<ChainNode>& nodes, std::int64_t root) {
    std::vector<std::int64_t> out{root};
    for (std::size_t i = 0; i < out.size(); ++i) {
        for (const auto& n : nodes) {
            if (n.parent_id == out[i] && n.id != out[i]) out.push_back(n.id);
        }
    }
    return out;
}

int node_depth(const std::vector<ChainNode>& nodes, const ChainNode& node) {
    int depth = 1;
    std::set<std::int64_t> seen{node.id};
    for (auto parent = node.parent_id; parent; ++depth) {
        const auto* p = find_node(nodes, *parent);
        if (p == nullptr || !seen.insert(p->id).second) break;
        parent = p->parent_id;
    }
    return depth;
}

std::vector<FieldError> validate_node_placement(const std::vector<ChainNode>& chain_nodes, const ChainNode& node,
                                                bool other_chain_parent) {
    std::vector<FieldError> out;
    check_node_name(out, node.name);
    const ChainNode* parent = nullptr;
    if (node.parent_id) {
        parent = find_node(chain_nodes, *node.parent_id);
        if (other_chain_parent) {
            add_field_error(out, "parent_id", "上级节点属于另一条产业链", "parent belongs to another chain");
        } else if (parent == nullptr) {
            add_field_error(out, "parent_id", "上级节点不存在", "no such parent node");
        } else if (node.id != 0) {
            const auto below = subtree_ids(chain_nodes, node.id);
            if (std::find(below.begin(), below.end(), *node.parent_id) != below.end()) {
                add_field_error(out, "parent_id", "不能移到自身或其下级节点之下（形成环）",
                                "a node cannot move under itself or one of its descendants (a cycle)");
                parent = nullptr;
            }
        }
    }
    if (parent != nullptr && parent->segment != node.segment) {
        add_field_error(out, "segment", "下级节点的环节须与上级节点相同",
                        "a child node's segment must be its parent's");
    }
    if (parent != nullptr) {
        const int depth =
            node_depth(chain_nodes, *parent) + 1 + (node.id != 0 ? height_below(chain_nodes, node.id) : 0);
        if (depth > kMaxChainDepth) {
            add_field_error(out, "parent_id", "产业链最多四级节点", "a chain is at most four levels deep");
        }
    }
    for (const auto& sibling : chain_nodes) {
        if (sibling.id != node.id && sibling.parent_id == node.parent_id && sibling.name == node.name &&
            (node.parent_id || sibling.segment == node.segment)) {
            add_field_error(out, "name", "同一上级节点下已有同名节点", "a sibling node already has this name");
            break;
        }
    }
    return out;
}

std::vector<ChainNode> in_tree_order(const std::vector<ChainNode>& nodes) {
    std::map<std::optional<std::int64_t>, std::vector<const ChainNode*>> children;
    for (const auto& n : nodes) children[n.parent_id].push_back(&n);
    for (auto& [parent, list] : children) {
        std::sort(list.begin(), list.end(), [](const ChainNode* a, const ChainNode* b) {
            if (a->segment != b->segment) return a->segment < b->segment;
            if (a->sort_order != b->sort_order) return a->sort_order < b->sort_order;
            return a->id < b->id;
        });
    }
    std::vector<ChainNode> out;
    std::set<std::int64_t> placed;
    auto visit = [&](auto&& self, std::optional<std::int64_t> parent) -> void {
        for (const auto* n : children[parent]) {
            if (!placed.insert(n->id).second) continue;
            out.push_back(*n);
            self(self, n->id);
        }
    };
    visit(visit, std::nullopt);
    return out;
}

}  // namespace sanpi::domain
