// The warnings list (yellow and red projects inside a scope) and its counts by city, zone,
// industry and rule, each one grouped query over the kept lights.
#include <map>

#include "store/sql/conditions.hpp"
#include "store/sql/lights_sql.hpp"
#include "store/sql/page_limit.hpp"
#include "store/sql/row.hpp"
#include "store/sql/sql_tx.hpp"

namespace sanpi::store::sql {

using namespace lights;

namespace {

Result<void> add_warning_filters(Conditions& where, const Scope& scope, const WarningQuery& q, bool with_light) {
    if (auto scoped = add_scope(where, scope, "p.zone_id", "z.region_code"); !scoped) return scoped.error();
    if (q.city_code) {
        if (!is_digits(*q.city_code, 6) || q.city_code->size() != 6) {
            return Error::invalid_field("city", "城市代码应为6位数字", "city must be six digits");
        }
        where.add("p.city_code = ?", *q.city_code);
    }
    if (q.zone_id) where.add("p.zone_id = ?", *q.zone_id);
    if (q.industry_code) where.add("p.industry_code = ?", *q.industry_code);
    if (with_light && q.light) where.add("l.light = ?", std::string(domain::to_string(*q.light)));
    if (q.rule) where.add(kRuleFilter, std::string(domain::to_string(*q.rule)));
    return {};
}

WarningItem read_warning(Row& row) {
    WarningItem w;
    w.project_id = row.int64();
    w.code = row.text();
    w.name = row.text();
    w.code_name = row.optional_text().value_or("");
    w.stage = row.enumeration(domain::stage_from_string, "stage");
    w.zone_id = row.int64();
    w.zone_name = row.text();
    w.region_code = row.text();
    w.city_code = row.optional_text().value_or("");
    w.industry_code = row.text();
    w.light = row.enumeration(domain::light_from_string, "light");
    w.reasons = domain::decode_reasons(row.text());
    w.since = row.date();
    return w;
}

// Rows of (key, light, count), keys in order, into counts per key.
std::vector<WarningCount> grouped_counts(Statement& q, bool numeric_key) {
    std::map<std::string, WarningCount> by_key;
    std::vector<std::string> order;
    while (q.step()) {
        Row row(q);
        const std::string key = numeric_key ? std::to_string(row.int64()) : row.optional_text().value_or("");
        const auto light = row.enumeration(domain::light_from_string, "light");
        const auto n = row.int64();
        auto [it, added] = by_key.try_emplace(key, WarningCount{key, 0, 0});
        if (added) order.push_back(key);
        (light == domain::Light::kRed ? it->second.red : it->second.yellow) += n;
    }
    std::vector<WarningCount> out;
    for (const auto& key : order) out.push_back(by_key[key]);
    return out;
}

}  // namespace

Result<Page<WarningItem>> SqlTx::list_warnings(const Scope& scope, const WarningQuery& q) {
    return guarded([&]() -> Result<Page<WarningItem>> {
        Conditions where;
        if (auto added = add_warning_filters(where, scope, q, true); !added) return added.error();
        auto found = counted_page(conn_, where, kWarningFrom, std::string(kWarningRows) + std::string(kWarningFrom),
                                  kWarningOrder, q.limit, q.offset);
        Page<WarningItem> page;
        page.total = found.total;
        while (static_cast<std::int64_t>(page.items.size()) < found.limit && found.rows->step()) {
            Row row(*found.rows);
            page.items.push_back(read_warning(row));
        }
        return page;
    });
}

Result<WarningCounts> SqlTx::warning_counts(const Scope& scope, const WarningQuery& q) {
    return guarded([&]() -> Result<WarningCounts> {
        Conditions where;
        if (auto added = add_warning_filters(where, scope, q, false); !added) return added.error();
        const std::string from(kWarningFrom);
        const auto grouped = [&](const std::string& key, const std::string& extra_from, bool numeric) {
            auto st = conn_.prepare("SELECT " + key + ", " + (extra_from.empty() ? "l.light" : "lr.light") +
                                    ", COUNT(*)" + from + extra_from + where.where() + " GROUP BY 1, 2 ORDER BY 1, 2");
            where.bind(*st);
            return grouped_counts(*st, numeric);
        };
        WarningCounts out;
        for (const auto& c : grouped("l.light", "", false)) {
            out.red += c.red;
            out.yellow += c.yellow;
        }
        out.by_city = grouped("p.city_code", "", false);
        out.by_zone = grouped("p.zone_id", "", true);
        out.by_industry = grouped("p.industry_code", "", false);
        out.by_rule = grouped("lr.rule", " JOIN project_light_rules lr ON lr.project_id = l.project_id", false);
        return out;
    });
}

}  // namespace sanpi::store::sql
