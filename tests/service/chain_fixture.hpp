#pragma once
// A small hand-made chain over the demo for the chain tests, with exact figures:
//   材料 (upstream) -> 正极 (leaf A), 负极 (leaf B);  电池 (midstream, leaf);  整车 (downstream, leaf).
// Projects: P1 (1亿) and P2 (2亿) of taiyuan-zgq at 正极, both by enterprise E1; P3 (5亿) of
// datong-etdz at 电池 by E2. Enterprises mapped: E1 at 正极, E2 at 电池, E3 (no project) at 负极.
#include <set>

#include "audit_fixture.hpp"
#include "service/chain_service.hpp"

namespace sanpi::testing {

class ChainTest : public AuditTest {
protected:
    service::ChainService chains() { return service::ChainService(store(), clock_); }

    struct Made {
        std::int64_t chain = 0, materials = 0, cathode = 0, anode = 0, battery = 0, vehicle = 0;
        std::int64_t e1 = 0, e2 = 0, e3 = 0;
        std::int64_t p1 = 0, p2 = 0, p3 = 0;
    };

    template <class T>
    static T ok(Result<T> r) {
        EXPECT_TRUE(r) << (r ? "" : r.error().message.en);
        return std::move(*r);
    }

    std::int64_t node(std::int64_t chain, std::optional<std::int64_t> parent, const std::string& name,
                      const std::string& segment = "") {
        service::NodeInput in;
        in.name = name;
        if (!segment.empty()) in.segment = segment;
        in.parent_set = true;
        in.parent_id = parent;
        return ok(chains().add_node(as("province"), chain, in)).id;
    }

    std::int64_t project(const std::string& zone_code, std::int64_t node_id, std::int64_t yi, std::int64_t investor,
                         const std::string& name) {
        service::ProjectPatch p;
        p.name = name;
        p.zone_id = zone(zone_code).id;
        p.industry_code = "new_energy";
        p.investor_ids = std::vector<std::int64_t>{investor};
        p.total_investment = domain::Money::from_fen(yi * domain::Money::kFenPerYi);
        p.chain_node_id = std::optional<std::int64_t>(node_id);
        return ok(projects().create(as("province"), p)).project.id;
    }

    Made make_chain() {
        Made m;
        m.chain = ok(chains().create(as("province"), {std::string("测试产业链"), std::string("new_energy"),
                                                      std::string("副省长 测试")}))
                      .id;
        m.materials = node(m.chain, std::nullopt, "材料", "upstream");
        m.cathode = node(m.chain, m.materials, "正极");
        m.anode = node(m.chain, m.materials, "负极");
        m.battery = node(m.chain, std::nullopt, "电池", "midstream");
        m.vehicle = node(m.chain, std::nullopt, "整车", "下游");
        m.e1 = fresh_enterprise('1', "链测试企业一有限公司");
        m.e2 = fresh_enterprise('2', "链测试企业二有限公司");
        m.e3 = fresh_enterprise('3', "链测试无项目企业有限公司");
        m.p1 = project("taiyuan-zgq", m.cathode, 1, m.e1, "链测试项目一");
        m.p2 = project("taiyuan-zgq", m.cathode, 2, m.e1, "链测试项目二");
        m.p3 = project("datong-etdz", m.battery, 5, m.e2, "链测试项目三");
        EXPECT_TRUE(chains().map_enterprise(as("province"), m.chain, m.cathode, m.e1, true));
        EXPECT_TRUE(chains().map_enterprise(as("province"), m.chain, m.battery, m.e2, true));
        EXPECT_TRUE(chains().map_enterprise(as("province"), m.chain, m.anode, m.e3, true));
        return m;
    }

    // A new enterprise with no project yet.
    std::int64_t fresh_enterprise(char tag, const std::string& name) {
        const std::string first16 = std::string("91140100MA0K0CH") + tag;
        for (char c = '0'; c <= '9'; ++c) {
            auto code = domain::CreditCode::check_character(first16 + c);
            if (!code) continue;
            domain::Enterprise e{0,
                                 name,
                                 domain::CreditCode::parse(first16 + c + *code).value(),
                                 domain::Ownership::kPrivate,
                                 domain::ChainRole::kSupporting,
                                 true};
            auto id = store::write_value<std::int64_t>(store(), [&](store::Tx& tx) { return tx.insert_enterprise(e); });
            if (id) return *id;
        }
        ADD_FAILURE() << "no enterprise made";
        return 0;
    }

    service::ChainTreeView tree(const std::string& user, std::int64_t chain, service::ChainAreaRequest at) {
        return ok(chains().tree(as(user), chain, at));
    }

    static domain::NodeCoverage at(const service::ChainTreeView& t, std::int64_t node_id) {
        for (std::size_t i = 0; i < t.nodes.size(); ++i) {
            if (t.nodes[i].id == node_id) return t.coverage[i];
        }
        ADD_FAILURE() << "no node " << node_id;
        return {};
    }

    std::int64_t chain_version(std::int64_t chain) {
        return ok(store::read_value<std::optional<domain::Chain>>(store(),
                                                                  [&](store::Tx& tx) { return tx.get_chain(chain); }))
            ->version;
    }
    std::size_t node_count(std::int64_t chain) {
        return ok(store::read_value<std::vector<domain::ChainNode>>(
                      store(), [&](store::Tx& tx) { return tx.list_chain_nodes(chain); }))
            .size();
    }
};

}  // namespace sanpi::testing
