// Campaigns, their venues and entries, and the per-batch summary.
#include <map>

#include "store/postgres/pg_conditions.hpp"
#include "store/postgres/pg_tx.hpp"

namespace sanpi::store::postgres {
namespace {

constexpr std::string_view kInsertCampaign =
    "INSERT INTO campaigns (name, event_date, version) VALUES ($1, $2, 1) RETURNING id";
constexpr std::string_view kInsertVenue =
    "INSERT INTO campaign_venues (campaign_id, position, name, region_code, main) VALUES ($1, $2, $3, $4, $5)";
constexpr std::string_view kCampaignSelect = "SELECT id, name, event_date, version FROM campaigns";
constexpr std::string_view kCampaignByName = " WHERE name = $1";
constexpr std::string_view kCampaignById = " WHERE id = $1";
constexpr std::string_view kCampaignOrder = " ORDER BY event_date COLLATE \"C\", id";
constexpr std::string_view kSelectVenues =
    "SELECT name, region_code, main FROM campaign_venues WHERE campaign_id = $1 ORDER BY position";
constexpr std::string_view kSelectAllVenues =
    "SELECT campaign_id, name, region_code, main FROM campaign_venues ORDER BY campaign_id, position";
constexpr std::string_view kInsertEntry =
    "INSERT INTO campaign_entries (campaign_id, project_id, batch) VALUES ($1, $2, $3)";
constexpr std::string_view kSelectEntry =
    "SELECT campaign_id, project_id, batch FROM campaign_entries WHERE project_id = $1 AND batch = $2";
constexpr std::string_view kBatchTotals =
    "SELECT ce.batch, COUNT(*), COALESCE(SUM(p.total_investment_fen), 0) FROM campaign_entries ce "
    "JOIN projects p ON p.id = ce.project_id JOIN zones z ON z.id = p.zone_id";
constexpr std::string_view kBatchGroup = " GROUP BY ce.batch";

domain::Campaign read_campaign(const PgResult& r, int i) {
    Row row(r, i);
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

std::vector<domain::Venue> PgTx::load_venues(std::int64_t campaign_id) {
    const auto r = conn_.query(kSelectVenues, Params::of(campaign_id));
    std::vector<domain::Venue> out;
    for (int i = 0; i < r.rows(); ++i) {
        Row row(r, i);
        out.push_back(read_venue(row));
    }
    return out;
}

Result<std::int64_t> PgTx::insert_campaign(const domain::Campaign& c) {
    return atomically([&]() -> Result<std::int64_t> {
        const auto id = returned_id(conn_.query(kInsertCampaign, Params::of(c.name, c.date)));
        for (std::size_t i = 0; i < c.venues.size(); ++i) {
            const auto& v = c.venues[i];
            conn_.query(kInsertVenue, Params::of(id, static_cast<std::int64_t>(i), v.name, v.region_code, v.main));
        }
        return id;
    });
}

Result<std::optional<domain::Campaign>> PgTx::find_campaign_by_name(std::string_view name) {
    return guarded([&]() -> Result<std::optional<domain::Campaign>> {
        const auto r = conn_.query(std::string(kCampaignSelect) + std::string(kCampaignByName), Params::of(name));
        if (r.rows() == 0) return std::optional<domain::Campaign>();
        auto c = read_campaign(r, 0);
        c.venues = load_venues(c.id);
        return c;
    });
}

Result<std::optional<domain::Campaign>> PgTx::get_campaign(std::int64_t id) {
    return guarded([&]() -> Result<std::optional<domain::Campaign>> {
        const auto r = conn_.query(std::string(kCampaignSelect) + std::string(kCampaignById), Params::of(id));
        if (r.rows() == 0) return std::optional<domain::Campaign>();
        auto c = read_campaign(r, 0);
        c.venues = load_venues(c.id);
        return c;
    });
}

Result<std::vector<domain::Campaign>> PgTx::list_campaigns() {
    return guarded([&]() -> Result<std::vector<domain::Campaign>> {
        std::vector<domain::Campaign> out;
        std::map<std::int64_t, std::size_t> index;
        const auto r = conn_.query(std::string(kCampaignSelect) + std::string(kCampaignOrder));
        for (int i = 0; i < r.rows(); ++i) {
            out.push_back(read_campaign(r, i));
            index.emplace(out.back().id, out.size() - 1);
        }
        const auto venues = conn_.query(kSelectAllVenues);
        for (int i = 0; i < venues.rows(); ++i) {
            Row row(venues, i);
            const auto it = index.find(row.int64());
            if (it != index.end()) out[it->second].venues.push_back(read_venue(row));
        }
        return out;
    });
}

Result<void> PgTx::insert_campaign_entry(const domain::CampaignEntry& e) {
    const ForeignKeys refs{{"campaign_id", exists_sql::kCampaign, e.campaign_id, "活动", "campaign"},
                           {"project_id", exists_sql::kProject, e.project_id, "项目", "project"}};
    return atomically(
        [&]() -> Result<void> {
            conn_.query(kInsertEntry, Params::of(e.campaign_id, e.project_id, domain::to_string(e.batch)));
            return {};
        },
        refs);
}

Result<std::optional<domain::CampaignEntry>> PgTx::find_campaign_entry(std::int64_t project_id,
                                                                       domain::BatchKind batch) {
    return guarded([&]() -> Result<std::optional<domain::CampaignEntry>> {
        const auto r = conn_.query(kSelectEntry, Params::of(project_id, domain::to_string(batch)));
        if (r.rows() == 0) return std::optional<domain::CampaignEntry>();
        Row row(r, 0);
        domain::CampaignEntry entry;
        entry.campaign_id = row.int64();
        entry.project_id = row.int64();
        entry.batch = row.enumeration(domain::batch_kind_from_string, "batch");
        return entry;
    });
}

Result<std::vector<domain::BatchSummary>> PgTx::campaign_batches(const Scope& scope, std::int64_t campaign_id) {
    return guarded([&]() -> Result<std::vector<domain::BatchSummary>> {
        Conditions where;
        where.add("ce.campaign_id = ?", campaign_id);
        if (auto scoped = add_scope(where, scope, "p.zone_id", "z.region_code"); !scoped) return scoped.error();
        std::vector<domain::BatchSummary> out;
        for (auto kind : {domain::BatchKind::kSign, domain::BatchKind::kStart, domain::BatchKind::kProduce}) {
            out.push_back(domain::BatchSummary{kind, 0, domain::Money()});
        }
        const auto r =
            conn_.query(std::string(kBatchTotals) + where.where() + std::string(kBatchGroup), where.params());
        for (int i = 0; i < r.rows(); ++i) {
            Row row(r, i);
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

}  // namespace sanpi::store::postgres
