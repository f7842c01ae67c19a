// Industry chains (产业链): the list with coverage, a chain's tree for an area, a node's items, the
// target list, and the province's writes (chains with If-Match, nodes, enterprise mappings, owners).
#include "http/codec_chains.hpp"
#include "http/handlers.hpp"
#include "http/if_match.hpp"

namespace sanpi::http {

namespace {

const Text kChainResource{"产业链", "chain"};
const Text kSupplierResource{"链主供应商", "supplier"};

Response no_content() {
    Response res;
    res.status = 204;
    return res;
}

Response chain_response(int status, const domain::Chain& chain) {
    auto res = json_response(status, to_json(chain));
    res.set("ETag", strong_etag(chain.version));
    return res;
}

Response list_chains(Context& ctx) {
    auto area = parse_chain_area(ctx.query);
    if (auto* p = problem_in(area)) return fail(ctx, *p);
    auto list = ctx.services.chains.list(ctx.who(), std::get<service::ChainAreaRequest>(area));
    if (!list) return fail(ctx, list.error());
    return json_response(200, chains_json(*list, ctx.lang));
}

Response get_chain(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto area = parse_chain_area(ctx.query);
    if (auto* p = problem_in(area)) return fail(ctx, *p);
    auto tree =
        ctx.services.chains.tree(ctx.who(), std::get<std::int64_t>(id), std::get<service::ChainAreaRequest>(area));
    if (!tree) return fail(ctx, tree.error());
    auto res = json_response(200, chain_tree_json(*tree, ctx.lang));
    res.set("ETag", strong_etag(tree->summary.chain.version));
    return res;
}

Response get_node(Context& ctx) {
    auto id = path_id(ctx, 0);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto node = path_id(ctx, 1);
    if (auto* p = problem_in(node)) return fail(ctx, *p);
    auto area = parse_chain_area(ctx.query);
    if (auto* p = problem_in(area)) return fail(ctx, *p);
    auto items = ctx.services.chains.node_items(ctx.who(), std::get<std::int64_t>(id), std::get<std::int64_t>(node),
                                                std::get<service::ChainAreaRequest>(area));
    if (!items) return fail(ctx, items.error());
    return json_response(200, chain_node_items_json(*items, ctx.lang));
}

Response get_targets(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto area = parse_chain_area(ctx.query);
    if (auto* p = problem_in(area)) return fail(ctx, *p);
    auto targets =
        ctx.services.chains.targets(ctx.who(), std::get<std::int64_t>(id), std::get<service::ChainAreaRequest>(area));
    if (!targets) return fail(ctx, targets.error());
    return json_response(200, chain_targets_json(*targets, ctx.lang));
}

Response create_chain(Context& ctx) {
    if (auto p = require_json_body(ctx)) return fail(ctx, *p);
    auto input = decode_chain_input(ctx.request.body);
    if (auto* p = problem_in(input)) return fail(ctx, *p);
    auto chain = ctx.services.chains.create(ctx.who(), std::get<service::ChainInput>(input));
    if (!chain) return fail(ctx, chain.error());
    auto res = chain_response(201, *chain);
    res.set("Location", "/api/v1/chains/" + std::to_string(chain->id));
    return res;
}

Response update_chain(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto version = required_version(ctx, kChainResource);
    if (auto* p = problem_in(version)) return fail(ctx, *p);
    if (auto p = require_json_body(ctx)) return fail(ctx, *p);
    auto input = decode_chain_input(ctx.request.body);
    if (auto* p = problem_in(input)) return fail(ctx, *p);
    auto chain = ctx.services.chains.update(ctx.who(), std::get<std::int64_t>(id), std::get<std::int64_t>(version),
                                            std::get<service::ChainInput>(input));
    if (!chain) return fail(ctx, chain.error());
    return chain_response(200, *chain);
}

Response add_node(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    if (auto p = require_json_body(ctx)) return fail(ctx, *p);
    auto input = decode_node_input(ctx.request.body);
    if (auto* p = problem_in(input)) return fail(ctx, *p);
    auto node =
        ctx.services.chains.add_node(ctx.who(), std::get<std::int64_t>(id), std::get<service::NodeInput>(input));
    if (!node) return fail(ctx, node.error());
    auto res = json_response(201, to_json(*node));
    res.set("Location", "/api/v1/chains/" + std::to_string(node->chain_id) + "/nodes/" + std::to_string(node->id));
    return res;
}

// Node writes are based on the chain's ETag (a node write moves the chain's version on by one).
Response update_node(Context& ctx) {
    auto id = path_id(ctx, 0);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto node_id = path_id(ctx, 1);
    if (auto* p = problem_in(node_id)) return fail(ctx, *p);
    auto version = required_version(ctx, kChainResource);
    if (auto* p = problem_in(version)) return fail(ctx, *p);
    if (auto p = require_json_body(ctx)) return fail(ctx, *p);
    auto input = decode_node_input(ctx.request.body);
    if (auto* p = problem_in(input)) return fail(ctx, *p);
    const auto expected = std::get<std::int64_t>(version);
    auto node = ctx.services.chains.update_node(ctx.who(), std::get<std::int64_t>(id), std::get<std::int64_t>(node_id),
                                                expected, std::get<service::NodeInput>(input));
    if (!node) return fail(ctx, node.error());
    auto res = json_response(200, to_json(*node));
    res.set("ETag", strong_etag(expected + 1));
    return res;
}

Response delete_node(Context& ctx) {
    auto id = path_id(ctx, 0);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto node_id = path_id(ctx, 1);
    if (auto* p = problem_in(node_id)) return fail(ctx, *p);
    auto version = required_version(ctx, kChainResource);
    if (auto* p = problem_in(version)) return fail(ctx, *p);
    auto done = ctx.services.chains.delete_node(ctx.who(), std::get<std::int64_t>(id), std::get<std::int64_t>(node_id),
                                                std::get<std::int64_t>(version));
    if (!done) return fail(ctx, done.error());
    return no_content();
}

Response delete_chain(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto version = required_version(ctx, kChainResource);
    if (auto* p = problem_in(version)) return fail(ctx, *p);
    auto done =
        ctx.services.chains.delete_chain(ctx.who(), std::get<std::int64_t>(id), std::get<std::int64_t>(version));
    if (!done) return fail(ctx, done.error());
    return no_content();
}

Response list_suppliers(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto list = ctx.services.chains.suppliers(ctx.who(), std::get<std::int64_t>(id));
    if (!list) return fail(ctx, list.error());
    return json_response(200, suppliers_json(*list, ctx.lang));
}

Response supplier_response(Context& ctx, int status, const service::SupplierView& s) {
    auto res = json_response(status, supplier_json(s, ctx.lang));
    res.set("ETag", strong_etag(s.supplier.version));
    return res;
}

Response add_supplier(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    if (auto p = require_json_body(ctx)) return fail(ctx, *p);
    auto input = decode_supplier_input(ctx.request.body);
    if (auto* p = problem_in(input)) return fail(ctx, *p);
    auto s = ctx.services.chains.add_supplier(ctx.who(), std::get<std::int64_t>(id),
                                              std::get<service::SupplierInput>(input));
    if (!s) return fail(ctx, s.error());
    auto res = supplier_response(ctx, 201, *s);
    res.set("Location",
            "/api/v1/chains/" + std::to_string(s->supplier.chain_id) + "/suppliers/" + std::to_string(s->supplier.id));
    return res;
}

Response update_supplier(Context& ctx) {
    auto id = path_id(ctx, 0);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto supplier = path_id(ctx, 1);
    if (auto* p = problem_in(supplier)) return fail(ctx, *p);
    auto version = required_version(ctx, kSupplierResource);
    if (auto* p = problem_in(version)) return fail(ctx, *p);
    if (auto p = require_json_body(ctx)) return fail(ctx, *p);
    auto input = decode_supplier_input(ctx.request.body);
    if (auto* p = problem_in(input)) return fail(ctx, *p);
    auto s =
        ctx.services.chains.update_supplier(ctx.who(), std::get<std::int64_t>(id), std::get<std::int64_t>(supplier),
                                            std::get<std::int64_t>(version), std::get<service::SupplierInput>(input));
    if (!s) return fail(ctx, s.error());
    return supplier_response(ctx, 200, *s);
}

Response delete_supplier(Context& ctx) {
    auto id = path_id(ctx, 0);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto supplier = path_id(ctx, 1);
    if (auto* p = problem_in(supplier)) return fail(ctx, *p);
    auto version = required_version(ctx, kSupplierResource);
    if (auto* p = problem_in(version)) return fail(ctx, *p);
    auto done = ctx.services.chains.delete_supplier(ctx.who(), std::get<std::int64_t>(id),
                                                    std::get<std::int64_t>(supplier), std::get<std::int64_t>(version));
    if (!done) return fail(ctx, done.error());
    return no_content();
}

template <bool Mapped>
Response map_enterprise(Context& ctx) {
    auto id = path_id(ctx, 0);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto node_id = path_id(ctx, 1);
    if (auto* p = problem_in(node_id)) return fail(ctx, *p);
    auto enterprise = path_id(ctx, 2);
    if (auto* p = problem_in(enterprise)) return fail(ctx, *p);
    auto done =
        ctx.services.chains.map_enterprise(ctx.who(), std::get<std::int64_t>(id), std::get<std::int64_t>(node_id),
                                           std::get<std::int64_t>(enterprise), Mapped);
    if (!done) return fail(ctx, done.error());
    return no_content();
}

template <bool Owner>
Response set_owner(Context& ctx) {
    auto id = path_id(ctx, 0);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto enterprise = path_id(ctx, 1);
    if (auto* p = problem_in(enterprise)) return fail(ctx, *p);
    auto done =
        ctx.services.chains.set_owner(ctx.who(), std::get<std::int64_t>(id), std::get<std::int64_t>(enterprise), Owner);
    if (!done) return fail(ctx, done.error());
    return no_content();
}

}  // namespace

void add_chain_routes(Router& router) {
    router.add("GET", "/api/v1/chains", list_chains);
    router.add("POST", "/api/v1/chains", create_chain);
    router.add("GET", "/api/v1/chains/{id}", get_chain);
    router.add("PATCH", "/api/v1/chains/{id}", update_chain);
    router.add("DELETE", "/api/v1/chains/{id}", delete_chain);
    router.add("GET", "/api/v1/chains/{id}/suppliers", list_suppliers);
    router.add("POST", "/api/v1/chains/{id}/suppliers", add_supplier);
    router.add("PATCH", "/api/v1/chains/{id}/suppliers/{supplier_id}", update_supplier);
    router.add("DELETE", "/api/v1/chains/{id}/suppliers/{supplier_id}", delete_supplier);
    router.add("GET", "/api/v1/chains/{id}/targets", get_targets);
    router.add("POST", "/api/v1/chains/{id}/nodes", add_node);
    router.add("GET", "/api/v1/chains/{id}/nodes/{node_id}", get_node);
    router.add("PATCH", "/api/v1/chains/{id}/nodes/{node_id}", update_node);
    router.add("DELETE", "/api/v1/chains/{id}/nodes/{node_id}", delete_node);
    router.add("PUT", "/api/v1/chains/{id}/nodes/{node_id}/enterprises/{enterprise_id}", map_enterprise<true>);
    router.add("DELETE", "/api/v1/chains/{id}/nodes/{node_id}/enterprises/{enterprise_id}", map_enterprise<false>);
    router.add("PUT", "/api/v1/chains/{id}/owners/{enterprise_id}", set_owner<true>);
    router.add("DELETE", "/api/v1/chains/{id}/owners/{enterprise_id}", set_owner<false>);
}

}  // namespace sanpi::http
