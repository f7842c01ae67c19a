// Dictionaries, zones and enterprises.
#include "store/sql/catalog_sql.hpp"
#include "store/sql/conditions.hpp"
#include "store/sql/sql_tx.hpp"

namespace sanpi::store::sql {

using namespace catalog;

namespace {

domain::Zone read_zone(const Statement& st) {
    Row row(st);
    const auto id = row.int64();
    auto code = row.text();
    auto name = row.text();
    const auto level = row.enumeration(domain::zone_level_from_string, "zone level");
    return domain::Zone{.id = id,
                        .code = std::move(code),
                        .name = std::move(name),
                        .level = level,
                        .region = row.region_code(),
                        .leading_industries = row.codes(),
                        .slug = row.text()};
}

domain::Enterprise read_enterprise(const Statement& st) {
    Row row(st);
    const auto id = row.int64();
    auto name = row.text();
    const auto credit_text = row.text();
    auto credit_code = domain::CreditCode::parse(credit_text);
    if (!credit_code) throw StoreFault("stored credit code invalid: " + credit_text);
    const auto ownership = row.enumeration(domain::ownership_from_string, "ownership");
    const auto chain_role = row.enumeration(domain::chain_role_from_string, "chain role");
    return domain::Enterprise{.id = id,
                              .name = std::move(name),
                              .credit_code = *credit_code,
                              .ownership = ownership,
                              .chain_role = chain_role,
                              .synthetic = row.boolean()};
}

template <class T, class Read>
std::optional<T> first_row(Statement& q, Read read) {
    if (!q.step()) return std::nullopt;
    return read(q);
}

// Restricts enterprises `e` to those `scope` sees: investing in a project inside the scope, or
// registered by a zone inside it. One term, so it combines with the caller's other conditions.
Result<void> add_enterprise_visibility(Conditions& where, const Scope& scope) {
    if (scope.kind == Scope::Kind::kAll) return {};
    Conditions invests, registered;
    invests.add("vi.enterprise_id = e.id");
    registered.add("ez.enterprise_id = e.id");
    if (auto r = add_scope(invests, scope, "vp.zone_id", "vz.region_code"); !r) return r;
    if (auto r = add_scope(registered, scope, "ez.zone_id", "vz.region_code"); !r) return r;
    std::vector<SqlValue> values = invests.values();
    values.insert(values.end(), registered.values().begin(), registered.values().end());
    where.add("(" + std::string(kInvestsInProject) + invests.where() + ") OR " + std::string(kRegisteredByZone) +
                  registered.where() + "))",
              std::move(values));
    return {};
}

}  // namespace

Result<void> SqlTx::upsert_region(const domain::Region& r) {
    return atomically([&]() -> Result<void> {
        auto q = conn_.prepare(kUpsertRegion);
        bind_all(*q, r.code, r.name_zh, r.name_en, r.slug);
        run(*q);
        figures_.names_changed = true;
        return {};
    });
}

Result<std::vector<domain::Region>> SqlTx::list_regions() {
    return guarded([&]() -> Result<std::vector<domain::Region>> {
        std::vector<domain::Region> out;
        auto q = conn_.prepare(kListRegions);
        while (q->step()) {
            Row row(*q);
            auto code = row.region_code();
            auto name_zh = row.text();
            auto name_en = row.text();
            out.push_back(domain::Region{std::move(code), std::move(name_zh), std::move(name_en), row.text()});
        }
        return out;
    });
}

Result<void> SqlTx::upsert_industry(const domain::Industry& i) {
    return atomically([&]() -> Result<void> {
        auto q = conn_.prepare(kUpsertIndustry);
        bind_all(*q, i.code, i.name_zh, i.name_en, i.sort_order);
        run(*q);
        figures_.names_changed = true;
        return {};
    });
}

Result<std::vector<domain::Industry>> SqlTx::list_industries() {
    return guarded([&]() -> Result<std::vector<domain::Industry>> {
        std::vector<domain::Industry> out;
        auto q = conn_.prepare(kListIndustries);
        while (q->step()) {
            Row row(*q);
            domain::Industry i;
            i.code = row.text();
            i.name_zh = row.text();
            i.name_en = row.text();
            i.sort_order = static_cast<int>(row.int64());
            out.push_back(std::move(i));
        }
        return out;
    });
}

Result<std::int64_t> SqlTx::insert_zone(const domain::Zone& z) {
    const ForeignKeys refs{{"region_code", kRegionExists, z.region.str(), "行政区划", "region"}};
    return atomically(
        [&]() -> Result<std::int64_t> {
            auto q = conn_.prepare(kInsertZone);
            bind_all(*q, z.code, z.name, domain::to_string(z.level), z.region, join_codes(z.leading_industries),
                     z.slug);
            figures_.names_changed = true;
            return returned_id(*q);
        },
        refs);
}

Result<std::optional<domain::Zone>> SqlTx::find_zone_by_code(std::string_view code) {
    return guarded([&]() -> Result<std::optional<domain::Zone>> {
        auto q = conn_.prepare(std::string(kZoneSelect) + std::string(kZoneByCode));
        bind_all(*q, code);
        return first_row<domain::Zone>(*q, read_zone);
    });
}

Result<std::optional<domain::Zone>> SqlTx::get_zone(const Scope& scope, std::int64_t id) {
    return guarded([&]() -> Result<std::optional<domain::Zone>> {
        Conditions where;
        where.add("z.id = ?", id);
        if (auto scoped = add_scope(where, scope, "z.id", "z.region_code"); !scoped) return scoped.error();
        auto q = conn_.prepare(std::string(kZoneSelect) + where.where());
        where.bind(*q);
        return first_row<domain::Zone>(*q, read_zone);
    });
}

Result<std::vector<domain::Zone>> SqlTx::list_zones(const Scope& scope) {
    return guarded([&]() -> Result<std::vector<domain::Zone>> {
        Conditions where;
        if (auto scoped = add_scope(where, scope, "z.id", "z.region_code"); !scoped) return scoped.error();
        auto q = conn_.prepare(std::string(kZoneSelect) + where.where() + std::string(kZoneOrder));
        where.bind(*q);
        std::vector<domain::Zone> out;
        while (q->step()) out.push_back(read_zone(*q));
        return out;
    });
}

Result<std::int64_t> SqlTx::insert_enterprise(const domain::Enterprise& e) {
    return atomically([&]() -> Result<std::int64_t> {
        auto q = conn_.prepare(kInsertEnterprise);
        bind_all(*q, e.name, e.credit_code.str(), domain::to_string(e.ownership), domain::to_string(e.chain_role),
                 e.synthetic);
        return returned_id(*q);
    });
}

Result<std::optional<domain::Enterprise>> SqlTx::find_enterprise_by_credit_code(std::string_view code) {
    return guarded([&]() -> Result<std::optional<domain::Enterprise>> {
        auto q = conn_.prepare(std::string(kEnterpriseSelect) + std::string(kEnterpriseByCreditCode));
        bind_all(*q, code);
        return first_row<domain::Enterprise>(*q, read_enterprise);
    });
}

Result<std::optional<domain::Enterprise>> SqlTx::find_visible_enterprise(const Scope& scope,
                                                                         std::string_view credit_code) {
    return guarded([&]() -> Result<std::optional<domain::Enterprise>> {
        Conditions where;
        where.add("e.credit_code = ?", std::string(credit_code));
        if (auto visible = add_enterprise_visibility(where, scope); !visible) return visible.error();
        auto q = conn_.prepare(std::string(kVisibleEnterpriseSelect) + where.where());
        where.bind(*q);
        return first_row<domain::Enterprise>(*q, read_enterprise);
    });
}

Result<std::vector<std::int64_t>> SqlTx::visible_enterprise_ids(const Scope& scope,
                                                                const std::vector<std::int64_t>& ids) {
    return guarded([&]() -> Result<std::vector<std::int64_t>> {
        std::vector<std::int64_t> out;
        if (ids.empty()) return out;
        std::string in = "e.id IN (";
        std::vector<SqlValue> values;
        for (const auto id : ids) {
            in += values.empty() ? "?" : ", ?";
            values.emplace_back(id);
        }
        Conditions where;
        where.add(in + ")", std::move(values));
        if (auto visible = add_enterprise_visibility(where, scope); !visible) return visible.error();
        auto q = conn_.prepare("SELECT e.id FROM enterprises e" + where.where() + " ORDER BY e.id");
        where.bind(*q);
        while (q->step()) out.push_back(Row(*q).int64());
        return out;
    });
}

Result<void> SqlTx::link_enterprise_zone(std::int64_t enterprise_id, std::int64_t zone_id) {
    return atomically([&]() -> Result<void> {
        auto q = conn_.prepare(kLinkEnterpriseZone);
        bind_all(*q, enterprise_id, zone_id);
        run(*q);
        return {};
    });
}

Result<std::optional<domain::Enterprise>> SqlTx::get_enterprise(std::int64_t id) {
    return guarded([&]() -> Result<std::optional<domain::Enterprise>> {
        auto q = conn_.prepare(std::string(kEnterpriseSelect) + std::string(kEnterpriseById));
        bind_all(*q, id);
        return first_row<domain::Enterprise>(*q, read_enterprise);
    });
}

Result<Tx::ProjectReferences> SqlTx::find_project_references(const Scope& scope, std::int64_t zone_id,
                                                             std::string_view industry_code,
                                                             const std::vector<std::int64_t>& investor_ids,
                                                             const Scope& investor_scope) {
    return guarded([&]() -> Result<ProjectReferences> {
        Conditions where;
        where.add("z.id = ?", zone_id);
        if (auto scoped = add_scope(where, scope, "z.id", "z.region_code"); !scoped) return scoped.error();
        std::vector<std::unique_ptr<Statement>> statements;
        statements.push_back(conn_.prepare("SELECT 1 FROM zones z" + where.where()));
        where.bind(*statements.back());
        statements.push_back(conn_.prepare(kIndustryExists));
        bind_all(*statements.back(), industry_code);
        // An investor the scope cannot see reads as one that does not exist (no existence oracle).
        for (auto id : investor_ids) {
            Conditions investor;
            investor.add("e.id = ?", id);
            if (auto visible = add_enterprise_visibility(investor, investor_scope); !visible) return visible.error();
            statements.push_back(conn_.prepare(std::string(kVisibleEnterpriseExists) + investor.where()));
            investor.bind(*statements.back());
        }
        std::vector<Statement*> together;
        for (auto& q : statements) together.push_back(q.get());
        conn_.run_together(together);
        ProjectReferences out;
        out.zone_in_scope = statements[0]->step();
        out.industry_known = statements[1]->step();
        for (std::size_t i = 2; i < statements.size(); ++i) out.investors_exist.push_back(statements[i]->step());
        return out;
    });
}

}  // namespace sanpi::store::sql
