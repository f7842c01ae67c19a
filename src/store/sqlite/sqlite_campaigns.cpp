// Campaigns, their venues and entries, and the per-batch summary.
#include <map>

#include "store/sqlite/sqlite_conditions.hpp"
#include "store/sqlite/sqlite_tx.hpp"

namespace sanpi::store::sqlite {
namespace {

constexpr std::string_view kInsertCampaign =
    "INSERT INTO campaigns (name, event_date, version) VALUES (?, ?, 1) RETURNING id";
constexpr std::string_view kInsertVenue =
    "INSERT INTO campaign_venues (campaign_id, position, name, region_code, main) VALUES (?, ?, ?, ?, ?)";
constexpr std::string_view kCampaignSelect = "SELECT id, name, event_date, version FROM campaigns";
constexpr std::string_view kSelectVenues =
    "SELECT name, region_code, main FROM campaign_venues WHERE campaign_id = ? ORDER BY position";
constexpr std::string_view kSelectAllVenues =
    "SELECT campaign_id, name, region_code, main FROM campaign_venues ORDER BY campaign_id, position";
constexpr std::string_view kInsertEntry =
    "INSERT INTO campaign_entries (campaign_id, project_id, batch) VALUES (?, ?, ?)";
constexpr std::string_view kSelectEntry =
    "SELECT campaign_id, project_id, batch FROM campaign_entries WHERE project_id = ? AND batch = ?";
constexpr std::string_view kBatchTotals =
    "SELECT ce.batch, COUNT(*), COALESCE(SUM(p.total_investment_fen), 0) FROM campaign_entries ce "
    "JOIN projects p ON p.id = ce.project_id JOIN zones z ON z.id = p.zone_id";
constexpr std::string_view kBatchGroup = " GROUP BY ce.batch";

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

}  // namespace

std::vector<domain::Venue> SqliteTx::load_venues(std::int64_t campaign_id) {
    auto q = conn_.query(kSelectVenues);
    bind_all(*q, campaign_id);
    std::vector<domain::Venue> out;
    while (q->step()) {
        Row row(*q);
        out.push_back(read_venue(row));
    }
    return out;
}

Result<std::int64_t> SqliteTx::insert_campaign(const domain::Campaign& c) {
    return atomically([&]() -> Result<std::int64_t> {
        auto q = conn_.query(kInsertCampaign);
        bind_all(*q, c.name, c.date);
        const auto id = returned_id(*q);
        auto venue = conn_.query(kInsertVenue);
        for (std::size_t i = 0; i < c.venues.size(); ++i) {
            const auto& v = c.venues[i];
            venue->reset();
            bind_all(*venue, id, static_cast<std::int64_t>(i), v.name, v.region_code, v.main);
            venue->step();
        }
        return id;
    });
}

Result<std::optional<domain::Campaign>> SqliteTx::find_campaign_by_name(std::string_view name) {
    return guarded([&]() -> Result<std::optional<domain::Campaign>> {
        auto q = conn_.query(std::string(kCampaignSelect) + " WHERE name = ?");
        bind_all(*q, name);
        if (!q->step()) return std::optional<domain::Campaign>();
        auto c = read_campaign(*q);
        c.venues = load_venues(c.id);
        return c;
    });
}

Result<std::optional<domain::Campaign>> SqliteTx::get_campaign(std::int64_t id) {
    return guarded([&]() -> Result<std::optional<domain::Campaign>> {
        auto q = conn_.query(std::string(kCampaignSelect) + " WHERE id = ?");
        bind_all(*q, id);
        if (!q->step()) return std::optional<domain::Campaign>();
        auto c = read_campaign(*q);
        c.venues = load_venues(c.id);
        return c;
    });
}

Result<std::vector<domain::Campaign>> SqliteTx::list_campaigns() {
    return guarded([&]() -> Result<std::vector<domain::Campaign>> {
        std::vector<domain::Campaign> out;
        std::map<std::int64_t, std::size_t> index;
        auto q = conn_.query(std::string(kCampaignSelect) + " ORDER BY event_date, id");
        while (q->step()) {
            out.push_back(read_campaign(*q));
            index.emplace(out.back().id, out.size() - 1);
        }
        auto venues = conn_.query(kSelectAllVenues);
        while (venues->step()) {
            Row row(*venues);
            const auto it = index.find(row.int64());
            if (it != index.end()) out[it->second].venues.push_back(read_venue(row));
        }
        return out;
    });
}

Result<void> SqliteTx::insert_campaign_entry(const domain::CampaignEntry& e) {
    const ForeignKeys refs{{"campaign_id", exists_sql::kCampaign, e.campaign_id, "活动", "campaign"},
                           {"project_id", exists_sql::kProject, e.project_id, "项目", "project"}};
    return guarded(
        [&]() -> Result<void> {
            auto q = conn_.query(kInsertEntry);
            bind_all(*q, e.campaign_id, e.project_id, domain::to_string(e.batch));
            q->step();
            return {};
        },
        refs);
}

Result<std::optional<domain::CampaignEntry>> SqliteTx::find_campaign_entry(std::int64_t project_id,
                                                                           domain::BatchKind batch) {
    return guarded([&]() -> Result<std::optional<domain::CampaignEntry>> {
        auto q = conn_.query(kSelectEntry);
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

Result<std::vector<domain::BatchSummary>> SqliteTx::campaign_batches(const Scope& scope, std::int64_t campaign_id) {
    return guarded([&]() -> Result<std::vector<domain::BatchSummary>> {
        Conditions where;
        where.add("ce.campaign_id = ?", campaign_id);
        if (auto scoped = add_scope(where, scope, "p.zone_id", "z.region_code"); !scoped) return scoped.error();
        std::vector<domain::BatchSummary> out;
        for (auto kind : {domain::BatchKind::kSign, domain::BatchKind::kStart, domain::BatchKind::kProduce}) {
            out.push_back(domain::BatchSummary{kind, 0, domain::Money()});
        }
        auto q = conn_.query(std::string(kBatchTotals) + where.where() + std::string(kBatchGroup));
        where.bind(*q);
        while (q->step()) {
            Row row(*q);
            const auto kind = row.enumeration(domain::batch_kind_from_string, "batch");
            const auto projects = row.int64();
            const auto investment = row.money();
            for (auto& summary : out) {
                if (summary.batch != kind) continue;
                summary.projects = projects;
                summary.total_investment = investment;
            }
        }
        return out;
    });
}

}  // namespace sanpi::store::sqlite
