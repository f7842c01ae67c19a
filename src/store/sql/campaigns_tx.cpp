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
    c.year = static_cast<int>(row.int64());
    c.sequence = static_cast<int>(row.int64());
    c.status = row.enumeration(domain::campaign_status_from_string, "campaign status");
    c.held_on = row.optional_date();
    c.version = row.int64();
    return c;
}

domain::Venue read_venue(Row& row) {
    domain::Venue v;
    v.name = row.text();
    v.region_code = row.text();
    v.zone_id = row.optional_int64();
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

void write_campaign_venues(Connection& conn, std::int64_t campaign_id, const std::vector<domain::Venue>& venues) {
    auto venue = conn.prepare(kInsertVenue);
    for (std::size_t i = 0; i < venues.size(); ++i) {
        const auto& v = venues[i];
        venue->reset();
        bind_all(*venue, campaign_id, static_cast<std::int64_t>(i), v.name, v.region_code, v.zone_id, v.main);
        run(*venue);
    }
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

domain::CampaignEntry read_campaign_entry(const Statement& st) {
    Row row(st);
    domain::CampaignEntry e;
    e.campaign_id = row.int64();
    e.project_id = row.int64();
    e.batch = row.enumeration(domain::batch_kind_from_string, "batch");
    e.status = row.enumeration(domain::entry_status_from_string, "entry status");
    e.zone_id = row.int64();
    e.industry_code = row.text();
    e.investment = row.money();
    e.reason = row.text();
    return e;
}

template <class... Keys>
std::vector<domain::CampaignEntry> read_campaign_entries_where(Connection& conn, std::string_view filter, const Keys&... keys) {
    auto q = conn.prepare(std::string(kEntryColumns) + std::string(filter));
    bind_all(*q, keys...);
    std::vector<domain::CampaignEntry> out;
    while (q->step()) out.push_back(read_campaign_entry(*q));
    return out;
}

template <class... Keys>
std::optional<domain::CampaignEntry> read_one_campaign_entry(Connection& conn, std::string_view filter, const Keys&... keys) {
    auto found = read_campaign_entries_where(conn, filter, keys...);
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

// The figure key an entry counts: its own frozen columns.
ProjectFigureKey entry_counted_key(const domain::CampaignEntry& e) {
    ProjectFigureKey k;
    k.zone_id = e.zone_id;
    k.industry_code = e.industry_code;
    k.investment_fen = e.investment.fen();
    return k;
}

bool entry_is_counted(domain::EntryStatus s) { return s != domain::EntryStatus::kProposed; }

}  // namespace

Result<std::int64_t> SqlTx::insert_campaign(const domain::Campaign& c) {
    return atomically([&]() -> Result<std::int64_t> {
        auto q = conn_.prepare(kInsertCampaign);
        bind_all(*q, c.name, c.date, c.year, c.sequence, domain::to_string(c.status), c.held_on);
        const auto id = returned_id(*q);
        write_campaign_venues(conn_, id, c.venues);
        figures_.names_changed = true;
        return id;
    });
}

Result<void> SqlTx::update_campaign(const domain::Campaign& c, std::int64_t expected_version) {
    return atomically([&]() -> Result<void> {
        auto q = conn_.prepare(kUpdateCampaign);
        bind_all(*q, c.name, c.date, c.year, c.sequence, domain::to_string(c.status), c.held_on, c.id,
                 expected_version);
        run(*q);
        if (q->rows_affected() == 0) {
            return stale_or_missing(kCampaignExists, c.id, "活动", "campaign");
        }
        auto clear = conn_.prepare(kDeleteVenues);
        bind_all(*clear, c.id);
        run(*clear);
        write_campaign_venues(conn_, c.id, c.venues);
        figures_.names_changed = true;
        return {};
    });
}

Result<std::optional<domain::Campaign>> SqlTx::find_campaign_by_name(std::string_view name) {
    return guarded(
        [&]() -> Result<std::optional<domain::Campaign>> { return find_campaign(conn_, kCampaignByName, name); });
}

Result<std::optional<domain::Campaign>> SqlTx::get_campaign(std::int64_t id) {
    return guarded([&]() -> Result<std::optional<domain::Campaign>> { return find_campaign(conn_, kCampaignById, id); });
}

Result<std::optional<domain::Campaign>> SqlTx::lock_campaign(std::int64_t id) {
    return guarded(
        [&]() -> Result<std::optional<domain::Campaign>> { return find_campaign(conn_, kCampaignByIdShared, id); });
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

Result<int> SqlTx::last_campaign_sequence(int year) {
    return guarded([&]() -> Result<int> {
        auto q = conn_.prepare(kLastSequence);
        bind_all(*q, year);
        q->step();
        return static_cast<int>(q->int64_at(0));
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
            if (!project) return Error::invalid_field("project_id", "引用的项目不存在", "refers to a project that does not exist");
            auto q = conn_.prepare(campaigns::kInsertEntry);
            bind_all(*q, e.campaign_id, domain::to_string(e.batch), domain::to_string(e.status), e.project_id);
            run(*q);
            if (entry_is_counted(e.status)) add_entry_figures(e, *project);
            return {};
        },
        refs);
}

Result<void> SqlTx::set_campaign_entry_status(const domain::CampaignEntry& e, domain::EntryStatus to,
                                              const std::string& reason) {
    return atomically([&]() -> Result<void> {
        auto stored = read_one_campaign_entry(conn_, std::string(kOneEntry) + "{{FOR_UPDATE}}", e.campaign_id, e.project_id,
                                     domain::to_string(e.batch));
        if (!stored) return Error::not_found("活动登记", "campaign entry");
        auto q = conn_.prepare(kSetEntryStatus);
        bind_all(*q, domain::to_string(to), reason, e.campaign_id, e.project_id, domain::to_string(e.batch));
        run(*q);
        if (!entry_is_counted(stored->status) && entry_is_counted(to)) add_entry_figures(*stored, entry_counted_key(*stored));
        if (entry_is_counted(stored->status) && !entry_is_counted(to)) {
            add_batch_figure(stored->campaign_id, stored->zone_id, stored->batch, -1, -stored->investment.fen());
            add_campaign_industry_figure(stored->campaign_id, stored->batch, entry_counted_key(*stored), -1);
        }
        return {};
    });
}

Result<void> SqlTx::delete_campaign_entry(const domain::CampaignEntry& e) {
    return atomically([&]() -> Result<void> {
        auto stored = read_one_campaign_entry(conn_, std::string(kOneEntry) + "{{FOR_UPDATE}}", e.campaign_id, e.project_id,
                                     domain::to_string(e.batch));
        if (!stored) return Error::not_found("活动登记", "campaign entry");
        auto q = conn_.prepare(kDeleteEntry);
        bind_all(*q, e.campaign_id, e.project_id, domain::to_string(e.batch));
        run(*q);
        if (entry_is_counted(stored->status)) {
            add_batch_figure(stored->campaign_id, stored->zone_id, stored->batch, -1, -stored->investment.fen());
            add_campaign_industry_figure(stored->campaign_id, stored->batch, entry_counted_key(*stored), -1);
        }
        return {};
    });
}

Result<std::optional<domain::CampaignEntry>> SqlTx::find_campaign_entry(std::int64_t project_id,
                                                                        domain::BatchKind batch) {
    return guarded([&]() -> Result<std::optional<domain::CampaignEntry>> {
        return read_one_campaign_entry(conn_, kLiveEntry, project_id, domain::to_string(batch));
    });
}

Result<std::optional<domain::CampaignEntry>> SqlTx::get_campaign_entry(std::int64_t campaign_id,
                                                                       std::int64_t project_id,
                                                                       domain::BatchKind batch) {
    return guarded([&]() -> Result<std::optional<domain::CampaignEntry>> {
        return read_one_campaign_entry(conn_, kOneEntry, campaign_id, project_id, domain::to_string(batch));
    });
}

Result<std::vector<domain::CampaignEntry>> SqlTx::project_campaign_entries(std::int64_t project_id) {
    return guarded([&]() -> Result<std::vector<domain::CampaignEntry>> {
        return read_campaign_entries_where(conn_, kLiveEntriesOfProject, project_id);
    });
}

Result<std::vector<domain::CampaignEntry>> SqlTx::campaign_entries_with(std::int64_t campaign_id,
                                                                        domain::EntryStatus status) {
    return guarded([&]() -> Result<std::vector<domain::CampaignEntry>> {
        return read_campaign_entries_where(conn_, kEntriesWithStatus, campaign_id, domain::to_string(status));
    });
}

Result<std::int64_t> SqlTx::count_campaign_entries(std::int64_t campaign_id, domain::EntryStatus status) {
    return guarded([&]() -> Result<std::int64_t> {
        auto q = conn_.prepare(kCountWithStatus);
        bind_all(*q, campaign_id, domain::to_string(status));
        q->step();
        return q->int64_at(0);
    });
}

}  // namespace sanpi::store::sql
