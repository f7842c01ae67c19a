// A campaign's entry list: a page of entries with their projects, and its total from the kept
// figures, which count exactly these entries per zone and batch in the same transaction as every
// entry write. Counting the entries themselves would walk every one of a batch that a wide scope
// sees (tens of thousands in `sanpi gen`'s national campaign) on each page.
#include <algorithm>
#include <unordered_map>

#include "store/sql/campaigns_sql.hpp"
#include "store/sql/conditions.hpp"
#include "store/sql/page_limit.hpp"
#include "store/sql/project_list_query.hpp"
#include "store/sql/project_rows.hpp"
#include "store/sql/sql_tx.hpp"

namespace sanpi::store::sql {

using namespace campaigns;

namespace {

// The narrowest place the list is restricted to (a zone, else a city or a province) as the set of
// its projects, which the query then starts from; the entries of a place at 1,000,000 projects are
// a few among a batch's tens of thousands. m0007 keeps each project's city (its zone's) in
// projects.city_code. A county-wide scope has no such set: the row checks alone apply.
void add_place_driver(Conditions& where, const Scope& scope, const CampaignEntryQuery& q) {
    if (q.zone_id || scope.kind == Scope::Kind::kZone) {
        where.add(kEntryInZone, q.zone_id ? *q.zone_id : scope.zone_id);
        return;
    }
    const std::string prefix = q.city_code                          ? q.city_code->substr(0, 4)
                               : scope.kind == Scope::Kind::kRegion ? scope.region_prefix
                                                                    : std::string();
    if (prefix.size() == 4) {
        where.add(kEntryInCity, prefix + "00");
    } else if (!prefix.empty() && prefix.size() < 4) {
        where.add(kEntryInCities, prefix + std::string(6 - prefix.size(), '0'),
                  prefix + std::string(6 - prefix.size(), '9'));
    }
}

Result<void> check_city(const CampaignEntryQuery& q) {
    if (q.city_code && (q.city_code->size() != 6 || !is_digits(*q.city_code, 6))) {
        return Error::invalid_field("city_code", "城市代码应为6位数字", "city_code must be six digits");
    }
    return {};
}

// The listed entries: the campaign's, of projects inside `scope`, narrowed by the query. The scope
// and the filters apply to every row; add_place_driver only tells the query where to start.
Result<Conditions> listed_filters(const Scope& scope, const CampaignEntryQuery& q) {
    Conditions where;
    where.add("ce.campaign_id = ?", q.campaign_id);
    if (auto scoped = add_scope(where, scope, "p.zone_id", "z.region_code"); !scoped) return scoped.error();
    if (q.batch) where.add("ce.batch = ?", std::string(domain::to_string(*q.batch)));
    if (q.city_code) add_region_range(where, "z.region_code", q.city_code->substr(0, 4));
    if (q.zone_id) where.add("p.zone_id = ?", *q.zone_id);
    if (q.status) where.add("ce.status = ?", std::string(domain::to_string(*q.status)));
    add_place_driver(where, scope, q);
    return where;
}

// The listed entries that the kept figures do not count apart (proposed and withdrawn ones).
Result<Conditions> uncounted_entry_filters(const Scope& scope, const CampaignEntryQuery& q) {
    Conditions where;
    where.add("ce.campaign_id = ?", q.campaign_id);
    where.add("ce.status IN ('proposed', 'withdrawn')");
    if (auto scoped = add_scope(where, scope, "p.zone_id", "z.region_code"); !scoped) return scoped.error();
    if (q.batch) where.add("ce.batch = ?", std::string(domain::to_string(*q.batch)));
    if (q.city_code) add_region_range(where, "z.region_code", q.city_code->substr(0, 4));
    if (q.zone_id) where.add("p.zone_id = ?", *q.zone_id);
    return where;
}

// The page's total: the kept count of counted entries (confirmed and withdrawn), adjusted by the
// few proposed and withdrawn ones for the status asked.
std::int64_t entry_list_total(std::optional<domain::EntryStatus> status, std::int64_t counted, std::int64_t proposed,
                         std::int64_t withdrawn) {
    if (!status) return counted + proposed;
    switch (*status) {
        case domain::EntryStatus::kProposed: return proposed;
        case domain::EntryStatus::kConfirmed: return counted - withdrawn;
        case domain::EntryStatus::kWithdrawn: return withdrawn;
    }
    return 0;
}

// The kept figures (`f`, per zone and batch) of the same entries.
Result<Conditions> counted_filters(const Scope& scope, const CampaignEntryQuery& q) {
    Conditions where;
    where.add("f.campaign_id = ?", q.campaign_id);
    if (auto scoped = add_scope(where, scope, "f.zone_id", "z.region_code"); !scoped) return scoped.error();
    if (q.batch) where.add("f.batch = ?", std::string(domain::to_string(*q.batch)));
    if (q.city_code) add_region_range(where, "z.region_code", q.city_code->substr(0, 4));
    if (q.zone_id) where.add("f.zone_id = ?", *q.zone_id);
    return where;
}

CampaignEntryView read_entry_view(const Statement& st) {
    Row row(st);
    CampaignEntryView v;
    v.entry.campaign_id = row.int64();
    v.entry.project_id = row.int64();
    v.entry.batch = row.enumeration(domain::batch_kind_from_string, "batch");
    v.entry.status = row.enumeration(domain::entry_status_from_string, "entry status");
    v.entry.zone_id = row.int64();
    v.entry.industry_code = row.text();
    v.entry.investment = row.money();
    v.entry.reason = row.text();
    v.project = read_project_view(row);
    return v;
}

}  // namespace

void SqlTx::load_entry_investors(std::vector<CampaignEntryView>& entries) {
    std::vector<domain::ProjectView> projects;
    std::unordered_map<std::int64_t, std::size_t> index;
    for (const auto& e : entries) {
        if (index.emplace(e.project.project.id, projects.size()).second) {
            projects.emplace_back().project.id = e.project.project.id;
        }
    }
    load_page_investors(projects);
    for (auto& e : entries) {
        const auto& loaded = projects[index.at(e.project.project.id)];
        e.project.project.investor_ids = loaded.project.investor_ids;
        e.project.investor_names = loaded.investor_names;
        e.project.investor_credit_codes = loaded.investor_credit_codes;
    }
}

Result<Page<CampaignEntryView>> SqlTx::list_campaign_entries(const Scope& scope, const CampaignEntryQuery& q) {
    return guarded([&]() -> Result<Page<CampaignEntryView>> {
        if (auto checked = check_city(q); !checked) return checked.error();
        auto listed = listed_filters(scope, q);
        if (!listed) return listed.error();
        auto counted = counted_filters(scope, q);
        if (!counted) return counted.error();
        auto count = conn_.prepare(std::string(kEntryListCount) + counted->where());
        counted->bind(*count);
        auto uncounted_where = uncounted_entry_filters(scope, q);
        if (!uncounted_where) return uncounted_where.error();
        auto uncounted =
            conn_.prepare(std::string(kUncountedEntries) + uncounted_where->where() + std::string(kUncountedGroup));
        uncounted_where->bind(*uncounted);
        const auto limit = std::clamp<std::int64_t>(q.limit, 1, kMaxPageSize);
        const auto page_rows = page_limit(limit, q.offset);
        auto rows = conn_.prepare(std::string(kEntryListSelect) + std::string(kProjectColumns) + ", " +
                                  std::string(kProjectViewColumns) + std::string(kEntryListFrom) + listed->where() +
                                  std::string(kEntryListOrder) + page_rows.sql);
        const int next = listed->bind(*rows);
        if (page_rows.binds_offset) bind_from(*rows, next, page_rows.offset);
        Statement* const together[] = {count.get(), uncounted.get(), rows.get()};
        conn_.run_together(together);
        Page<CampaignEntryView> page;
        count->step();
        const auto counted_entries = count->int64_at(0);
        std::int64_t proposed = 0, withdrawn = 0;
        while (uncounted->step()) {
            Row row(*uncounted);
            const auto status = row.enumeration(domain::entry_status_from_string, "entry status");
            (status == domain::EntryStatus::kProposed ? proposed : withdrawn) = row.int64();
        }
        page.total = entry_list_total(q.status, counted_entries, proposed, withdrawn);
        while (static_cast<std::int64_t>(page.items.size()) < limit && rows->step()) {
            page.items.push_back(read_entry_view(*rows));
        }
        if (q.with_investors) load_entry_investors(page.items);
        return page;
    });
}

Result<std::vector<TopEntry>> SqlTx::campaign_top_entries(const Scope& scope, std::int64_t campaign_id,
                                                          domain::BatchKind batch, int limit) {
    return guarded([&]() -> Result<std::vector<TopEntry>> {
        Conditions where;
        where.add("ce.campaign_id = ?", campaign_id);
        where.add("ce.batch = ?", std::string(domain::to_string(batch)));
        where.add("ce.status <> 'proposed'");
        if (auto scoped = add_scope(where, scope, "ce.zone_id", "z.region_code"); !scoped) return scoped.error();
        auto q = conn_.prepare(std::string(kTopEntries) + where.where() + std::string(kTopOrder) + " LIMIT " +
                               std::to_string(std::clamp(limit, 1, 100)));
        where.bind(*q);
        std::vector<TopEntry> out;
        while (q->step()) {
            Row row(*q);
            TopEntry e;
            e.project_id = row.int64();
            e.name = row.text();
            e.code_name = row.text();
            e.stage = row.enumeration(domain::stage_from_string, "stage");
            e.zone_id = row.int64();
            e.zone_name = row.text();
            e.zone_region_code = row.text();
            e.industry_code = row.text();
            e.investment = row.money();
            out.push_back(std::move(e));
        }
        return out;
    });
}

Result<ConversionCounts> SqlTx::campaign_conversion(const Scope& scope, domain::Date before) {
    return guarded([&]() -> Result<ConversionCounts> {
        Conditions where;
        where.add("c.event_date < ?", before.iso());
        where.add("ce.status = 'confirmed'");
        where.add("ce.batch IN ('sign', 'start')");
        if (auto scoped = add_scope(where, scope, "p.zone_id", "z.region_code"); !scoped) return scoped.error();
        auto q = conn_.prepare(std::string(kConversion) + where.where() + std::string(kConversionGroup));
        where.bind(*q);
        ConversionCounts out;
        while (q->step()) {
            Row row(*q);
            const auto batch = row.enumeration(domain::batch_kind_from_string, "batch");
            const auto entered = row.int64();
            const auto moved_on = row.int64();
            if (batch == domain::BatchKind::kSign) {
                out.signed_earlier = entered;
                out.started_since = moved_on;
            } else {
                out.started_earlier = entered;
                out.producing_since = moved_on;
            }
        }
        return out;
    });
}

Result<std::vector<domain::EntryDrift>> SqlTx::counted_entries_now(const Scope& scope, std::int64_t campaign_id) {
    return guarded([&]() -> Result<std::vector<domain::EntryDrift>> {
        Conditions where;
        where.add("ce.campaign_id = ?", campaign_id);
        where.add("ce.status <> 'proposed'");
        if (auto scoped = add_scope(where, scope, "p.zone_id", "z.region_code"); !scoped) return scoped.error();
        auto q = conn_.prepare(std::string(kCountedNow) + where.where() + std::string(kEntryListOrder));
        where.bind(*q);
        std::vector<domain::EntryDrift> out;
        while (q->step()) {
            Row row(*q);
            domain::EntryDrift n;
            n.entry.campaign_id = row.int64();
            n.entry.project_id = row.int64();
            n.entry.batch = row.enumeration(domain::batch_kind_from_string, "batch");
            n.entry.status = row.enumeration(domain::entry_status_from_string, "entry status");
            n.entry.zone_id = row.int64();
            n.entry.industry_code = row.text();
            n.entry.investment = row.money();
            n.entry.reason = row.text();
            n.project_name = row.text();
            n.zone_id_now = row.int64();
            n.industry_now = row.text();
            n.investment_now = row.money();
            n.stage_now = row.enumeration(domain::stage_from_string, "stage");
            n.status_now = row.enumeration(domain::project_status_from_string, "status");
            out.push_back(std::move(n));
        }
        return out;
    });
}

}  // namespace sanpi::store::sql
