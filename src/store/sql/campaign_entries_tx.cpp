// A campaign's entry list: a page of entries with their projects, and its total from the kept
// figures, which count exactly these entries per zone and batch in the same transaction as every
// entry write. Counting the entries themselves would walk every one of a batch that a wide scope
// sees (tens of thousands in `sanpi gen`'s national campaign) on each page.
#include <algorithm>

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
    add_place_driver(where, scope, q);
    return where;
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
    v.project = read_project_view(row);
    return v;
}

}  // namespace

Result<Page<CampaignEntryView>> SqlTx::list_campaign_entries(const Scope& scope, const CampaignEntryQuery& q) {
    return guarded([&]() -> Result<Page<CampaignEntryView>> {
        if (auto checked = check_city(q); !checked) return checked.error();
        auto listed = listed_filters(scope, q);
        if (!listed) return listed.error();
        auto counted = counted_filters(scope, q);
        if (!counted) return counted.error();
        auto count = conn_.prepare(std::string(kEntryListCount) + counted->where());
        counted->bind(*count);
        const auto limit = std::clamp<std::int64_t>(q.limit, 1, kMaxPageSize);
        const auto page_rows = page_limit(limit, q.offset);
        auto rows = conn_.prepare(std::string(kEntryListSelect) + std::string(kProjectColumns) + ", " +
                                  std::string(kProjectViewColumns) + std::string(kEntryListFrom) + listed->where() +
                                  std::string(kEntryListOrder) + page_rows.sql);
        const int next = listed->bind(*rows);
        if (page_rows.binds_offset) bind_from(*rows, next, page_rows.offset);
        Statement* const together[] = {count.get(), rows.get()};
        conn_.run_together(together);
        Page<CampaignEntryView> page;
        count->step();
        page.total = count->int64_at(0);
        while (static_cast<std::int64_t>(page.items.size()) < limit && rows->step()) {
            page.items.push_back(read_entry_view(*rows));
        }
        return page;
    });
}

}  // namespace sanpi::store::sql
