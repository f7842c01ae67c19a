// Industry chains on both backends: coverage and gaps on a hand-made chain (exact figures), scope
// inside the counts, target lists, writes audited, refusals writing nothing, and project writes
// checking their chain node.
#include "chain_fixture.hpp"

namespace sanpi::testing {
namespace {

using service::ChainAreaRequest;

ChainAreaRequest region(const std::string& code) { return {code, std::nullopt}; }

TEST_P(ChainTest, CityCoverageCountsItsOwnProjectsAndEnterprises) {
    const auto m = make_chain();
    const auto t = tree("province", m.chain, region("140100"));
    EXPECT_EQ(t.area.kind, "city");
    ASSERT_EQ(t.nodes.size(), 5u);
    const auto cathode = at(t, m.cathode);
    EXPECT_EQ(cathode.projects, 2);
    EXPECT_EQ(cathode.enterprises, 1);
    EXPECT_EQ(cathode.investment.to_decimal(domain::MoneyUnit::kYuan), "300000000");
    EXPECT_FALSE(cathode.gap);
    EXPECT_TRUE(at(t, m.anode).gap) << "E3 has no project, so no place";
    EXPECT_FALSE(at(t, m.materials).gap);
    EXPECT_EQ(at(t, m.materials).projects, 2);
    EXPECT_TRUE(at(t, m.battery).gap) << "P3 is in Datong";
    EXPECT_TRUE(at(t, m.vehicle).gap);
    EXPECT_EQ(t.summary.coverage.leaves, 4);
    EXPECT_EQ(t.summary.coverage.gap_leaves, 3);
    EXPECT_EQ(t.summary.coverage.projects, 2);
    EXPECT_EQ(t.summary.coverage.enterprises, 1);
}

TEST_P(ChainTest, ProvinceCoverageCountsEveryCity) {
    const auto m = make_chain();
    const auto t = tree("province", m.chain, region("140000"));
    EXPECT_EQ(t.area.kind, "province");
    EXPECT_EQ(at(t, m.battery).projects, 1);
    EXPECT_EQ(at(t, m.battery).investment.to_decimal(domain::MoneyUnit::kYuan), "500000000");
    EXPECT_EQ(t.summary.coverage.gap_leaves, 2);
    EXPECT_EQ(t.summary.coverage.investment.to_decimal(domain::MoneyUnit::kYuan), "800000000");
}

TEST_P(ChainTest, AZoneUserCountsOnlyItsOwnZone) {
    const auto m = make_chain();
    const auto own = tree("taiyuan-zgq", m.chain, {});
    EXPECT_EQ(at(own, m.cathode).projects, 2);
    EXPECT_TRUE(at(own, m.battery).gap);
    const auto datong = tree("taiyuan-zgq", m.chain, region("140200"));
    EXPECT_TRUE(at(datong, m.battery).gap) << "Datong's project is outside the zone user's scope";
    EXPECT_EQ(datong.summary.coverage.projects, 0);
    const auto city = tree("datong", m.chain, {});
    EXPECT_EQ(at(city, m.battery).projects, 1);
    EXPECT_EQ(at(city, m.cathode).projects, 0);
    auto other_zone = chains().tree(as("taiyuan-zgq"), m.chain, {std::nullopt, zone("datong-etdz").id});
    ASSERT_FALSE(other_zone);
    EXPECT_EQ(other_zone.error().fields.at(0).field, "zone");
}

TEST_P(ChainTest, NodeItemsListTheSubtreesEnterprisesAndProjects) {
    const auto m = make_chain();
    auto items = ok(chains().node_items(as("province"), m.chain, m.materials, region("140100")));
    ASSERT_EQ(items.projects.size(), 2u);
    EXPECT_EQ((std::set<std::int64_t>{items.projects[0].item_id, items.projects[1].item_id}),
              (std::set<std::int64_t>{m.p1, m.p2}));
    EXPECT_LT(items.projects[0].code, items.projects[1].code) << "by code";
    ASSERT_EQ(items.enterprises.size(), 1u);
    EXPECT_EQ(items.enterprises[0].item_id, m.e1);
    auto missing = chains().node_items(as("province"), m.chain, 999999, {});
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_P(ChainTest, TargetsAreGapsWhereOtherCitiesAreStrong) {
    const auto m = make_chain();
    auto targets = ok(chains().targets(as("province"), m.chain, region("140100")));
    EXPECT_EQ(targets.area.neighbours, "cities");
    ASSERT_EQ(targets.items.size(), 1u);
    const auto& t = targets.items[0];
    EXPECT_EQ(t.node.id, m.battery);
    ASSERT_EQ(t.places.size(), 1u);
    EXPECT_EQ(t.places[0].figures.place, "140200");
    EXPECT_EQ(t.places[0].name_zh, "大同市");
    EXPECT_EQ(t.places[0].figures.projects, 1);
    EXPECT_EQ(t.places[0].figures.enterprises, 1);
    ASSERT_EQ(t.places[0].projects.size(), 1u);
    EXPECT_EQ(t.places[0].projects[0].item_id, m.p3);
    // From Datong, Taiyuan is strong at 正极 and so at 材料 (both gaps in Datong, tied: tree order).
    auto from_datong = ok(chains().targets(as("province"), m.chain, region("140200")));
    ASSERT_EQ(from_datong.items.size(), 2u);
    EXPECT_EQ(from_datong.items[0].node.id, m.materials);
    EXPECT_EQ(from_datong.items[1].node.id, m.cathode);
    EXPECT_EQ(from_datong.items[0].total_items, 3) << "E1 and its two projects";
    // A zone's neighbours are its city's other zones: none has anything on this chain.
    auto zone_targets = ok(chains().targets(as("province"), m.chain, {std::nullopt, zone("taiyuan-bxg").id}));
    EXPECT_EQ(zone_targets.area.neighbours, "zones");
    ASSERT_FALSE(zone_targets.items.empty());
    EXPECT_EQ(zone_targets.items[0].places.at(0).figures.place, std::to_string(zone("taiyuan-zgq").id));
}

TEST_P(ChainTest, EveryWriteIsAudited) {
    const auto before = head_seq();
    const auto m = make_chain();
    std::map<std::string, int> actions;
    for (const auto& e : entries_after(before)) ++actions[e.action];
    EXPECT_EQ(actions["chain.create"], 1);
    EXPECT_EQ(actions["chain_node.create"], 5);
    EXPECT_EQ(actions["chain_node.map_enterprise"], 3);
    EXPECT_EQ(actions["project.create"], 3);
    const auto seq = head_seq();
    ASSERT_TRUE(chains().set_owner(as("province"), m.chain, m.e1, true));
    const auto owner = only_entry_after(seq);
    EXPECT_EQ(owner.action, "chain.add_owner");
    EXPECT_EQ(owner.entity_id, m.chain);
    const auto seq2 = head_seq();
    service::NodeInput rename;
    rename.name = "正极材料";
    ASSERT_TRUE(chains().update_node(as("province"), m.chain, m.cathode, chain_version(m.chain), rename));
    const auto renamed = only_entry_after(seq2);
    EXPECT_EQ(renamed.action, "chain_node.update");
    auto name = change_of(renamed, "name");
    ASSERT_TRUE(name && name->before && name->after);
    EXPECT_EQ(*name->before, "正极");
    EXPECT_EQ(*name->after, "正极材料");
    EXPECT_FALSE(verify().broken);
}

TEST_P(ChainTest, BadNodeWritesAreRefusedAndWriteNothing) {
    const auto m = make_chain();
    const auto version = chain_version(m.chain);
    const auto nodes = node_count(m.chain);
    const auto seq = head_seq();
    const auto expect_refused = [&](const Result<domain::ChainNode>& r, const std::string& field) {
        ASSERT_FALSE(r) << field;
        EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput) << field;
        ASSERT_FALSE(r.error().fields.empty()) << field;
        EXPECT_EQ(r.error().fields[0].field, field);
    };
    service::NodeInput cycle;
    cycle.parent_set = true;
    cycle.parent_id = m.cathode;
    expect_refused(chains().update_node(as("province"), m.chain, m.materials, chain_version(m.chain), cycle),
                   "parent_id");
    service::NodeInput unknown;
    unknown.name = "新节点";
    unknown.parent_set = true;
    unknown.parent_id = 99999999;
    expect_refused(chains().add_node(as("province"), m.chain, unknown), "parent_id");
    auto other_chain = ok(chains().list(as("province"), {}));
    ASSERT_GE(other_chain.size(), 2u) << "the demo's chains";
    auto demo_nodes = store::read_value<std::vector<domain::ChainNode>>(
        store(), [&](store::Tx& tx) { return tx.list_chain_nodes(other_chain[0].chain.id); });
    ASSERT_TRUE(demo_nodes && !demo_nodes->empty());
    service::NodeInput elsewhere;
    elsewhere.name = "新节点";
    elsewhere.parent_set = true;
    elsewhere.parent_id = demo_nodes->front().id;
    expect_refused(chains().add_node(as("province"), m.chain, elsewhere), "parent_id");
    service::NodeInput empty;
    empty.name = " ";
    empty.parent_set = true;
    empty.parent_id = m.materials;
    expect_refused(chains().add_node(as("province"), m.chain, empty), "name");
    service::NodeInput segment;
    segment.name = "新根";
    segment.segment = "sideways";
    expect_refused(chains().add_node(as("province"), m.chain, segment), "segment");
    service::NodeInput twice;
    twice.name = "负极";
    twice.parent_set = true;
    twice.parent_id = m.materials;
    expect_refused(chains().add_node(as("province"), m.chain, twice), "name");
    service::NodeInput by_city;
    by_city.name = "城市节点";
    by_city.segment = "upstream";
    auto forbidden = chains().add_node(as("taiyuan"), m.chain, by_city);
    ASSERT_FALSE(forbidden);
    EXPECT_EQ(forbidden.error().code, ErrorCode::kForbidden);
    auto in_use = chains().delete_node(as("province"), m.chain, m.materials, chain_version(m.chain));
    ASSERT_FALSE(in_use);
    EXPECT_EQ(in_use.error().code, ErrorCode::kConflict);

    EXPECT_EQ(chain_version(m.chain), version);
    EXPECT_EQ(node_count(m.chain), nodes);
    EXPECT_EQ(head_seq(), seq);
}

TEST_P(ChainTest, DeletingAnUnusedSubtreeAndStaleChainUpdates) {
    const auto m = make_chain();
    const auto leaf = node(m.chain, m.vehicle, "充换电");
    const auto seq = head_seq();
    ASSERT_TRUE(chains().delete_node(as("province"), m.chain, m.vehicle, chain_version(m.chain)));
    EXPECT_EQ(node_count(m.chain), 4u) << "整车 and its child 充换电 gone: six less two";
    EXPECT_EQ(only_entry_after(seq).action, "chain_node.delete");
    auto gone = chains().update_node(as("province"), m.chain, leaf, chain_version(m.chain), {});
    ASSERT_FALSE(gone);
    EXPECT_EQ(gone.error().code, ErrorCode::kNotFound);

    const auto version = chain_version(m.chain);
    auto stale =
        chains().update(as("province"), m.chain, version - 1, {std::string("改名"), std::nullopt, std::nullopt});
    ASSERT_FALSE(stale);
    EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
    auto renamed = chains().update(as("province"), m.chain, version, {std::string("改名"), std::nullopt, std::nullopt});
    ASSERT_TRUE(renamed) << renamed.error().message.en;
    EXPECT_EQ(renamed->version, version + 1);
    auto duplicate = chains().create(as("province"), {std::string("改名"), std::string("new_energy"), std::nullopt});
    ASSERT_FALSE(duplicate);
    EXPECT_EQ(duplicate.error().code, ErrorCode::kConflict);
    auto unknown_industry =
        chains().create(as("province"), {std::string("某链"), std::string("nothing"), std::nullopt});
    ASSERT_FALSE(unknown_industry);
    EXPECT_EQ(unknown_industry.error().fields.at(0).field, "industry");
}

TEST_P(ChainTest, ProjectWritesCheckTheirChainNode) {
    const auto m = make_chain();
    service::ProjectPatch p;
    p.chain_node_id = std::optional<std::int64_t>(987654321);
    const auto current = ok(projects().get(as("province"), m.p1));
    auto refused = projects().update(as("province"), m.p1, current.project.version, p);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().fields.at(0).field, "chain_node_id");
    p.chain_node_id = std::optional<std::int64_t>(m.anode);
    auto moved = projects().update(as("taiyuan-zgq"), m.p1, current.project.version, p);
    ASSERT_TRUE(moved) << moved.error().message.en;
    const auto t = tree("province", m.chain, region("140100"));
    EXPECT_EQ(at(t, m.anode).projects, 1);
    EXPECT_EQ(at(t, m.cathode).projects, 1);
}

TEST_P(ChainTest, TheDemoShipsChainsWithGapsThatDifferByCity) {
    auto list = ok(chains().list(as("province"), region("140000")));
    ASSERT_GE(list.size(), 5u);
    for (const auto& c : list) {
        EXPECT_GE(c.coverage.nodes, 15) << c.chain.name;
        EXPECT_LE(c.coverage.nodes, 30) << c.chain.name;
        EXPECT_GT(c.coverage.projects, 0) << c.chain.name;
    }
    const auto taiyuan = ok(chains().list(as("province"), region("140100")));
    const auto datong = ok(chains().list(as("province"), region("140200")));
    bool differ = false;
    std::int64_t taiyuan_gaps = 0;
    for (std::size_t i = 0; i < taiyuan.size(); ++i) {
        taiyuan_gaps += taiyuan[i].coverage.gap_leaves;
        differ = differ || taiyuan[i].coverage.gap_leaves != datong[i].coverage.gap_leaves;
    }
    EXPECT_GT(taiyuan_gaps, 0);
    EXPECT_TRUE(differ);
    std::int64_t owners = 0;
    for (const auto& c : list) owners += c.owners;
    EXPECT_GT(owners, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, ChainTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
