#include "service/demo.hpp"

#include <map>

#include "domain/validation.hpp"
#include "service/audit_fields.hpp"
#include "service/audit_trail.hpp"
#include "service/campaign_workflow.hpp"
#include "service/demo_audit.hpp"
#include "service/demo_catalog.hpp"
#include "service/demo_chains.hpp"
#include "service/demo_coordination.hpp"
#include "service/demo_identity.hpp"
#include "service/demo_projects.hpp"
#include "service/demo_photos.hpp"
#include "service/demo_reports.hpp"
#include "service/light_keeper.hpp"
#include "service/secrets.hpp"

namespace sanpi::service {

using domain::RegionCode;
using store::Tx;

namespace {

// A dictionary row created, or changed since the last run. Rows are keyed by text codes, so the
// entry always lists the code, unchanged on an update; regions' numeric codes are also their id.
template <class Row>
Result<void> record_dictionary_row(const DemoAudit& audit, std::string_view entity, std::int64_t id,
                                   const std::vector<Row>& existing, const Row& row, const std::string& code) {
    domain::FieldValues before;
    for (const auto& e : existing) {
        if (audit_fields(e).at("code") == code) before = audit_fields(e);
    }
    auto changes = domain::diff_fields(before, audit_fields(row));
    if (changes.empty()) return {};
    if (!before.empty()) changes.insert(changes.begin(), {"code", code, code});
    return audit(std::string(entity) + (before.empty() ? ".create" : ".update"), std::string(entity), id,
                 std::move(changes));
}

Result<void> load_regions(Tx& tx, const DemoAudit& audit) {
    auto existing = tx.list_regions();
    if (!existing) return existing.error();
    std::vector<domain::Region> regions{{RegionCode::parse(demo::kProvinceCode).value(), "山西省", "Shanxi", "shanxi"}};
    for (const auto& c : demo::shanxi_cities()) {
        regions.push_back({RegionCode::parse(c.code).value(), std::string(c.name_zh), std::string(c.name_en),
                           std::string(c.slug)});
    }
    for (const auto& r : regions) {
        if (auto ok = tx.upsert_region(r); !ok) return ok;
        const auto& code = r.code.str();
        if (auto ok = record_dictionary_row(audit, "region", std::stoll(code), *existing, r, code); !ok) return ok;
    }
    return {};
}

Result<void> load_industries(Tx& tx, const DemoAudit& audit) {
    auto existing = tx.list_industries();
    if (!existing) return existing.error();
    int order = 0;
    for (const auto& i : demo::report_industries()) {
        const domain::Industry industry{std::string(i.code), std::string(i.name_zh), std::string(i.name_en), ++order};
        if (auto ok = tx.upsert_industry(industry); !ok) return ok;
        if (auto ok = record_dictionary_row(audit, "industry", 0, *existing, industry, industry.code); !ok) return ok;
    }
    return {};
}

Result<std::vector<domain::Zone>> load_zones(Tx& tx, const DemoAudit& audit, DemoReport& report) {
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
        if (auto r = audit.created("zone.create", "zone", z.id, audit_fields(z)); !r) return r.error();
        zones.push_back(std::move(z));
        ++report.zones;
    }
    return zones;
}

Result<std::vector<std::int64_t>> load_enterprises(Tx& tx, const DemoAudit& audit, DemoReport& report) {
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
        if (auto r = audit.created("enterprise.create", "enterprise", *id, audit_fields(e)); !r) return r.error();
        ids.push_back(*id);
        ++report.enterprises;
    }
    return ids;
}

// The demo acts as the province, recorded as the system.
Principal demo_province() {
    Principal who;
    who.user.name = "system";
    who.user.role = domain::Role::kProvince;
    who.scope = domain::Scope::all();
    return who;
}

// The demo campaign, created through the same workflow as anyone's; none when it already exists
// (a rerun: it was held, and its entries are locked).
Result<std::optional<std::int64_t>> create_campaign(CampaignWorkflow& campaigns, const CampaignActor& by,
                                                    domain::Date event) {
    CampaignDraft draft;
    draft.name = std::string(kDemoCampaignName);
    draft.date = event;
    draft.sequence = 2;  // the second of 2022, as its name says
    std::vector<domain::Venue> venues{{"主会场：山西转型综合改革示范区", std::string(demo::kProvinceCode), true}};
    for (const auto& city : demo::shanxi_cities()) {
        venues.push_back({std::string(city.name_zh) + "分会场", std::string(city.code), false});
    }
    draft.venues = std::move(venues);
    auto created = campaigns.create(by, draft);
    if (!created) return created.error();
    return std::optional<std::int64_t>(created->id);
}

// The demo project, inserted (and recorded) when missing; its id either way.
Result<std::int64_t> ensure_project(Tx& tx, const DemoAudit& audit, domain::Project& p, domain::Date event,
                                    DemoReport& report) {
    auto found = tx.find_project_by_code(p.code);
    if (!found) return found.error();
    if (*found) return (*found)->id;
    // The generator must produce data the system itself would accept.
    if (auto problems = domain::validate_project(p, event); !problems.empty()) {
        return Error::internal("演示数据无效", "demo project " + p.code + " is invalid: " + problems.front().field + " " +
                                                   problems.front().message.en);
    }
    auto inserted = tx.insert_project(p);
    if (!inserted) return inserted.error();
    p.id = *inserted;
    if (auto r = audit.created("project.create", "project", p.id, audit_fields(p)); !r) return r.error();
    ++report.projects;
    return p.id;
}

// The index of the zone's city among the demo's cities.
int city_index(const std::vector<domain::Zone>& zones, std::int64_t zone_id) {
    for (const auto& z : zones) {
        if (z.id != zone_id) continue;
        const auto& cities = demo::shanxi_cities();
        for (std::size_t i = 0; i < cities.size(); ++i) {
            if (cities[i].code == z.region.city().str()) return static_cast<int>(i);
        }
    }
    return 0;
}

// The projects, and, when the campaign is new, their entries into its batches. A new project of a
// chain's industry may map to one of its nodes (`mapped` collects those created so).
Result<void> load_projects(Tx& tx, const DemoAudit& audit, const std::vector<domain::Zone>& zones,
                           const std::vector<std::int64_t>& investors, CampaignWorkflow& campaigns,
                           const CampaignActor& by, std::optional<std::int64_t> campaign_id, domain::Date event,
                           const demo::DemoChains& chains, std::vector<domain::Project>& mapped, DemoReport& report) {
    int index = 0;
    for (auto& s : demo::synthetic_projects(zones, event)) {
        for (auto& investor : s.project.investor_ids) investor = investors[static_cast<std::size_t>(investor)];
        demo::add_identity(s.project, zones, event);
        const int city = city_index(zones, s.project.zone_id);
        s.project.chain_node_id = demo::demo_chain_node(chains, s.project, city, index++);
        const auto before = report.projects;
        auto id = ensure_project(tx, audit, s.project, event, report);
        if (!id) return id.error();
        if (report.projects > before && s.project.chain_node_id) mapped.push_back(s.project);
        if (!s.batch || !campaign_id) continue;
        if (auto r = campaigns.enter(by, *campaign_id, *id, *s.batch); !r) return r.error();
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
Result<void> load_users(Tx& tx, const DemoAudit& audit, const std::vector<domain::Zone>& zones, const std::string& hash,
                        DemoReport& report) {
    for (const auto& a : demo_accounts(zones)) {
        auto found = tx.find_user_by_name(a.name);
        if (!found) return found.error();
        if (*found) {
            domain::User u = **found;
            u.password_hash = hash;
            if (auto r = tx.update_user(u, u.version); !r) return r;
            if (auto r = audit("user.update", "user", u.id, user_changes(**found, u)); !r) return r;
            continue;
        }
        domain::User u{0, a.name, a.role, a.region, a.zone_id, hash, true, 0, {}, false};
        auto id = tx.insert_user(u);
        if (!id) return id.error();
        u.id = *id;
        if (auto r = audit("user.create", "user", u.id, user_changes(std::nullopt, u)); !r) return r;
        ++report.users;
    }
    return {};
}

}  // namespace

Result<DemoReport> load_demo(store::Store& store, const Clock& clock) {
    // One hash for every demo account: they share the published demo password anyway.
    auto hash = secrets::hash_password(kDemoPassword);
    if (!hash) return hash.error();
    const domain::Date event = domain::Date::from_ymd(2022, 6, 22).value();
    DemoReport report;
    auto r = store.write([&](Tx& tx) -> Result<void> {
        const DemoAudit audit(tx, clock);
        if (auto d = load_regions(tx, audit); !d) return d;
        if (auto d = load_industries(tx, audit); !d) return d;
        auto zones = load_zones(tx, audit, report);
        if (!zones) return zones.error();
        auto investors = load_enterprises(tx, audit, report);
        if (!investors) return investors.error();
        const Principal province = demo_province();
        const CampaignActor by{province, Actor::system()};
        CampaignWorkflow campaigns(tx, clock);
        auto existing = tx.find_campaign_by_name(kDemoCampaignName);
        if (!existing) return existing.error();
        std::optional<std::int64_t> created;
        if (!*existing) {
            auto made = create_campaign(campaigns, by, event);
            if (!made) return made.error();
            created = *made;
        }
        report.campaign_id = created ? *created : (*existing)->id;
        bool chains_created = false;
        auto chains = demo::load_chains(tx, clock, province, chains_created);
        if (!chains) return chains.error();
        std::vector<domain::Project> mapped;
        auto loaded = load_projects(tx, audit, *zones, *investors, campaigns, by, created, event, *chains, mapped, report);
        if (!loaded) return loaded;
        std::map<std::int64_t, domain::ChainRole> roles;
        const auto synthetic = demo::synthetic_enterprises();
        for (std::size_t i = 0; i < synthetic.size() && i < investors->size(); ++i) {
            roles[(*investors)[i]] = synthetic[i].chain_role;
        }
        if (auto m = demo::map_chain_enterprises(tx, clock, province, mapped, roles); !m) return m;
        if (auto m = demo::load_chain_suppliers(tx, clock, province, *chains); !m) return m;
        if (created) {
            if (auto held = campaigns.hold(by, *created, std::nullopt); !held) return held.error();
        }
        if (auto s = demo::load_planned_slips(tx, event); !s) return s;
        if (auto u = load_users(tx, audit, *zones, *hash, report); !u) return u;
        auto reports = demo::load_reports(tx, audit, clock.today());
        if (!reports) return reports.error();
        report.progress_reports = *reports;
        if (auto photos = demo::load_photos(tx, clock.now()); !photos) return photos.error();
        if (auto items = demo::load_coordination_items(tx, audit, report); !items) return items;
        // Lights as the rules give them today, through the same refresh every write uses.
        auto lights = refresh_all_lights(tx, clock.today());
        if (!lights) return lights.error();
        return {};
    });
    if (!r) return r.error();
    report.created = report.projects > 0;
    return report;
}

}  // namespace sanpi::service
