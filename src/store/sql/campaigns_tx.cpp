// Campaigns, their venues and entries (the per-batch summary reads the kept figures: figures_tx.cpp).
#include <map>

#include "store/sql/campaigns_sql.hpp"
#include "store/sql/projects_sql.hpp"
#include "store/sql/sql_tx.hpp"

namespace sanpi::store::sql {

using namespace campaigns;

namespace {

domain::Campaign read_campaign(const Statement& st) {
    Row row(st);
    domain::Campaign c;
    c.id = row.int64();
    c.name = row.text();
    c.date = row.date();
    c.version = row.int64();
    return c;
}

domain::Venue read_venue(Row& row) {
    domain::Venue v;
    v.name = row.text();
    v.region_code = row.text();
    v.main = row.boolean();
    return v;
}

std::vector<domain::Venue> load_venues(Connection& conn, std::int64_t campaign_id) {
    auto q = conn.prepare(kSelectVenues);
    bind_all(*q, campaign_id);
    std::vector<domain::Venue> out;
    while (q->step()) {
        Row row(*q);
        out.push_back(read_venue(row));
    }
    return out;
}

// The campaign `filter` (one parameter) finds, with its venues.
template <class Key>
std::optional<domain::Campaign> find_campaign(Connection& conn, std::string_view filter, const Key& key) {
    auto q = conn.prepare(std::string(kCampaignSelect) + std::string(filter));
    bind_all(*q, key);
    if (!q->step()) return std::nullopt;
    auto c = read_campaign(*q);
    c.venues = load_venues(conn, c.id);
    return c;
}

}  // namespace

Result<std::int64_t> SqlTx::insert_campaign(const domain::Campaign& c) {
    return atomically([&]() -> Result<std::int64_t> {
        auto q = conn_.prepare(kInsertCampaign);
        bind_all(*q, c.name, c.date);
        const auto id = returned_id(*q);
        auto venue = conn_.prepare(kInsertVenue);
        for (std::size_t i = 0; i < c.venues.size(); ++i) {
            const auto& v = c.venues[i];
            venue->reset();
            bind_all(*venue, id, static_cast<std::int64_t>(i), v.name, v.region_code, v.main);
            run(*venue);
        }
        figures_.names_changed = true;
        return id;
    });
}

Result<std::optional<domain::Campaign>> SqlTx::find_campaign_by_name(std::string_view name) {
    return guarded(
        [&]() -> Result<std::optional<domain::Campaign>> { return find_campaign(conn_, kCampaignByName, name); });
}

Result<std::optional<domain::Campaign>> SqlTx::get_campaign(std::int64_t id) {
    return guarded([&]() -> Result<std::optional<domain::Campaign>> { return find_campaign(conn_, kCampaignById, id); });
}

Result<std::vector<domain::Campaign>> SqlTx::list_campaigns() {
    return guarded([&]() -> Result<std::vector<domain::Campaign>> {
        std::vector<domain::Campaign> out;
        std::map<std::int64_t, std::size_t> index;
        auto q = conn_.prepare(std::string(kCampaignSelect) + std::string(kCampaignOrder));
        while (q->step()) {
            out.push_back(read_campaign(*q));
            index.emplace(out.back().id, out.size() - 1);
        }
        auto venues = conn_.prepare(kSelectAllVenues);
        while (venues->step()) {
            Row row(*venues);
            const auto it = index.find(row.int64());
            if (it != index.end()) out[it->second].venues.push_back(read_venue(row));
        }
        return out;
    });
}

Result<void> SqlTx::insert_campaign_entry(const domain::CampaignEntry& e) {
    const ForeignKeys refs{{"campaign_id", kCampaignExists, e.campaign_id, "活动", "campaign"},
                           {"project_id", projects::kProjectExists, e.project_id, "项目", "project"}};
    return atomically(
        [&]() -> Result<void> {
            // Locked first, so a concurrent change of the project's zone or investment either
            // comes before (and is read here) or after (and moves this entry's figures too).
            const auto project = lock_project_figures(e.project_id, std::nullopt);
            auto q = conn_.prepare(campaigns::kInsertEntry);
            bind_all(*q, e.campaign_id, e.project_id, domain::to_string(e.batch));
            run(*q);
            if (project) add_entry_figures(e, *project);
            return {};
        },
        refs);
}

Result<std::optional<domain::CampaignEntry>> SqlTx::find_campaign_entry(std::int64_t project_id,
                                                                        domain::BatchKind batch) {
    return guarded([&]() -> Result<std::optional<domain::CampaignEntry>> {
        auto q = conn_.prepare(kSelectEntry);
        bind_all(*q, project_id, domain::to_string(batch));
        if (!q->step()) return std::optional<domain::CampaignEntry>();
        Row row(*q);
        domain::CampaignEntry entry;
        entry.campaign_id = row.int64();
        entry.project_id = row.int64();
        entry.batch = row.enumeration(domain::batch_kind_from_string, "batch");
        return entry;
    });
}

}  // namespace sanpi::store::sql
