// Dictionaries, zones and enterprises.
#include "store/postgres/pg_conditions.hpp"
#include "store/postgres/pg_tx.hpp"

namespace sanpi::store::postgres {
namespace {

// Text sorts use COLLATE "C" (byte order), which is what SQLite's BINARY collation does, so both
// backends list in the same order whatever the database's locale.
constexpr std::string_view kUpsertRegion =
    "INSERT INTO regions (code, name_zh, name_en, slug) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT (code) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en, slug = excluded.slug";
constexpr std::string_view kListRegions =
    "SELECT code, name_zh, name_en, slug FROM regions ORDER BY code COLLATE \"C\"";
constexpr std::string_view kUpsertIndustry =
    "INSERT INTO industries (code, name_zh, name_en, sort_order) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT (code) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en, "
    "sort_order = excluded.sort_order";
constexpr std::string_view kListIndustries =
    "SELECT code, name_zh, name_en, sort_order FROM industries ORDER BY sort_order, code COLLATE \"C\"";

constexpr std::string_view kInsertZone =
    "INSERT INTO zones (code, name, level, region_code, leading_industries, slug) "
    "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
constexpr std::string_view kZoneSelect =
    "SELECT z.id, z.code, z.name, z.level, z.region_code, z.leading_industries, z.slug FROM zones z";
constexpr std::string_view kZoneByCode = " WHERE z.code = $1";
constexpr std::string_view kZoneOrder = " ORDER BY z.region_code COLLATE \"C\", z.code COLLATE \"C\", z.id";

constexpr std::string_view kInsertEnterprise =
    "INSERT INTO enterprises (name, credit_code, ownership, chain_role, synthetic) VALUES ($1, $2, $3, $4, $5) "
    "RETURNING id";
constexpr std::string_view kEnterpriseSelect =
    "SELECT id, name, credit_code, ownership, chain_role, synthetic FROM enterprises";
constexpr std::string_view kEnterpriseByCreditCode = " WHERE credit_code = $1";
constexpr std::string_view kEnterpriseById = " WHERE id = $1";

domain::Zone read_zone(const PgResult& r, int i) {
    Row row(r, i);
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

domain::Enterprise read_enterprise(const PgResult& r, int i) {
    Row row(r, i);
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

}  // namespace

Result<void> PgTx::upsert_region(const domain::Region& r) {
    return atomically([&]() -> Result<void> {
        conn_.query(kUpsertRegion, Params::of(r.code, r.name_zh, r.name_en, r.slug));
        return {};
    });
}

Result<std::vector<domain::Region>> PgTx::list_regions() {
    return guarded([&]() -> Result<std::vector<domain::Region>> {
        std::vector<domain::Region> out;
        const auto r = conn_.query(kListRegions);
        for (int i = 0; i < r.rows(); ++i) {
            Row row(r, i);
            auto code = row.region_code();
            auto name_zh = row.text();
            auto name_en = row.text();
            out.push_back(domain::Region{std::move(code), std::move(name_zh), std::move(name_en), row.text()});
        }
        return out;
    });
}

Result<void> PgTx::upsert_industry(const domain::Industry& i) {
    return atomically([&]() -> Result<void> {
        conn_.query(kUpsertIndustry, Params::of(i.code, i.name_zh, i.name_en, i.sort_order));
        return {};
    });
}

Result<std::vector<domain::Industry>> PgTx::list_industries() {
    return guarded([&]() -> Result<std::vector<domain::Industry>> {
        std::vector<domain::Industry> out;
        const auto r = conn_.query(kListIndustries);
        for (int i = 0; i < r.rows(); ++i) {
            Row row(r, i);
            domain::Industry industry;
            industry.code = row.text();
            industry.name_zh = row.text();
            industry.name_en = row.text();
            industry.sort_order = static_cast<int>(row.int64());
            out.push_back(std::move(industry));
        }
        return out;
    });
}

Result<std::int64_t> PgTx::insert_zone(const domain::Zone& z) {
    const ForeignKeys refs{{"region_code", exists_sql::kRegion, z.region.str(), "行政区划", "region"}};
    return atomically(
        [&]() -> Result<std::int64_t> {
            return returned_id(conn_.query(kInsertZone, Params::of(z.code, z.name, domain::to_string(z.level), z.region,
                                                                   join_codes(z.leading_industries), z.slug)));
        },
        refs);
}

Result<std::optional<domain::Zone>> PgTx::find_zone_by_code(std::string_view code) {
    return guarded([&]() -> Result<std::optional<domain::Zone>> {
        return first_row<domain::Zone>(
            conn_.query(std::string(kZoneSelect) + std::string(kZoneByCode), Params::of(code)), read_zone);
    });
}

Result<std::optional<domain::Zone>> PgTx::get_zone(const Scope& scope, std::int64_t id) {
    return guarded([&]() -> Result<std::optional<domain::Zone>> {
        Conditions where;
        where.add("z.id = ?", id);
        if (auto scoped = add_scope(where, scope, "z.id", "z.region_code"); !scoped) return scoped.error();
        return first_row<domain::Zone>(conn_.query(std::string(kZoneSelect) + where.where(), where.params()),
                                       read_zone);
    });
}

Result<std::vector<domain::Zone>> PgTx::list_zones(const Scope& scope) {
    return guarded([&]() -> Result<std::vector<domain::Zone>> {
        Conditions where;
        if (auto scoped = add_scope(where, scope, "z.id", "z.region_code"); !scoped) return scoped.error();
        const auto r = conn_.query(std::string(kZoneSelect) + where.where() + std::string(kZoneOrder), where.params());
        std::vector<domain::Zone> out;
        for (int i = 0; i < r.rows(); ++i) out.push_back(read_zone(r, i));
        return out;
    });
}

Result<std::int64_t> PgTx::insert_enterprise(const domain::Enterprise& e) {
    return atomically([&]() -> Result<std::int64_t> {
        return returned_id(
            conn_.query(kInsertEnterprise, Params::of(e.name, e.credit_code.str(), domain::to_string(e.ownership),
                                                      domain::to_string(e.chain_role), e.synthetic)));
    });
}

Result<std::optional<domain::Enterprise>> PgTx::find_enterprise_by_credit_code(std::string_view code) {
    return guarded([&]() -> Result<std::optional<domain::Enterprise>> {
        return first_row<domain::Enterprise>(
            conn_.query(std::string(kEnterpriseSelect) + std::string(kEnterpriseByCreditCode), Params::of(code)),
            read_enterprise);
    });
}

Result<std::optional<domain::Enterprise>> PgTx::get_enterprise(std::int64_t id) {
    return guarded([&]() -> Result<std::optional<domain::Enterprise>> {
        return first_row<domain::Enterprise>(
            conn_.query(std::string(kEnterpriseSelect) + std::string(kEnterpriseById), Params::of(id)),
            read_enterprise);
    });
}

}  // namespace sanpi::store::postgres
