// Dictionaries (regions, zones, industries) and the public health check.
#include "http/codec.hpp"
#include "http/handlers.hpp"

namespace sanpi::http {

namespace {

Response healthz(Context& ctx) {
    if (!ctx.services.catalog.ping()) return fail(ctx, Error::unavailable("数据库不可用", "the database is not reachable"));
    return json_response(200, {{"status", "ok"}});
}

template <class Fetch>
Response list_of(Context& ctx, Fetch fetch) {
    auto items = fetch(ctx.services.catalog, ctx.who());
    if (!items) return fail(ctx, items.error());
    return json_response(200, items_json(*items));
}

Response regions(Context& ctx) {
    return list_of(ctx, [](auto& catalog, const auto& who) { return catalog.regions(who); });
}

Response zones(Context& ctx) {
    return list_of(ctx, [](auto& catalog, const auto& who) { return catalog.zones(who); });
}

Response industries(Context& ctx) {
    return list_of(ctx, [](auto& catalog, const auto& who) { return catalog.industries(who); });
}

}  // namespace

void add_catalog_routes(Router& router) {
    router.add("GET", "/healthz", healthz, Access::kPublic);
    router.add("GET", "/api/v1/regions", regions);
    router.add("GET", "/api/v1/zones", zones);
    router.add("GET", "/api/v1/industries", industries);
}

}  // namespace sanpi::http
