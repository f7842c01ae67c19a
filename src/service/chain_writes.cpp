// Industry chains written: chains, their nodes, enterprises mapped to nodes and chain owners.
// Province users only; each write checked whole before anything is stored, audited, and the
// chain's version moved on.
#include <algorithm>
#include <string>

#include "service/audit_trail.hpp"
#include "service/chain_area.hpp"
#include "service/chain_service.hpp"
#include "store/transact.hpp"

namespace sanpi::service {

Result<void> require_province(const Principal& who) {
    if (who.user.role == domain::Role::kProvince) return {};
    return Error::forbidden("只有省级用户可以修改产业链", "only province users may change industry chains");
}

Result<void> record_chain_write(store::Tx& tx, const Clock& clock, const Principal& who, std::string_view action,
                                std::string_view entity, std::int64_t id, const domain::FieldValues& before,
                                const domain::FieldValues& after) {
    auto r = AuditTrail(clock).record_change(tx, Actor::of(who), action, entity, id, before, after);
    if (!r) return r.error();
    return {};
}

Result<domain::Chain> load_chain_at(store::Tx& tx, std::int64_t chain_id, std::int64_t expected_version) {
    auto chain = load_chain(tx, chain_id);
    if (!chain) return chain.error();
    if (chain->version != expected_version) {
        return Error::conflict("产业链已被他人修改，请刷新后重试",
                               "the chain was changed by someone else; reload and retry");
    }
    return chain;
}

namespace {

domain::FieldValues chain_fields(const domain::Chain& c) {
    return {{"name", c.name}, {"industry", c.industry_code}, {"leader_post", c.leader_post}};
}

domain::FieldValues node_fields(const domain::ChainNode& n) {
    return {{"chain_id", std::to_string(n.chain_id)},
            {"parent_id", n.parent_id ? std::optional<std::string>(std::to_string(*n.parent_id)) : std::nullopt},
            {"name", n.name},
            {"segment", std::string(domain::to_string(n.segment))},
            {"order", std::to_string(n.sort_order)}};
}

Result<domain::ChainNode> node_of_chain(store::Tx& tx, std::int64_t chain_id, std::int64_t node_id) {
    auto node = tx.get_chain_node(node_id);
    if (!node) return node.error();
    if (!*node || (*node)->chain_id != chain_id) return Error::not_found("产业链节点", "chain node");
    return **node;
}

// Applies the parent and segment of `in` to `node`: a child takes its parent's segment (kInvalidInput
// when `in` names another), a root the one `in` names. `other_chain` is set when the parent is in
// another chain.
Result<void> place_node(store::Tx& tx, const NodeInput& in, domain::ChainNode& node, bool& other_chain) {
    if (in.parent_set) node.parent_id = in.parent_id;
    std::optional<domain::ChainSegment> named;
    if (in.segment) {
        named = domain::chain_segment_from_string(*in.segment);
        if (!named) {
            return Error::invalid_field("segment", "环节应为上游、中游或下游",
                                        "segment must be upstream, midstream or downstream");
        }
    }
    if (!node.parent_id) {
        if (named) node.segment = *named;
        return {};
    }
    auto parent = tx.get_chain_node(*node.parent_id);
    if (!parent) return parent.error();
    if (!*parent) return Error::invalid_field("parent_id", "上级节点不存在", "no such parent node");
    if ((*parent)->chain_id != node.chain_id) {
        other_chain = true;
        return {};
    }
    if (named && *named != (*parent)->segment) {
        return Error::invalid_field("segment", "下级节点的环节须与上级节点相同",
                                    "a child node's segment must be its parent's");
    }
    node.segment = (*parent)->segment;
    return {};
}

}  // namespace

Result<domain::Chain> create_chain_in(store::Tx& tx, const Clock& clock, const Principal& who, const ChainInput& in) {
    domain::Chain c{0, in.name.value_or(""), in.industry.value_or(""), in.leader_post.value_or(""), 1};
    if (auto problems = domain::validate_chain(c); !problems.empty()) return Error::invalid(std::move(problems));
    auto id = tx.insert_chain(c);
    if (!id) return id.error();
    c.id = *id;
    if (auto r = record_chain_write(tx, clock, who, "chain.create", "chain", c.id, {}, chain_fields(c)); !r)
        return r.error();
    return c;
}

Result<domain::ChainNode> add_node_in(store::Tx& tx, const Clock& clock, const Principal& who, std::int64_t chain_id,
                                      const NodeInput& in) {
    if (auto chain = load_chain(tx, chain_id); !chain) return chain.error();
    domain::ChainNode node;
    node.chain_id = chain_id;
    node.name = in.name.value_or("");
    if (!in.parent_id && !in.segment) {
        return Error::invalid_field("segment", "根节点须注明环节（上游、中游或下游）",
                                    "a root node needs a segment (upstream, midstream or downstream)");
    }
    bool other_chain = false;
    if (auto placed = place_node(tx, in, node, other_chain); !placed) return placed.error();
    auto nodes = tx.list_chain_nodes(chain_id);
    if (!nodes) return nodes.error();
    std::int32_t next = 1;
    for (const auto& n : *nodes) {
        if (n.parent_id == node.parent_id) next = std::max(next, n.sort_order + 1);
    }
    node.sort_order = in.order.value_or(next);
    if (auto problems = domain::validate_node_placement(*nodes, node, other_chain); !problems.empty()) {
        return Error::invalid(std::move(problems));
    }
    auto id = tx.insert_chain_node(node);
    if (!id) return id.error();
    node.id = *id;
    if (auto r = tx.touch_chain(chain_id); !r) return r.error();
    if (auto r = record_chain_write(tx, clock, who, "chain_node.create", "chain_node", node.id, {}, node_fields(node));
        !r) {
        return r.error();
    }
    return node;
}

Result<void> map_enterprise_in(store::Tx& tx, const Clock& clock, const Principal& who, std::int64_t chain_id,
                               std::int64_t node_id, std::int64_t enterprise_id, bool mapped) {
    if (auto chain = load_chain(tx, chain_id); !chain) return chain.error();
    if (auto node = node_of_chain(tx, chain_id, node_id); !node) return node.error();
    auto enterprise = tx.get_enterprise(enterprise_id);
    if (!enterprise) return enterprise.error();
    if (!*enterprise) return Error::not_found("企业", "enterprise");
    auto changed =
        mapped ? tx.map_chain_enterprise(node_id, enterprise_id) : tx.unmap_chain_enterprise(node_id, enterprise_id);
    if (!changed) return changed.error();
    if (!*changed) {
        if (mapped) return {};  // already mapped: nothing to write
        return Error::not_found("该节点的企业", "enterprise at this node");
    }
    if (auto r = tx.touch_chain(chain_id); !r) return r.error();
    const domain::FieldValues with{{"enterprise_id", std::to_string(enterprise_id)}};
    return record_chain_write(tx, clock, who, mapped ? "chain_node.map_enterprise" : "chain_node.unmap_enterprise",
                              "chain_node", node_id, mapped ? domain::FieldValues{} : with,
                              mapped ? with : domain::FieldValues{});
}

Result<void> set_owner_in(store::Tx& tx, const Clock& clock, const Principal& who, std::int64_t chain_id,
                          std::int64_t enterprise_id, bool owner) {
    if (auto chain = load_chain(tx, chain_id); !chain) return chain.error();
    auto enterprise = tx.get_enterprise(enterprise_id);
    if (!enterprise) return enterprise.error();
    if (!*enterprise) return Error::not_found("企业", "enterprise");
    if (!owner) {
        // Its suppliers are recorded as this owner's: they would point at an enterprise that is no
        // longer an owner of the chain.
        auto suppliers = tx.chain_owner_supplier_count(chain_id, enterprise_id);
        if (!suppliers) return suppliers.error();
        if (*suppliers > 0) {
            return Error::conflict("该链主企业仍记录有" + std::to_string(*suppliers) + "家供应商，请先删除",
                                   "the chain owner still has " + std::to_string(*suppliers) +
                                       " known suppliers recorded; delete them first");
        }
    }
    auto changed = tx.set_chain_owner(chain_id, enterprise_id, owner);
    if (!changed) return changed.error();
    if (!*changed) {
        if (owner) return {};
        return Error::not_found("该产业链的链主企业", "chain owner of this chain");
    }
    if (auto r = tx.touch_chain(chain_id); !r) return r.error();
    const domain::FieldValues with{{"owner_enterprise_id", std::to_string(enterprise_id)}};
    return record_chain_write(tx, clock, who, owner ? "chain.add_owner" : "chain.remove_owner", "chain", chain_id,
                              owner ? domain::FieldValues{} : with, owner ? with : domain::FieldValues{});
}

Result<domain::Chain> ChainService::create(const Principal& who, const ChainInput& in) {
    if (auto ok = require_province(who); !ok) return ok.error();
    return store::write_value<domain::Chain>(store_,
                                             [&](store::Tx& tx) { return create_chain_in(tx, clock_, who, in); });
}

Result<domain::Chain> ChainService::update(const Principal& who, std::int64_t chain_id, std::int64_t expected_version,
                                           const ChainInput& in) {
    if (auto ok = require_province(who); !ok) return ok.error();
    return store::write_value<domain::Chain>(store_, [&](store::Tx& tx) -> Result<domain::Chain> {
        auto before = load_chain(tx, chain_id);
        if (!before) return before.error();
        domain::Chain after = *before;
        if (in.name) after.name = *in.name;
        if (in.industry) after.industry_code = *in.industry;
        if (in.leader_post) after.leader_post = *in.leader_post;
        if (auto problems = domain::validate_chain(after); !problems.empty())
            return Error::invalid(std::move(problems));
        if (auto r = tx.update_chain(after, expected_version); !r) return r.error();
        if (auto r = record_chain_write(tx, clock_, who, "chain.update", "chain", chain_id, chain_fields(*before),
                                        chain_fields(after));
            !r) {
            return r.error();
        }
        return load_chain(tx, chain_id);
    });
}

Result<domain::ChainNode> ChainService::add_node(const Principal& who, std::int64_t chain_id, const NodeInput& in) {
    if (auto ok = require_province(who); !ok) return ok.error();
    return store::write_value<domain::ChainNode>(
        store_, [&](store::Tx& tx) { return add_node_in(tx, clock_, who, chain_id, in); });
}

Result<domain::ChainNode> ChainService::update_node(const Principal& who, std::int64_t chain_id, std::int64_t node_id,
                                                    std::int64_t expected_version, const NodeInput& in) {
    if (auto ok = require_province(who); !ok) return ok.error();
    return store::write_value<domain::ChainNode>(store_, [&](store::Tx& tx) -> Result<domain::ChainNode> {
        if (auto chain = load_chain_at(tx, chain_id, expected_version); !chain) return chain.error();
        auto before = node_of_chain(tx, chain_id, node_id);
        if (!before) return before.error();
        domain::ChainNode node = *before;
        if (in.name) node.name = *in.name;
        if (in.order) node.sort_order = *in.order;
        bool other_chain = false;
        if (auto placed = place_node(tx, in, node, other_chain); !placed) return placed.error();
        auto nodes = tx.list_chain_nodes(chain_id);
        if (!nodes) return nodes.error();
        if (auto problems = domain::validate_node_placement(*nodes, node, other_chain); !problems.empty()) {
            return Error::invalid(std::move(problems));
        }
        if (auto r = tx.update_chain_node(node); !r) return r.error();
        // A node that changes segment takes its subtree with it.
        if (node.segment != before->segment) {
            for (const auto id : domain::subtree_ids(*nodes, node_id)) {
                if (id == node_id) continue;
                auto child = std::find_if(nodes->begin(), nodes->end(), [&](const auto& n) { return n.id == id; });
                child->segment = node.segment;
                if (auto r = tx.update_chain_node(*child); !r) return r.error();
            }
        }
        if (auto r = tx.touch_chain(chain_id); !r) return r.error();
        if (auto r = record_chain_write(tx, clock_, who, "chain_node.update", "chain_node", node_id,
                                        node_fields(*before), node_fields(node));
            !r) {
            return r.error();
        }
        return node;
    });
}

Result<void> ChainService::delete_node(const Principal& who, std::int64_t chain_id, std::int64_t node_id,
                                       std::int64_t expected_version) {
    if (auto ok = require_province(who); !ok) return ok.error();
    return store_.write([&](store::Tx& tx) -> Result<void> {
        if (auto chain = load_chain_at(tx, chain_id, expected_version); !chain) return chain.error();
        auto node = node_of_chain(tx, chain_id, node_id);
        if (!node) return node.error();
        auto nodes = tx.list_chain_nodes(chain_id);
        if (!nodes) return nodes.error();
        const auto ids = domain::subtree_ids(*nodes, node_id);
        auto uses = tx.chain_node_uses(ids);
        if (!uses) return uses.error();
        if (uses->enterprises > 0 || uses->projects > 0 || uses->suppliers > 0) {
            return Error::conflict("该节点（含下级节点）仍有" + std::to_string(uses->enterprises) + "家企业、" +
                                       std::to_string(uses->projects) + "个项目、" + std::to_string(uses->suppliers) +
                                       "家链主供应商，请先解除关联",
                                   "the node (with its children) still has " + std::to_string(uses->enterprises) +
                                       " enterprises, " + std::to_string(uses->projects) + " projects and " +
                                       std::to_string(uses->suppliers) +
                                       " known suppliers mapped to it; unmap them first");
        }
        if (auto r = tx.delete_chain_nodes(ids); !r) return r.error();
        if (auto r = tx.touch_chain(chain_id); !r) return r.error();
        auto after = domain::FieldValues{};
        auto before = node_fields(*node);
        before["subtree_nodes"] = std::to_string(ids.size());
        return record_chain_write(tx, clock_, who, "chain_node.delete", "chain_node", node_id, before, after);
    });
}

Result<void> ChainService::delete_chain(const Principal& who, std::int64_t chain_id, std::int64_t expected_version) {
    if (auto ok = require_province(who); !ok) return ok.error();
    return store_.write([&](store::Tx& tx) -> Result<void> {
        auto chain = load_chain_at(tx, chain_id, expected_version);
        if (!chain) return chain.error();
        // Projects are the zones' records: the province does not rewrite them by deleting a chain.
        // Everything else that maps into the chain is the chain's own and goes with it.
        auto projects = tx.chain_projects(domain::Scope::all(), chain_id);
        if (!projects) return projects.error();
        if (!projects->empty()) {
            std::string codes;
            for (std::size_t i = 0; i < projects->size() && i < 5; ++i) codes += (i ? "、" : "") + (*projects)[i].code;
            if (projects->size() > 5) codes += "…";
            const auto n = std::to_string(projects->size());
            return Error::conflict("仍有" + n + "个项目关联到该产业链的节点（" + codes + "），请先解除关联",
                                   n + " projects still map to the chain's nodes (" + codes + "); unmap them first");
        }
        auto nodes = tx.list_chain_nodes(chain_id);
        if (!nodes) return nodes.error();
        auto mapped = tx.chain_node_enterprises(chain_id);
        if (!mapped) return mapped.error();
        auto owners = tx.chain_owners(chain_id);
        if (!owners) return owners.error();
        auto suppliers = tx.list_chain_suppliers(chain_id);
        if (!suppliers) return suppliers.error();
        if (auto r = tx.delete_chain(chain_id); !r) return r;
        auto before = chain_fields(*chain);
        before["nodes"] = std::to_string(nodes->size());
        before["enterprise_mappings"] = std::to_string(mapped->size());
        before["owners"] = std::to_string(owners->size());
        before["suppliers"] = std::to_string(suppliers->size());
        return record_chain_write(tx, clock_, who, "chain.delete", "chain", chain_id, before, {});
    });
}

Result<void> ChainService::map_enterprise(const Principal& who, std::int64_t chain_id, std::int64_t node_id,
                                          std::int64_t enterprise_id, bool mapped) {
    if (auto ok = require_province(who); !ok) return ok.error();
    return store_.write(
        [&](store::Tx& tx) { return map_enterprise_in(tx, clock_, who, chain_id, node_id, enterprise_id, mapped); });
}

Result<void> ChainService::set_owner(const Principal& who, std::int64_t chain_id, std::int64_t enterprise_id,
                                     bool owner) {
    if (auto ok = require_province(who); !ok) return ok.error();
    return store_.write([&](store::Tx& tx) { return set_owner_in(tx, clock_, who, chain_id, enterprise_id, owner); });
}

}  // namespace sanpi::service
