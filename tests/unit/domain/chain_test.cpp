// Industry chain trees: where a node may stand (cycles, parents in other chains, segments, sibling
// names, depth), tree order, and gaps and targets computed on a small hand-built tree.
#include "domain/chain.hpp"

#include <gtest/gtest.h>

#include "domain/chain_coverage.hpp"

namespace sanpi::domain {
namespace {

using S = ChainSegment;

ChainNode node(std::int64_t id, std::optional<std::int64_t> parent, std::string name, S segment = S::kUpstream,
               std::int32_t order = 0) {
    return ChainNode{id, 1, parent, std::move(name), segment, order};
}

// 1 材料 (upstream) -> 2 正极 -> 4 磷酸铁锂; 1 -> 3 负极; 5 电池 (midstream); 6 整车 (downstream).
std::vector<ChainNode> tree() {
    return {node(1, std::nullopt, "材料"),
            node(2, 1, "正极", S::kUpstream, 1),
            node(3, 1, "负极", S::kUpstream, 2),
            node(4, 2, "磷酸铁锂"),
            node(5, std::nullopt, "电池", S::kMidstream),
            node(6, std::nullopt, "整车", S::kDownstream)};
}

std::vector<std::string> fields(const std::vector<FieldError>& errors) {
    std::vector<std::string> out;
    for (const auto& e : errors) out.push_back(e.field);
    return out;
}

TEST(ChainSegmentTest, ParsesNamesAndChineseLabels) {
    EXPECT_EQ(chain_segment_from_string("upstream"), S::kUpstream);
    EXPECT_EQ(chain_segment_from_string("中游"), S::kMidstream);
    EXPECT_EQ(chain_segment_from_string("下游"), S::kDownstream);
    EXPECT_EQ(chain_segment_from_string("sideways"), std::nullopt);
    EXPECT_EQ(chain_segment_from_string(""), std::nullopt);
    EXPECT_EQ(label_zh(S::kUpstream), "上游");
}

TEST(ChainValidationTest, ChainNeedsNameAndIndustry) {
    EXPECT_TRUE(validate_chain({0, "氢能", "new_energy", "副省长 张三", 1}).empty());
    EXPECT_EQ(fields(validate_chain({0, " ", "", "", 1})), (std::vector<std::string>{"name", "industry"}));
    EXPECT_EQ(fields(validate_chain({0, std::string(101, 'a'), "x", std::string(101, 'b'), 1})),
              (std::vector<std::string>{"name", "leader_post"}));
}

TEST(ChainValidationTest, ANewLeafUnderAnExistingNodeIsAccepted) {
    EXPECT_TRUE(validate_node_placement(tree(), node(0, 3, "人造石墨")).empty());
    EXPECT_TRUE(validate_node_placement(tree(), node(0, std::nullopt, "材料", S::kMidstream)).empty())
        << "roots of different segments may share a name";
}

TEST(ChainValidationTest, MovingANodeUnderItselfOrItsDescendantIsACycle) {
    auto moved = tree()[0];
    moved.parent_id = 4;  // 材料 under 磷酸铁锂, its grandchild
    EXPECT_EQ(fields(validate_node_placement(tree(), moved)), (std::vector<std::string>{"parent_id"}));
    moved.parent_id = 1;  // under itself
    EXPECT_EQ(fields(validate_node_placement(tree(), moved)), (std::vector<std::string>{"parent_id"}));
    auto sideways = tree()[3];
    sideways.parent_id = 3;  // 磷酸铁锂 under 负极: fine
    EXPECT_TRUE(validate_node_placement(tree(), sideways).empty());
}

TEST(ChainValidationTest, UnknownParentAndParentInAnotherChainAreRefused) {
    const auto unknown = validate_node_placement(tree(), node(0, 99, "新节点"));
    ASSERT_EQ(fields(unknown), (std::vector<std::string>{"parent_id"}));
    EXPECT_EQ(unknown[0].message.en, "no such parent node");
    const auto other = validate_node_placement(tree(), node(0, 99, "新节点"), true);
    ASSERT_EQ(fields(other), (std::vector<std::string>{"parent_id"}));
    EXPECT_EQ(other[0].message.en, "parent belongs to another chain");
}

TEST(ChainValidationTest, AChildsSegmentIsItsParents) {
    EXPECT_EQ(fields(validate_node_placement(tree(), node(0, 5, "电芯", S::kUpstream))),
              (std::vector<std::string>{"segment"}));
    EXPECT_TRUE(validate_node_placement(tree(), node(0, 5, "电芯", S::kMidstream)).empty());
}

TEST(ChainValidationTest, EmptyAndDuplicateNamesAreRefused) {
    EXPECT_EQ(fields(validate_node_placement(tree(), node(0, 1, ""))), (std::vector<std::string>{"name"}));
    EXPECT_EQ(fields(validate_node_placement(tree(), node(0, 1, "负极"))), (std::vector<std::string>{"name"}));
    auto renamed = tree()[2];
    renamed.name = "负极";  // its own name: no clash with itself
    EXPECT_TRUE(validate_node_placement(tree(), renamed).empty());
    EXPECT_EQ(fields(validate_node_placement(tree(), node(0, std::nullopt, "材料"))),
              (std::vector<std::string>{"name"}));
}

TEST(ChainValidationTest, TreesAreAtMostFourLevelsDeep) {
    auto nodes = tree();
    nodes.push_back(node(7, 4, "三级"));
    EXPECT_TRUE(validate_node_placement(tree(), node(0, 4, "三级")).empty());  // level 4
    EXPECT_EQ(fields(validate_node_placement(nodes, node(0, 7, "五级"))), (std::vector<std::string>{"parent_id"}));
    auto moved = nodes[1];  // 正极 (with two levels below) under 负极 would reach level 5
    moved.parent_id = 3;
    EXPECT_EQ(fields(validate_node_placement(nodes, moved)), (std::vector<std::string>{"parent_id"}));
}

TEST(ChainTreeTest, TreeOrderIsSegmentThenOrderThenDepthFirst) {
    auto nodes = tree();
    std::reverse(nodes.begin(), nodes.end());
    std::vector<std::int64_t> ids;
    for (const auto& n : in_tree_order(nodes)) ids.push_back(n.id);
    EXPECT_EQ(ids, (std::vector<std::int64_t>{1, 2, 4, 3, 5, 6}));
    EXPECT_EQ(subtree_ids(tree(), 1), (std::vector<std::int64_t>{1, 2, 3, 4}));
    EXPECT_EQ(node_depth(tree(), tree()[3]), 3);
}

ChainPresence project(std::int64_t node, std::int64_t id, std::int64_t yuan, std::string place = {}) {
    return {node, false, id, Money::from_fen(yuan * 100), std::move(place)};
}
ChainPresence enterprise(std::int64_t node, std::int64_t id, std::string place = {}) {
    return {node, true, id, {}, std::move(place)};
}

TEST(ChainCoverageTest, CountsRollUpAndGapsAreEmptySubtrees) {
    // Project 10 at 磷酸铁锂 and again listed at 正极 (counted once), project 11 at 负极, enterprise 20 at
    // both 磷酸铁锂 and 负极 (once for 材料).
    const std::vector<ChainPresence> present{project(4, 10, 300), project(2, 10, 300), project(3, 11, 50),
                                             enterprise(4, 20), enterprise(3, 20)};
    const auto c = chain_coverage(tree(), present);
    ASSERT_EQ(c.size(), 6u);
    EXPECT_EQ(c[0].node_id, 1);
    EXPECT_EQ(c[0].projects, 2);
    EXPECT_EQ(c[0].enterprises, 1);
    EXPECT_EQ(c[0].investment, Money::from_fen(35000));
    EXPECT_FALSE(c[0].gap);
    EXPECT_EQ(c[1].projects, 1);  // 正极: project 10 once
    EXPECT_EQ(c[3].investment, Money::from_fen(30000));
    EXPECT_TRUE(c[4].gap);  // 电池: nothing
    EXPECT_TRUE(c[5].gap);
    const auto s = summarise_coverage(tree(), present);
    EXPECT_EQ(s.nodes, 6);
    EXPECT_EQ(s.leaves, 4);      // 磷酸铁锂, 负极, 电池, 整车
    EXPECT_EQ(s.gap_leaves, 2);  // 电池, 整车
    EXPECT_EQ(s.projects, 2);
    EXPECT_EQ(s.enterprises, 1);
}

TEST(ChainCoverageTest, AnInnerNodeIsAGapOnlyWhenAllItsLeavesAre) {
    const auto c = chain_coverage(tree(), {enterprise(3, 7)});
    EXPECT_FALSE(c[0].gap);  // 材料: 负极 has an enterprise
    EXPECT_TRUE(c[1].gap);   // 正极
    EXPECT_TRUE(c[3].gap);   // 磷酸铁锂
    EXPECT_FALSE(c[2].gap);
}

TEST(ChainTargetsTest, GapsWhereNeighboursAreStrongRankedByPlacesThenItems) {
    const std::vector<ChainPresence> own{project(4, 1, 100)};  // the region has 磷酸铁锂 only
    const std::vector<ChainPresence> around{
        project(5, 2, 500, "140200"), enterprise(5, 3, "140200"),  // 电池 in Datong: 2 items
        project(5, 4, 100, "140400"),                              // and in Changzhi: 1
        project(6, 5, 900, "140200"),                              // 整车 in Datong only, but 900
        project(4, 6, 100, "140200"),                              // 磷酸铁锂 is no gap here
        enterprise(3, 7, "140300"),   enterprise(3, 8, "140300"), enterprise(3, 9, "140300"),  // 负极: 1 place, 3
    };
    const auto targets = chain_targets(tree(), own, around);
    std::vector<std::int64_t> nodes;
    for (const auto& t : targets) nodes.push_back(t.node_id);
    // 电池 (2 places) first; then 负极 (1 place, 3 items) before 整车 (1 place, 1 item).
    EXPECT_EQ(nodes, (std::vector<std::int64_t>{5, 3, 6}));
    ASSERT_EQ(targets[0].places.size(), 2u);
    EXPECT_EQ(targets[0].places[0].place, "140200");
    EXPECT_EQ(targets[0].places[0].enterprises, 1);
    EXPECT_EQ(targets[0].places[0].projects, 1);
    EXPECT_EQ(targets[0].investment, Money::from_fen(60000));
    EXPECT_EQ(targets[0].total_items, 3);
}

TEST(ChainTargetsTest, NoNeighboursNoTargets) { EXPECT_TRUE(chain_targets(tree(), {}, {}).empty()); }

}  // namespace
}  // namespace sanpi::domain
