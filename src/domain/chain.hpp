#pragma once
// Industry chains (产业链): a chain is a named tree of nodes, each in a segment of the chain
// (upstream 上游, midstream 中游, downstream 下游). A root's segment is chosen; a child's is its
// parent's, so a segment's subtree stays in it. Trees are at most kMaxChainDepth levels deep.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"

namespace sanpi::domain {

enum class ChainSegment { kUpstream, kMidstream, kDownstream };

std::string_view to_string(ChainSegment s);                                 // "upstream", "midstream", "downstream"
std::string_view label_zh(ChainSegment s);                                  // 上游, 中游, 下游
std::optional<ChainSegment> chain_segment_from_string(std::string_view s);  // the name or the Chinese label

inline constexpr int kMaxChainDepth = 4;
inline constexpr std::size_t kMaxChainNameLength = 100;
inline constexpr std::size_t kMaxLeaderPostLength = 100;

struct Chain {
    std::int64_t id = 0;
    std::string name;           // 新能源汽车
    std::string industry_code;  // the industry dictionary's code
    std::string leader_post;    // 链长, a post as text: "副省长 张三"
    std::int64_t version = 0;
};

struct ChainNode {
    std::int64_t id = 0;
    std::int64_t chain_id = 0;
    std::optional<std::int64_t> parent_id;  // none: a root
    std::string name;
    ChainSegment segment = ChainSegment::kUpstream;
    std::int32_t sort_order = 0;  // among its siblings
};

// Name present and at most kMaxChainNameLength characters, industry set, leader post at most
// kMaxLeaderPostLength characters.
std::vector<FieldError> validate_chain(const Chain& c);

// Whether `node` (new: id 0) may stand in `chain_nodes` (every node of its chain, `node`'s old
// self included when it exists) with its parent, name and segment: the name is not blank and at
// most kMaxChainNameLength characters; the parent is a node of the same chain (`other_chain_parent`
// tells that the parent exists in another chain), not the node itself nor one of its descendants
// (a cycle); no sibling has the same name; a child's segment is its parent's; the tree stays at
// most kMaxChainDepth deep.
std::vector<FieldError> validate_node_placement(const std::vector<ChainNode>& chain_nodes, const ChainNode& node,
                                                bool other_chain_parent = false);

// The ids of `root` and every node below it in `nodes`.
std::vector<std::int64_t> subtree_ids(const std::vector<ChainNode>& nodes, std::int64_t root);

// The nodes in tree order: roots by segment then order then id, each followed by its subtree.
std::vector<ChainNode> in_tree_order(const std::vector<ChainNode>& nodes);

// 1 for a root.
int node_depth(const std::vector<ChainNode>& nodes, const ChainNode& node);

}  // namespace sanpi::domain
