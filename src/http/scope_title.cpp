#include "http/scope_title.hpp"

#include "report/bulletin_report.hpp"

namespace sanpi::http {

Result<domain::BulletinScope> caller_scope_title(Context& ctx, domain::BulletinLang lang) {
    std::vector<domain::Region> regions;
    std::vector<domain::Zone> zones;
    if (ctx.who().scope.kind == domain::Scope::Kind::kRegion) {
        auto found = ctx.services.catalog.regions(ctx.who());
        if (!found) return found.error();
        regions = std::move(*found);
    } else if (ctx.who().scope.kind == domain::Scope::Kind::kZone) {
        auto found = ctx.services.catalog.zones(ctx.who());
        if (!found) return found.error();
        zones = std::move(*found);
    }
    return report::bulletin_scope(ctx.who().scope, regions, zones, lang);
}

}  // namespace sanpi::http
