// Dictionaries, zones and enterprises.
#include "store/sqlite/sqlite_conditions.hpp"
#include "store/sqlite/sqlite_tx.hpp"

namespace sanpi::store::sqlite {
namespace {

constexpr std::string_view kUpsertRegion =
    "INSERT INTO regions (code, name_zh, name_en, slug) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (code) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en, slug = excluded.slug";
constexpr std::string_view kListRegions = "SELECT code, name_zh, name_en, slug FROM regions ORDER BY code";
constexpr std::string_view kUpsertIndustry =
    "INSERT INTO industries (code, name_zh, name_en, sort_order) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (code) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en, "
    "sort_order = excluded.sort_order";
constexpr std::string_view kListIndustries =
    "SELECT code, name_zh, name_en, sort_order FROM industries ORDER BY sort_order, code";

constexpr std::string_view kInsertZone =
    "INSERT INTO zones (code, name, level, region_code, leading_industries, slug) VALUES (?, ?, ?, ?, ?, ?) "
    "RETURNING id";
constexpr std::string_view kZoneSelect =
    "SELECT z.id, z.code, z.name, z.level, z.region_code, z.leading_industries, z.slug FROM zones z";
constexpr std::string_view kZoneOrder = " ORDER BY z.region_code, z.code, z.id";

constexpr std::string_view kInsertEnterprise =
    "INSERT INTO enterprises (name, credit_code, ownership, chain_role, synthetic) VALUES (?, ?, ?, ?, ?) "
    "RETURNING id";
constexpr std::string_view kEnterpriseSelect =
    "SELECT id, name, credit_code, ownership, chain_role, synthetic FROM enterprises";

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
std::optional<T> first_row(Query& q, Read read) {
    if (!q->step()) return std::nullopt;
    return read(*q);
}

}  // namespace

Result<void> SqliteTx::upsert_region(const domain::Region& r) {
    return guarded([&]() -> Result<void> {
        auto q = conn_.query(kUpsertRegion);
        bind_all(*q, r.code, r.name_zh, r.name_en, r.slug);
        q->step();
        return {};
    });
}

Result<std::vector<domain::Region>> SqliteTx::list_regions() {
    return guarded([&]() -> Result<std::vector<domain::Region>> {
        std::vector<domain::Region> out;
        auto q = conn_.query(kListRegions);
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

Result<void> SqliteTx::upsert_industry(const domain::Industry& i) {
    return guarded([&]() -> Result<void> {
        auto q = conn_.query(kUpsertIndustry);
        bind_all(*q, i.code, i.name_zh, i.name_en, i.sort_order);
        q->step();
        return {};
    });
}

Result<std::vector<domain::Industry>> SqliteTx::list_industries() {
    return guarded([&]() -> Result<std::vector<domain::Industry>> {
        std::vector<domain::Industry> out;
        auto q = conn_.query(kListIndustries);
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

Result<std::int64_t> SqliteTx::insert_zone(const domain::Zone& z) {
    const ForeignKeys refs{{"region_code", exists_sql::kRegion, z.region.str(), "行政区划", "region"}};
    return guarded(
        [&]() -> Result<std::int64_t> {
            auto q = conn_.query(kInsertZone);
            bind_all(*q, z.code, z.name, domain::to_string(z.level), z.region, join_codes(z.leading_industries),
                     z.slug);
            return returned_id(*q);
        },
        refs);
}

Result<std::optional<domain::Zone>> SqliteTx::find_zone_by_code(std::string_view code) {
    return guarded([&]() -> Result<std::optional<domain::Zone>> {
        auto q = conn_.query(std::string(kZoneSelect) + " WHERE z.code = ?");
        bind_all(*q, code);
        return first_row<domain::Zone>(q, read_zone);
    });
}

Result<std::optional<domain::Zone>> SqliteTx::get_zone(const Scope& scope, std::int64_t id) {
    return guarded([&]() -> Result<std::optional<domain::Zone>> {
        Conditions where;
        where.add("z.id = ?", id);
        if (auto scoped = add_scope(where, scope, "z.id", "z.region_code"); !scoped) return scoped.error();
        auto q = conn_.query(std::string(kZoneSelect) + where.where());
        where.bind(*q);
        return first_row<domain::Zone>(q, read_zone);
    });
}

Result<std::vector<domain::Zone>> SqliteTx::list_zones(const Scope& scope) {
    return guarded([&]() -> Result<std::vector<domain::Zone>> {
        Conditions where;
        if (auto scoped = add_scope(where, scope, "z.id", "z.region_code"); !scoped) return scoped.error();
        auto q = conn_.query(std::string(kZoneSelect) + where.where() + std::string(kZoneOrder));
        where.bind(*q);
        std::vector<domain::Zone> out;
        while (q->step()) out.push_back(read_zone(*q));
        return out;
    });
}

Result<std::int64_t> SqliteTx::insert_enterprise(const domain::Enterprise& e) {
    return guarded([&]() -> Result<std::int64_t> {
        auto q = conn_.query(kInsertEnterprise);
        bind_all(*q, e.name, e.credit_code.str(), domain::to_string(e.ownership), domain::to_string(e.chain_role),
                 e.synthetic);
        return returned_id(*q);
    });
}

Result<std::optional<domain::Enterprise>> SqliteTx::find_enterprise_by_credit_code(std::string_view code) {
    return guarded([&]() -> Result<std::optional<domain::Enterprise>> {
        auto q = conn_.query(std::string(kEnterpriseSelect) + " WHERE credit_code = ?");
        bind_all(*q, code);
        return first_row<domain::Enterprise>(q, read_enterprise);
    });
}

Result<std::optional<domain::Enterprise>> SqliteTx::get_enterprise(std::int64_t id) {
    return guarded([&]() -> Result<std::optional<domain::Enterprise>> {
        auto q = conn_.query(std::string(kEnterpriseSelect) + " WHERE id = ?");
        bind_all(*q, id);
        return first_row<domain::Enterprise>(q, read_enterprise);
    });
}

}  // namespace sanpi::store::sqlite
