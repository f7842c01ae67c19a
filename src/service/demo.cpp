#include "service/demo.hpp"

#include <map>

#include "domain/validation.hpp"
#include "service/demo_catalog.hpp"
#include "service/demo_identity.hpp"
#include "service/demo_projects.hpp"
#include "service/secrets.hpp"

namespace sanpi::service {

using domain::RegionCode;
using store::Tx;

namespace {

Result<void> load_dictionaries(Tx& tx) {
    auto province = RegionCode::parse(demo::kProvinceCode).value();
    if (auto r = tx.upsert_region({province, "山西省", "Shanxi", "shanxi"}); !r) return r;
    for (const auto& c : demo::shanxi_cities()) {
        auto code = RegionCode::parse(c.code).value();
        if (auto r = tx.upsert_region({code, std::string(c.name_zh), std::string(c.name_en), std::string(c.slug)}); !r) {
            return r;
        }
    }
    int order = 0;
    for (const auto& i : demo::report_industries()) {
        if (auto r = tx.upsert_industry({std::string(i.code), std::string(i.name_zh), std::string(i.name_en), ++order});
            !r) {
            return r;
        }
    }
    return {};
}

Result<std::vector<domain::Zone>> load_zones(Tx& tx, DemoReport& report) {
    std::vector<domain::Zone> zones;
    for (const auto& f : demo::shanxi_zones()) {
        auto found = tx.find_zone_by_code(f.slug);
        if (!found) return found.error();
        if (*found) {
            zones.push_back(**found);
            continue;
        }
        domain::Zone z{0, std::string(f.slug), std::string(f.name), f.level, RegionCode::parse(f.city_code).value(),
                       {}, std::string(f.slug)};
        for (auto i : f.industries) z.leading_industries.emplace_back(i);
        auto id = tx.insert_zone(z);
        if (!id) return id.error();
        z.id = *id;
        zones.push_back(std::move(z));
        ++report.zones;
    }
    return zones;
}

Result<std::vector<std::int64_t>> load_enterprises(Tx& tx, DemoReport& report) {
    std::vector<std::int64_t> ids;
    for (const auto& e : demo::synthetic_enterprises()) {
        auto found = tx.find_enterprise_by_credit_code(e.credit_code.str());
        if (!found) return found.error();
        if (*found) {
            ids.push_back((*found)->id);
            continue;
        }
        auto id = tx.insert_enterprise(e);
        if (!id) return id.error();
        ids.push_back(*id);
        ++report.enterprises;
    }
    return ids;
}

Result<std::int64_t> load_campaign(Tx& tx, domain::Date event) {
    auto found = tx.find_campaign_by_name(kDemoCampaignName);
    if (!found) return found.error();
    if (*found) return (*found)->id;
    domain::Campaign c{0, kDemoCampaignName, event, {}, 0};
    c.venues.push_back({"主会场：山西转型综合改革示范区", std::string(demo::kProvinceCode), true});
    for (const auto& city : demo::shanxi_cities()) {
        c.venues.push_back({std::string(city.name_zh) + "分会场", std::string(city.code), false});
    }
    return tx.insert_campaign(c);
}

Result<void> load_projects(Tx& tx, const std::vector<domain::Zone>& zones, const std::vector<std::int64_t>& investors,
                           std::int64_t campaign_id, domain::Date event, DemoReport& report) {
    for (auto& s : demo::synthetic_projects(zones, event)) {
        for (auto& investor : s.project.investor_ids) investor = investors[static_cast<std::size_t>(investor)];
        auto found = tx.find_project_by_code(s.project.code);
        if (!found) return found.error();
        std::int64_t id = *found ? (*found)->id : 0;
        if (!*found) {
            demo::add_identity(s.project, zones, event);
            // The generator must produce data the system itself would accept.
            if (auto problems = domain::validate_project(s.project, event); !problems.empty()) {
                return Error::internal("演示数据无效", "demo project " + s.project.code + " is invalid: " +
                                                           problems.front().field + " " + problems.front().message.en);
            }
            auto inserted = tx.insert_project(s.project);
            if (!inserted) return inserted.error();
            id = *inserted;
            ++report.projects;
        }
        if (!s.batch) continue;
        auto entry = tx.find_campaign_entry(id, *s.batch);
        if (!entry) return entry.error();
        if (!*entry) {
            if (auto r = tx.insert_campaign_entry({campaign_id, id, *s.batch}); !r) return r;
        }
    }
    return {};
}

struct Account {
    std::string name;
    domain::Role role;
    std::optional<RegionCode> region;
    std::optional<std::int64_t> zone_id;
};

std::vector<Account> demo_accounts(const std::vector<domain::Zone>& zones) {
    auto province = RegionCode::parse(demo::kProvinceCode).value();
    std::vector<Account> out = {{"province", domain::Role::kProvince, province, std::nullopt},
                                {"supervisor", domain::Role::kSupervisor, province, std::nullopt},
                                {"viewer", domain::Role::kViewer, province, std::nullopt}};
    for (const auto& c : demo::shanxi_cities()) {
        out.push_back({std::string(c.slug), domain::Role::kCity, RegionCode::parse(c.code).value(), std::nullopt});
    }
    for (const auto& z : zones) out.push_back({z.slug, domain::Role::kZone, z.region, z.id});
    return out;
}

// Existing demo accounts get the demo password back, so the README's log-in always works.
Result<void> load_users(Tx& tx, const std::vector<domain::Zone>& zones, const std::string& hash, DemoReport& report) {
    for (const auto& a : demo_accounts(zones)) {
        auto found = tx.find_user_by_name(a.name);
        if (!found) return found.error();
        if (*found) {
            domain::User u = **found;
            u.password_hash = hash;
            if (auto r = tx.update_user(u, u.version); !r) return r;
            continue;
        }
        domain::User u{0, a.name, a.role, a.region, a.zone_id, hash, true, 0};
        if (auto id = tx.insert_user(u); !id) return id.error();
        ++report.users;
    }
    return {};
}

}  // namespace

Result<DemoReport> load_demo(store::Store& store, const Clock&) {
    // One hash for every demo account: they share the published demo password anyway.
    auto hash = secrets::hash_password(kDemoPassword);
    if (!hash) return hash.error();
    const domain::Date event = domain::Date::from_ymd(2022, 6, 22).value();
    DemoReport report;
    auto r = store.write([&](Tx& tx) -> Result<void> {
        if (auto d = load_dictionaries(tx); !d) return d;
        auto zones = load_zones(tx, report);
        if (!zones) return zones.error();
        auto investors = load_enterprises(tx, report);
        if (!investors) return investors.error();
        auto campaign = load_campaign(tx, event);
        if (!campaign) return campaign.error();
        report.campaign_id = *campaign;
        if (auto p = load_projects(tx, *zones, *investors, *campaign, event, report); !p) return p;
        if (auto s = demo::load_planned_slips(tx, event); !s) return s;
        return load_users(tx, *zones, *hash, report);
    });
    if (!r) return r.error();
    report.created = report.projects > 0;
    return report;
}

}  // namespace sanpi::service
