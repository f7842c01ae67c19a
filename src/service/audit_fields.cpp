#include "service/audit_fields.hpp"

#include <algorithm>

namespace sanpi::service {

using domain::FieldValues;

std::string audit_text(domain::Money amount) { return amount.to_decimal(domain::MoneyUnit::kYuan); }

std::optional<std::string> audit_text(const std::optional<domain::Date>& date) {
    if (!date) return std::nullopt;
    return date->iso();
}

std::string audit_text(bool flag) { return flag ? "true" : "false"; }

std::string audit_list(const std::vector<std::int64_t>& values) {
    std::string out;
    for (auto v : values) out += (out.empty() ? "" : ",") + std::to_string(v);
    return out;
}

std::string audit_list(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : ",") + v;
    return out;
}

std::string audit_centimu(std::int64_t centimu) {
    const bool negative = centimu < 0;
    const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(centimu) : static_cast<std::uint64_t>(centimu);
    std::string out = (negative ? "-" : "") + std::to_string(magnitude / 100);
    const auto frac = magnitude % 100;
    if (frac != 0) {
        out += '.';
        out += static_cast<char>('0' + frac / 10);
        if (frac % 10 != 0) out += static_cast<char>('0' + frac % 10);
    }
    return out;
}

FieldValues audit_fields(const domain::User& u) {
    FieldValues f;
    f["name"] = u.name;
    f["role"] = std::string(domain::to_string(u.role));
    f["region_code"] = u.region ? std::optional<std::string>(u.region->str()) : std::nullopt;
    f["zone_id"] = u.zone_id ? std::optional<std::string>(std::to_string(*u.zone_id)) : std::nullopt;
    f["active"] = audit_text(u.active);
    f["display_name"] = u.display_name;
    f["must_change_password"] = audit_text(u.must_change_password);
    return f;
}

std::vector<domain::FieldChange> user_changes(const std::optional<domain::User>& before, const domain::User& after) {
    auto changes = domain::diff_fields(before ? audit_fields(*before) : FieldValues{}, audit_fields(after));
    const bool created = !before;
    if (created || before->password_hash != after.password_hash) {
        domain::FieldChange password{"password", created ? std::nullopt : std::optional<std::string>("(hidden)"),
                                     created ? "(set)" : "(changed)"};
        // Kept in field-name order, like the rest of the diff.
        auto at = std::find_if(changes.begin(), changes.end(), [](const auto& c) { return c.field > "password"; });
        changes.insert(at, std::move(password));
    }
    return changes;
}

FieldValues audit_fields(const domain::Zone& z) {
    return {{"code", z.code},
            {"name", z.name},
            {"level", std::string(domain::to_string(z.level))},
            {"region_code", z.region.str()},
            {"leading_industries", audit_list(z.leading_industries)},
            {"slug", z.slug}};
}

FieldValues audit_fields(const domain::Enterprise& e) {
    return {{"name", e.name},
            {"credit_code", e.credit_code.str()},
            {"ownership", std::string(domain::to_string(e.ownership))},
            {"chain_role", std::string(domain::to_string(e.chain_role))},
            {"synthetic", audit_text(e.synthetic)}};
}

FieldValues audit_fields(const domain::Campaign& c) {
    FieldValues f{{"name", c.name},
                  {"date", c.date.iso()},
                  {"year", std::to_string(c.year)},
                  {"sequence", std::to_string(c.sequence)},
                  {"status", std::string(domain::to_string(c.status))}};
    if (c.held_on) f["held_on"] = c.held_on->iso();
    for (std::size_t i = 0; i < c.venues.size(); ++i) {
        const auto& v = c.venues[i];
        const std::string key = "venues[" + std::to_string(i) + "]";
        f[key + ".name"] = v.name;
        f[key + ".region_code"] = v.region_code;
        f[key + ".main"] = audit_text(v.main);
        if (v.zone_id) f[key + ".zone_id"] = std::to_string(*v.zone_id);
    }
    return f;
}

FieldValues audit_fields(const domain::Region& r) {
    return {{"code", r.code.str()}, {"name_zh", r.name_zh}, {"name_en", r.name_en}, {"slug", r.slug}};
}

FieldValues audit_fields(const domain::Industry& i) {
    return {{"code", i.code}, {"name_zh", i.name_zh}, {"name_en", i.name_en}, {"sort_order", std::to_string(i.sort_order)}};
}

}  // namespace sanpi::service
