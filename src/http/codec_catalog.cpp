// Dictionaries and the signed-in user as JSON (campaigns: codec_campaign.cpp).
#include "domain/user.hpp"
#include "http/codec.hpp"

namespace sanpi::http {

namespace json = boost::json;

json::string money_json(domain::Money money) { return json::string(money.to_decimal(domain::MoneyUnit::kYuan)); }

json::object to_json(const domain::Region& region) {
    return {{"code", region.code.str()}, {"name", region.name_zh}, {"name_en", region.name_en}};
}

json::object to_json(const domain::Zone& zone) {
    json::array industries;
    for (const auto& code : zone.leading_industries) industries.emplace_back(code);
    return {{"id", zone.id},
            {"code", zone.code},
            {"name", zone.name},
            {"level", domain::to_string(zone.level)},
            {"region_code", zone.region.str()},
            {"leading_industries", std::move(industries)}};
}

json::object to_json(const domain::Industry& industry) {
    return {{"code", industry.code}, {"name", industry.name_zh}, {"name_en", industry.name_en}};
}

json::object to_json(const service::Principal& who) {
    json::object scope;
    switch (who.scope.kind) {
        case domain::Scope::Kind::kAll:
            scope["kind"] = "national";
            break;
        case domain::Scope::Kind::kRegion:
            scope["kind"] = "region";
            break;
        case domain::Scope::Kind::kZone:
            scope["kind"] = "zone";
            break;
    }
    if (who.user.region) scope["region_code"] = who.user.region->str();
    if (who.user.zone_id) scope["zone_id"] = *who.user.zone_id;
    return {{"id", who.user.id},
            {"name", who.user.name},
            {"role", domain::to_string(who.user.role)},
            {"scope", std::move(scope)},
            {"can_write_projects", who.user.can_write_projects()}};
}

}  // namespace sanpi::http
