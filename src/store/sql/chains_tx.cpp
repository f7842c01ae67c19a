// Industry chains (m0020): chains, their nodes, enterprises mapped to nodes, chain owners, and a
// chain's projects and enterprises inside a scope and an area.
#include "store/sql/chains_sql.hpp"
#include "store/sql/conditions.hpp"
#include "store/sql/row.hpp"
#include "store/sql/sql_tx.hpp"

namespace sanpi::store::sql {

using namespace chains;

namespace {

domain::Chain read_chain(const Statement& st) {
    Row row(st);
    domain::Chain c;
    c.id = row.int64();
    c.name = row.text();
    c.industry_code = row.text();
    c.leader_post = row.text();
    c.version = row.int64();
    return c;
}

domain::ChainNode read_node(const Statement& st) {
    Row row(st);
    domain::ChainNode n;
    n.id = row.int64();
    n.chain_id = row.int64();
    n.parent_id = row.optional_int64();
    n.name = row.text();
    n.segment = row.enumeration(domain::chain_segment_from_string, "chain segment");
    n.sort_order = static_cast<std::int32_t>(row.int64());
    return n;
}

ChainEnterprise read_chain_enterprise(Row& row) {
    ChainEnterprise e;
    e.id = row.int64();
    e.name = row.text();
    e.credit_code = row.text();
    return e;
}

ChainPresenceRow read_presence(const Statement& st) {
    Row row(st);
    ChainPresenceRow r;
    r.node_id = row.int64();
    r.enterprise = row.boolean();
    r.item_id = row.int64();
    r.name = row.text();
    r.code = row.text();
    r.code_name = row.optional_text().value_or("");
    r.stage = row.enumeration(domain::stage_from_string, "stage");
    r.investment = row.money();
    r.zone_id = row.int64();
    r.zone_name = row.text();
    r.region_code = row.text();
    r.city_code = row.optional_text().value_or("");
    return r;
}

ForeignKeys chain_references(const domain::Chain& c) {
    return {ForeignKey{"industry", "SELECT 1 FROM industries WHERE code = ?", c.industry_code, "产业", "industry"}};
}

}  // namespace

Result<std::int64_t> SqlTx::insert_chain(const domain::Chain& c) {
    return atomically(
        [&]() -> Result<std::int64_t> {
            auto q = conn_.prepare(kInsertChain);
            bind_all(*q, c.name, c.industry_code, c.leader_post);
            return returned_id(*q);
        },
        chain_references(c));
}

Result<void> SqlTx::update_chain(const domain::Chain& c, std::int64_t expected_version) {
    return atomically(
        [&]() -> Result<void> {
            auto q = conn_.prepare(kUpdateChain);
            bind_all(*q, c.name, c.industry_code, c.leader_post, c.id, expected_version);
            run(*q);
            if (q->rows_affected() == 0) return stale_or_missing(kChainExists, c.id, "产业链", "chain");
            return {};
        },
        chain_references(c));
}

Result<void> SqlTx::touch_chain(std::int64_t chain_id) {
    return atomically([&]() -> Result<void> {
        auto q = conn_.prepare(kTouchChain);
        bind_all(*q, chain_id);
        run(*q);
        return {};
    });
}

Result<std::optional<domain::Chain>> SqlTx::get_chain(std::int64_t id) {
    return guarded([&]() -> Result<std::optional<domain::Chain>> {
        auto q = conn_.prepare(std::string(kChainSelect) + std::string(kChainById));
        bind_all(*q, id);
        if (!q->step()) return std::optional<domain::Chain>();
        return read_chain(*q);
    });
}

Result<std::optional<domain::Chain>> SqlTx::find_chain_by_name(std::string_view name) {
    return guarded([&]() -> Result<std::optional<domain::Chain>> {
        auto q = conn_.prepare(std::string(kChainSelect) + std::string(kChainByName));
        bind_all(*q, name);
        if (!q->step()) return std::optional<domain::Chain>();
        return read_chain(*q);
    });
}

Result<std::vector<domain::Chain>> SqlTx::list_chains() {
    return guarded([&]() -> Result<std::vector<domain::Chain>> {
        auto q = conn_.prepare(std::string(kChainSelect) + std::string(kChainOrder));
        std::vector<domain::Chain> out;
        while (q->step()) out.push_back(read_chain(*q));
        return out;
    });
}

Result<std::vector<domain::ChainNode>> SqlTx::list_chain_nodes(std::int64_t chain_id) {
    return guarded([&]() -> Result<std::vector<domain::ChainNode>> {
        auto q = conn_.prepare(std::string(kNodeSelect) + std::string(kNodesOfChain));
        bind_all(*q, chain_id);
        std::vector<domain::ChainNode> out;
        while (q->step()) out.push_back(read_node(*q));
        return out;
    });
}

Result<std::optional<domain::ChainNode>> SqlTx::get_chain_node(std::int64_t id) {
    return guarded([&]() -> Result<std::optional<domain::ChainNode>> {
        auto q = conn_.prepare(std::string(kNodeSelect) + std::string(kNodeById));
        bind_all(*q, id);
        if (!q->step()) return std::optional<domain::ChainNode>();
        return read_node(*q);
    });
}

Result<std::int64_t> SqlTx::insert_chain_node(const domain::ChainNode& n) {
    return atomically([&]() -> Result<std::int64_t> {
        auto q = conn_.prepare(kInsertNode);
        bind_all(*q, n.chain_id, n.parent_id, n.name, domain::to_string(n.segment), n.sort_order);
        return returned_id(*q);
    });
}

Result<void> SqlTx::update_chain_node(const domain::ChainNode& n) {
    return atomically([&]() -> Result<void> {
        auto q = conn_.prepare(kUpdateNode);
        bind_all(*q, n.parent_id, n.name, domain::to_string(n.segment), n.sort_order, n.id);
        run(*q);
        if (q->rows_affected() == 0) return Error::not_found("产业链节点", "chain node");
        return {};
    });
}

Result<void> SqlTx::delete_chain_nodes(const std::vector<std::int64_t>& ids) {
    return atomically([&]() -> Result<void> {
        // Children first (the ids come parents first), so no row refers to a deleted one.
        for (auto it = ids.rbegin(); it != ids.rend(); ++it) {
            auto mapped = conn_.prepare(kDeleteNodeEnterprises);
            bind_all(*mapped, *it);
            run(*mapped);
            auto q = conn_.prepare(kDeleteNode);
            bind_all(*q, *it);
            run(*q);
        }
        return {};
    });
}

Result<ChainNodeUses> SqlTx::chain_node_uses(const std::vector<std::int64_t>& ids) {
    return guarded([&]() -> Result<ChainNodeUses> {
        ChainNodeUses uses;
        for (const auto id : ids) {
            auto e = conn_.prepare(kNodeEnterpriseCount);
            bind_all(*e, id);
            if (e->step()) uses.enterprises += Row(*e).int64();
            auto p = conn_.prepare(kNodeProjectCount);
            bind_all(*p, id);
            if (p->step()) uses.projects += Row(*p).int64();
            auto s = conn_.prepare(kNodeSupplierCount);
            bind_all(*s, id);
            if (s->step()) uses.suppliers += Row(*s).int64();
        }
        return uses;
    });
}

Result<bool> SqlTx::chain_node_exists(std::int64_t id) {
    return guarded([&]() -> Result<bool> {
        auto q = conn_.prepare(std::string("SELECT 1 FROM chain_nodes") + std::string(kNodeById));
        bind_all(*q, id);
        return q->step();
    });
}

Result<bool> SqlTx::map_chain_enterprise(std::int64_t node_id, std::int64_t enterprise_id) {
    return atomically(
        [&]() -> Result<bool> {
            auto q = conn_.prepare(kMapEnterprise);
            bind_all(*q, node_id, enterprise_id);
            run(*q);
            return q->rows_affected() > 0;
        },
        {ForeignKey{"enterprise_id", "SELECT 1 FROM enterprises WHERE id = ?", enterprise_id, "企业", "enterprise"},
         ForeignKey{"node_id", "SELECT 1 FROM chain_nodes WHERE id = ?", node_id, "产业链节点", "chain node"}});
}

Result<bool> SqlTx::unmap_chain_enterprise(std::int64_t node_id, std::int64_t enterprise_id) {
    return atomically([&]() -> Result<bool> {
        auto q = conn_.prepare(kUnmapEnterprise);
        bind_all(*q, node_id, enterprise_id);
        run(*q);
        return q->rows_affected() > 0;
    });
}

Result<std::vector<ChainNodeEnterprise>> SqlTx::chain_node_enterprises(std::int64_t chain_id) {
    return guarded([&]() -> Result<std::vector<ChainNodeEnterprise>> {
        auto q = conn_.prepare(kNodeEnterprises);
        bind_all(*q, chain_id);
        std::vector<ChainNodeEnterprise> out;
        while (q->step()) {
            Row row(*q);
            ChainNodeEnterprise m;
            m.node_id = row.int64();
            m.enterprise = read_chain_enterprise(row);
            out.push_back(std::move(m));
        }
        return out;
    });
}

Result<std::vector<ChainEnterprise>> SqlTx::chain_owners(std::int64_t chain_id) {
    return guarded([&]() -> Result<std::vector<ChainEnterprise>> {
        auto q = conn_.prepare(kOwners);
        bind_all(*q, chain_id);
        std::vector<ChainEnterprise> out;
        while (q->step()) {
            Row row(*q);
            out.push_back(read_chain_enterprise(row));
        }
        return out;
    });
}

Result<bool> SqlTx::set_chain_owner(std::int64_t chain_id, std::int64_t enterprise_id, bool owner) {
    return atomically(
        [&]() -> Result<bool> {
            auto q = conn_.prepare(owner ? kAddOwner : kRemoveOwner);
            bind_all(*q, chain_id, enterprise_id);
            run(*q);
            return q->rows_affected() > 0;
        },
        {ForeignKey{"enterprise_id", "SELECT 1 FROM enterprises WHERE id = ?", enterprise_id, "企业", "enterprise"}});
}

namespace {

// The scope and area as terms that continue a query's own WHERE (" AND a AND b"; empty: none),
// over projects `p` and zones `z`.
Result<std::string> chain_area_terms(Conditions& where, const Scope& scope, const ChainArea& area) {
    if (auto scoped = add_scope(where, scope, "p.zone_id", "z.region_code"); !scoped) return scoped.error();
    if (area.region_prefix) {
        if (!is_digits(*area.region_prefix, 6)) {
            return Error::invalid_field("region", "地区代码应为数字", "region must be digits");
        }
        add_region_range(where, "z.region_code", *area.region_prefix);
    }
    if (area.zone_id) where.add("p.zone_id = ?", *area.zone_id);
    const std::string terms = where.where();  // " WHERE a AND b"
    return terms.empty() ? std::string() : " AND " + terms.substr(7);
}

}  // namespace

Result<std::vector<ChainPresenceRow>> SqlTx::chain_presence(const Scope& scope, std::int64_t chain_id,
                                                            const ChainArea& area) {
    return guarded([&]() -> Result<std::vector<ChainPresenceRow>> {
        Conditions where;
        auto tail = chain_area_terms(where, scope, area);
        if (!tail) return tail.error();
        std::vector<ChainPresenceRow> out;
        for (const auto text : {kProjectPresence, kEnterprisePresence}) {
            auto q = conn_.prepare(std::string(text) + *tail);
            q->bind_int64(1, chain_id);
            where.bind(*q, 2);
            while (q->step()) out.push_back(read_presence(*q));
        }
        return out;
    });
}

Result<std::vector<std::int64_t>> SqlTx::chain_owners_in_area(const Scope& scope, std::int64_t chain_id,
                                                              const ChainArea& area) {
    return guarded([&]() -> Result<std::vector<std::int64_t>> {
        Conditions where;
        auto tail = chain_area_terms(where, scope, area);
        if (!tail) return tail.error();
        auto q = conn_.prepare(std::string(kOwnersInArea) + *tail);
        q->bind_int64(1, chain_id);
        where.bind(*q, 2);
        std::vector<std::int64_t> out;
        while (q->step()) out.push_back(Row(*q).int64());
        return out;
    });
}

Result<std::vector<ChainProject>> SqlTx::chain_projects(const Scope& scope, std::int64_t chain_id) {
    return guarded([&]() -> Result<std::vector<ChainProject>> {
        Conditions where;
        auto tail = chain_area_terms(where, scope, {});
        if (!tail) return tail.error();
        auto q = conn_.prepare(std::string(kChainProjects) + *tail + std::string(kChainProjectsOrder));
        q->bind_int64(1, chain_id);
        where.bind(*q, 2);
        std::vector<ChainProject> out;
        while (q->step()) {
            Row row(*q);
            ChainProject p;
            p.id = row.int64();
            p.node_id = row.int64();
            p.code = row.text();
            p.version = row.int64();
            out.push_back(std::move(p));
        }
        return out;
    });
}

Result<void> SqlTx::delete_chain(std::int64_t chain_id) {
    return atomically([&]() -> Result<void> {
        for (const auto text : {kDeleteChainSuppliers, kDeleteChainOwners, kDeleteChainMappings, kUnparentChainNodes,
                                kDeleteChainNodes, kDeleteChain}) {
            auto q = conn_.prepare(text);
            bind_all(*q, chain_id);
            run(*q);
        }
        return {};
    });
}

}  // namespace sanpi::store::sql
