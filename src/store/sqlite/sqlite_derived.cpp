#include "store/sqlite/sqlite_derived.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "store/transfer_rules.hpp"

namespace sanpi::store::sqlite {
namespace {

// The triggers of m0007 whose whole effect kDerive recomputes.
constexpr std::array<std::string_view, 10> kDerivedTriggers = {
    "projects_city_on_insert",         "projects_city_on_move",
    "zones_city_on_region",            "project_search_on_insert",
    "project_search_on_update",        "project_search_on_delete",
    "project_search_investor_added",   "project_search_investor_removed",
    "project_search_investor_changed", "project_search_enterprise_renamed",
};

constexpr std::string_view kTriggers = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name";
// Declared indexes (constraints' own have no sql), unique ones excepted.
constexpr std::string_view kPlainIndexes =
    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
    "AND upper(sql) NOT LIKE 'CREATE UNIQUE%' ORDER BY name";

// What those triggers keep, from scratch: the same expressions as m0007's triggers.
constexpr std::string_view kDerive = R"sql(
UPDATE projects SET city_code = (SELECT substr(z.region_code, 1, 4) || '00' FROM zones z WHERE z.id = projects.zone_id)
WHERE city_code IS NOT (SELECT substr(z.region_code, 1, 4) || '00' FROM zones z WHERE z.id = projects.zone_id);
DELETE FROM project_search;
INSERT INTO project_search (rowid, name, code_name, national_code, investors)
SELECT p.id, p.name, p.code_name, p.national_code,
       (SELECT group_concat(e.name, char(10)) FROM project_investors pi JOIN enterprises e ON e.id = pi.enterprise_id
        WHERE pi.project_id = p.id)
FROM projects p;
DELETE FROM project_search_stale;
)sql";

}  // namespace

Suspended suspend_for_bulk_load(Connection& conn) {
    Suspended out;
    {
        auto q = conn.query_once(kTriggers);
        while (q->step()) {
            auto name = q->text(0);
            if (std::find(kDerivedTriggers.begin(), kDerivedTriggers.end(), name) == kDerivedTriggers.end()) continue;
            out.triggers.push_back({std::move(name), q->text(1)});
        }
    }
    {
        auto q = conn.query_once(kPlainIndexes);
        while (q->step()) out.indexes.push_back({q->text(0), q->text(1)});
    }
    for (const auto& t : out.triggers) conn.exec("DROP TRIGGER " + quote_identifier(t.name));
    for (const auto& i : out.indexes) conn.exec("DROP INDEX " + quote_identifier(i.name));
    return out;
}

void derive_and_restore(Connection& conn, const Suspended& suspended) {
    // Derived first, while the indexes that would have to follow the city column are still gone;
    // a schema without the triggers (before m0007) has nothing to derive.
    if (!suspended.triggers.empty()) conn.exec(kDerive);
    for (const auto& i : suspended.indexes) conn.exec(i.sql);
    for (const auto& t : suspended.triggers) conn.exec(t.sql);
}

}  // namespace sanpi::store::sqlite
