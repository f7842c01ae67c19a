#include "service/chain_area.hpp"

#include "service/project_identity.hpp"

namespace sanpi::service {
namespace {

Error bad_region() {
    return Error::invalid_field("region", "地区代码不在行政区划目录中", "region is not in the region dictionary");
}

// Where a whole scope is: its region, its zone's city, or for an unbounded scope the province when
// the dictionary holds one (several provinces: nowhere, no supplier counts as outside).
Result<std::optional<std::string>> scope_home_prefix(store::Tx& tx, const domain::Scope& scope) {
    if (scope.kind == domain::Scope::Kind::kRegion) return std::optional<std::string>(scope.region_prefix);
    if (scope.kind == domain::Scope::Kind::kZone) {
        auto zone = tx.get_zone(scope, scope.zone_id);
        if (!zone) return zone.error();
        if (!*zone) return std::optional<std::string>();
        return std::optional<std::string>((*zone)->region.city().scope_prefix());
    }
    auto regions = tx.list_regions();
    if (!regions) return regions.error();
    std::optional<std::string> out;
    for (const auto& r : *regions) {
        if (r.code.level() != domain::RegionLevel::kProvince) continue;
        if (out) return std::optional<std::string>();
        out = r.code.scope_prefix();
    }
    return out;
}

}  // namespace

Result<ChainAreaView> resolve_chain_area(store::Tx& tx, const Principal& who, const ChainAreaRequest& at) {
    ChainAreaView view;
    if (at.region && at.zone_id) {
        return Error::invalid_field("zone", "地区和开发区只能选一个", "give region or zone, not both");
    }
    if (at.zone_id) {
        auto zone = tx.get_zone(who.scope, *at.zone_id);
        if (!zone) return zone.error();
        if (!*zone) {
            return Error::invalid_field("zone", "开发区不存在或不在您的管辖范围内",
                                        "zone does not exist or is outside your scope");
        }
        view.kind = "zone";
        view.code = std::to_string((*zone)->id);
        view.name_zh = view.name_en = (*zone)->name;
        view.area.zone_id = (*zone)->id;
        view.neighbours = "zones";
        view.neighbour_prefix = (*zone)->region.city().scope_prefix();
        view.home_prefix = view.neighbour_prefix;  // a supplier is placed by region, not by zone
        return view;
    }
    if (!at.region) {
        view.kind = "scope";
        view.name_zh = "管辖范围";
        view.name_en = "your scope";
        view.neighbours = "none";
        auto home = scope_home_prefix(tx, who.scope);
        if (!home) return home.error();
        view.home_prefix = std::move(*home);
        return view;
    }
    auto code = domain::RegionCode::parse(*at.region, "region");
    if (!code) return code.error();
    auto regions = tx.list_regions();
    if (!regions) return regions.error();
    const domain::Region* region = nullptr;
    for (const auto& r : *regions) {
        if (r.code == *code) region = &r;
    }
    if (region == nullptr) return bad_region();
    view.code = code->str();
    view.name_zh = region->name_zh;
    view.name_en = region->name_en;
    view.area.region_prefix = code->scope_prefix();
    view.home_prefix = code->scope_prefix();
    switch (code->level()) {
        case domain::RegionLevel::kProvince:
            view.kind = "province";
            view.neighbours = "none";
            break;
        case domain::RegionLevel::kCity:
            view.kind = "city";
            view.neighbours = "cities";
            view.neighbour_prefix = code->province().scope_prefix();
            break;
        case domain::RegionLevel::kCounty:
            view.kind = "county";
            view.neighbours = "none";
            break;
    }
    return view;
}

Result<domain::Chain> load_chain(store::Tx& tx, std::int64_t chain_id) {
    auto chain = tx.get_chain(chain_id);
    if (!chain) return chain.error();
    if (!*chain) return Error::not_found("产业链", "chain");
    return **chain;
}

std::vector<domain::ChainPresence> as_presences(const std::vector<store::ChainPresenceRow>& rows,
                                                const std::string& neighbours) {
    std::vector<domain::ChainPresence> out;
    out.reserve(rows.size());
    for (const auto& r : rows) {
        std::string place;
        if (neighbours == "cities") place = r.city_code;
        if (neighbours == "zones") place = std::to_string(r.zone_id);
        out.push_back(domain::ChainPresence{r.node_id, r.enterprise, r.item_id, r.investment, std::move(place)});
    }
    return out;
}

void mask_project_names(const Principal& who, std::vector<store::ChainPresenceRow>& rows) {
    if (sees_every_name(who)) return;
    for (auto& r : rows) {
        if (r.enterprise) continue;
        const domain::CodeNameSubject subject{r.zone_id, r.region_code, r.stage, r.code_name};
        if (shows_code_name(who, subject)) r.name = r.code_name;
    }
}

}  // namespace sanpi::service
