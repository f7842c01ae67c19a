// Known suppliers of chain owners (checked, audited, versioned), the target list's suppliers half,
// a whole chain's deletion, and node writes on the chain's version.
#include <set>

#include "chain_fixture.hpp"

namespace sanpi::testing {
namespace {

service::SupplierInput supplier_at(std::int64_t owner, std::int64_t node, const std::string& name,
                                   const std::string& region) {
    service::SupplierInput in;
    in.owner_id = owner;
    in.node_id = node;
    in.name = name;
    in.region = region;
    return in;
}

service::ChainAreaRequest supplier_area(const std::string& code) { return {code, std::nullopt}; }

std::vector<std::int64_t> target_nodes(const service::ChainTargetsView& t) {
    std::vector<std::int64_t> out;
    for (const auto& item : t.items) out.push_back(item.node.id);
    return out;
}

std::set<std::string> supplier_names(const service::ChainTargetView& t) {
    std::set<std::string> out;
    for (const auto& s : t.suppliers) out.insert(s.supplier.name);
    return out;
}

TEST_P(ChainTest, SuppliersAreCheckedAuditedAndVersioned) {
    const auto m = make_chain();
    ASSERT_TRUE(chains().set_owner(as("province"), m.chain, m.e1, true));
    const auto version = chain_version(m.chain);
    const auto seq = head_seq();

    service::SupplierInput bad = supplier_at(m.e2, 99999999, " ", "99");
    bad.credit_code = std::optional<std::string>("123");
    auto refused = chains().add_supplier(as("province"), m.chain, bad);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::kInvalidInput);
    std::set<std::string> fields;
    for (const auto& f : refused.error().fields) fields.insert(f.field);
    EXPECT_EQ(fields, (std::set<std::string>{"name", "credit_code", "region", "owner_id", "node_id"}));
    const auto good = supplier_at(m.e1, m.vehicle, "苏州整车配套有限公司", "320500");
    auto by_city = chains().add_supplier(as("taiyuan"), m.chain, good);
    ASSERT_FALSE(by_city);
    EXPECT_EQ(by_city.error().code, ErrorCode::kForbidden);
    EXPECT_EQ(head_seq(), seq);
    EXPECT_EQ(chain_version(m.chain), version);

    const auto made = ok(chains().add_supplier(as("province"), m.chain, good));
    EXPECT_EQ(made.supplier.version, 1);
    EXPECT_EQ(made.supplier.owner_name, "链测试企业一有限公司");
    EXPECT_EQ(made.region_name_zh, "苏州市");
    EXPECT_FALSE(made.supplier.credit_code);
    EXPECT_EQ(only_entry_after(seq).action, "chain_supplier.create");
    EXPECT_EQ(chain_version(m.chain), version + 1);

    service::SupplierInput edit;
    edit.region = "440300";
    auto stale = chains().update_supplier(as("province"), m.chain, made.supplier.id, 0, edit);
    ASSERT_FALSE(stale);
    EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
    const auto seq2 = head_seq();
    const auto moved = ok(chains().update_supplier(as("province"), m.chain, made.supplier.id, 1, edit));
    EXPECT_EQ(moved.supplier.version, 2);
    EXPECT_EQ(moved.supplier.region_code, "440300");
    const auto update = only_entry_after(seq2);
    EXPECT_EQ(update.action, "chain_supplier.update");
    auto region = change_of(update, "region");
    ASSERT_TRUE(region && region->before && region->after);
    EXPECT_EQ(*region->before, "320500");

    // Its owner and its node stay while it is recorded.
    auto unmark = chains().set_owner(as("province"), m.chain, m.e1, false);
    ASSERT_FALSE(unmark);
    EXPECT_EQ(unmark.error().code, ErrorCode::kConflict);
    auto node_in_use = chains().delete_node(as("province"), m.chain, m.vehicle, chain_version(m.chain));
    ASSERT_FALSE(node_in_use);
    EXPECT_EQ(node_in_use.error().code, ErrorCode::kConflict);

    auto stale_delete = chains().delete_supplier(as("province"), m.chain, made.supplier.id, 1);
    ASSERT_FALSE(stale_delete);
    EXPECT_EQ(stale_delete.error().code, ErrorCode::kConflict);
    ASSERT_TRUE(chains().delete_supplier(as("province"), m.chain, made.supplier.id, 2));
    EXPECT_TRUE(ok(chains().suppliers(as("viewer"), m.chain)).empty());
    auto gone = chains().delete_supplier(as("province"), m.chain, made.supplier.id, 2);
    ASSERT_FALSE(gone);
    EXPECT_EQ(gone.error().code, ErrorCode::kNotFound);
    EXPECT_FALSE(verify().broken);
}

TEST_P(ChainTest, TargetsListGapsWhereTheAreasOwnersHaveSuppliersOutsideIt) {
    const auto m = make_chain();
    ASSERT_TRUE(chains().set_owner(as("province"), m.chain, m.e1, true));  // E1 invests in Taiyuan only
    ok(chains().add_supplier(as("province"), m.chain, supplier_at(m.e1, m.vehicle, "苏州整车配套有限公司", "320500")));
    ok(chains().add_supplier(as("province"), m.chain, supplier_at(m.e1, m.anode, "大同负极材料有限公司", "140200")));
    ok(chains().add_supplier(as("province"), m.chain, supplier_at(m.e1, m.anode, "太原本地配套有限公司", "140100")));

    // Taiyuan's gaps: 负极 and 整车 (a supplier outside Taiyuan each; tied, tree order), then 电池
    // (Datong is strong there). The supplier in Taiyuan itself is no target. Taiyuan's own users see
    // no other city's data, so no strong neighbour, but the suppliers all the same.
    for (const auto* user : {"province", "taiyuan"}) {
        const auto taiyuan = ok(chains().targets(as(user), m.chain, supplier_area("140100")));
        const bool province = std::string(user) == "province";
        EXPECT_EQ(target_nodes(taiyuan), province ? (std::vector<std::int64_t>{m.anode, m.vehicle, m.battery})
                                                  : (std::vector<std::int64_t>{m.anode, m.vehicle}))
            << user;
        ASSERT_EQ(taiyuan.items.size(), province ? 3u : 2u);
        EXPECT_EQ(supplier_names(taiyuan.items[0]), std::set<std::string>{"大同负极材料有限公司"});
        EXPECT_EQ(supplier_names(taiyuan.items[1]), std::set<std::string>{"苏州整车配套有限公司"});
        if (!province) continue;
        EXPECT_TRUE(taiyuan.items[2].suppliers.empty());
        EXPECT_EQ(taiyuan.items[2].strong_places, 1);
    }
    // The province: only the supplier outside Shanxi, at 整车 (a gap everywhere).
    const auto shanxi = ok(chains().targets(as("province"), m.chain, supplier_area("140000")));
    EXPECT_EQ(target_nodes(shanxi), std::vector<std::int64_t>{m.vehicle});
    EXPECT_EQ(supplier_names(shanxi.items.at(0)), std::set<std::string>{"苏州整车配套有限公司"});
    // Datong has no chain owner: its targets are its neighbours' as before.
    const auto datong = ok(chains().targets(as("province"), m.chain, supplier_area("140200")));
    EXPECT_EQ(target_nodes(datong), (std::vector<std::int64_t>{m.materials, m.cathode}));
    for (const auto& t : datong.items) EXPECT_TRUE(t.suppliers.empty());

    // A node's items list the suppliers of its subtree.
    const auto materials = ok(chains().node_items(as("viewer"), m.chain, m.materials, {}));
    EXPECT_EQ(materials.suppliers.size(), 2u);
}

TEST_P(ChainTest, DeletingAChainTakesItsOwnPartsAndWaitsForItsProjects) {
    const auto m = make_chain();
    ASSERT_TRUE(chains().set_owner(as("province"), m.chain, m.e1, true));
    ok(chains().add_supplier(as("province"), m.chain, supplier_at(m.e1, m.vehicle, "苏州整车配套有限公司", "320500")));
    const auto version = chain_version(m.chain);
    auto by_city = chains().delete_chain(as("taiyuan"), m.chain, version);
    ASSERT_FALSE(by_city);
    EXPECT_EQ(by_city.error().code, ErrorCode::kForbidden);
    auto mapped = chains().delete_chain(as("province"), m.chain, version);
    ASSERT_FALSE(mapped);
    EXPECT_EQ(mapped.error().code, ErrorCode::kConflict);
    EXPECT_NE(mapped.error().message.en.find("3 projects"), std::string::npos) << mapped.error().message.en;

    for (const auto id : {m.p1, m.p2, m.p3}) {
        service::ProjectPatch unmap;
        unmap.chain_node_id = std::optional<std::int64_t>();
        const auto v = ok(projects().get(as("province"), id)).project.version;
        ASSERT_TRUE(projects().update(as("province"), id, v, unmap));
    }
    auto stale = chains().delete_chain(as("province"), m.chain, version - 1);
    ASSERT_FALSE(stale);
    EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
    const auto seq = head_seq();
    ASSERT_TRUE(chains().delete_chain(as("province"), m.chain, version));
    const auto entry = only_entry_after(seq);
    EXPECT_EQ(entry.action, "chain.delete");
    auto nodes = change_of(entry, "nodes");
    ASSERT_TRUE(nodes && nodes->before);
    EXPECT_EQ(*nodes->before, "5");
    auto gone = chains().tree(as("province"), m.chain, {});
    ASSERT_FALSE(gone);
    EXPECT_EQ(gone.error().code, ErrorCode::kNotFound);
    EXPECT_EQ(node_count(m.chain), 0u);
    // Its enterprises are still there, and can own another chain's nodes.
    EXPECT_TRUE(ok(projects().get(as("province"), m.p1)).project.investor_ids.size() == 1u);
    EXPECT_FALSE(verify().broken);
}

TEST_P(ChainTest, NodeWritesNeedTheChainsCurrentVersion) {
    const auto m = make_chain();
    const auto version = chain_version(m.chain);
    service::NodeInput rename;
    rename.name = "整车制造";
    auto stale = chains().update_node(as("province"), m.chain, m.vehicle, version - 1, rename);
    ASSERT_FALSE(stale);
    EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
    ASSERT_TRUE(chains().update_node(as("province"), m.chain, m.vehicle, version, rename));
    EXPECT_EQ(chain_version(m.chain), version + 1);
    auto stale_delete = chains().delete_node(as("province"), m.chain, m.vehicle, version);
    ASSERT_FALSE(stale_delete);
    EXPECT_EQ(stale_delete.error().code, ErrorCode::kConflict);
    ASSERT_TRUE(chains().delete_node(as("province"), m.chain, m.vehicle, version + 1));
}

}  // namespace
}  // namespace sanpi::testing
