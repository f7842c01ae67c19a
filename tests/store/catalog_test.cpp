#include "store/store_fixture.hpp"

namespace sanpi::store_test {
namespace {

using domain::Scope;
using ZoneList = std::vector<domain::Zone>;

class StoreCatalogTest : public StoreTest {
protected:
    ZoneList zones(const Scope& scope) {
        return read<ZoneList>([&](store::Tx& tx) { return tx.list_zones(scope); });
    }
};

std::vector<std::string> codes_of(const ZoneList& zones) {
    std::vector<std::string> out;
    for (const auto& z : zones) out.push_back(z.code);
    return out;
}

TEST_P(StoreCatalogTest, RegionsUpsertAndListInCodeOrder) {
    write_void([](store::Tx& tx) -> Result<void> {
        if (auto r = tx.upsert_region(make_region("140200", "大同市", "Datong")); !r) return r;
        if (auto r = tx.upsert_region(make_region("140100", "太原", "Taiyuan")); !r) return r;
        return tx.upsert_region(make_region("140100", "太原市", "Taiyuan City"));
    });
    auto regions = read<std::vector<domain::Region>>([](store::Tx& tx) { return tx.list_regions(); });
    ASSERT_EQ(regions.size(), 2u);
    EXPECT_EQ(regions[0].code.str(), "140100");
    EXPECT_EQ(regions[0].name_zh, "太原市");
    EXPECT_EQ(regions[0].name_en, "Taiyuan City");
    EXPECT_EQ(regions[0].slug, "taiyuan city");
    EXPECT_EQ(regions[1].code.str(), "140200");
}

TEST_P(StoreCatalogTest, IndustriesUpsertAndListInSortOrder) {
    write_void([](store::Tx& tx) -> Result<void> {
        if (auto r = tx.upsert_industry(make_industry("big_data", 3)); !r) return r;
        if (auto r = tx.upsert_industry(make_industry("coal_chemical", 1)); !r) return r;
        auto renamed = make_industry("big_data", 2);
        renamed.name_zh = "大数据";
        return tx.upsert_industry(renamed);
    });
    auto industries = read<std::vector<domain::Industry>>([](store::Tx& tx) { return tx.list_industries(); });
    ASSERT_EQ(industries.size(), 2u);
    EXPECT_EQ(industries[0].code, "coal_chemical");
    EXPECT_EQ(industries[1].code, "big_data");
    EXPECT_EQ(industries[1].name_zh, "大数据");
    EXPECT_EQ(industries[1].sort_order, 2);
}

TEST_P(StoreCatalogTest, ZoneRoundTripsByCodeAndId) {
    const auto w = seed();
    auto found = read<std::optional<domain::Zone>>([](store::Tx& tx) { return tx.find_zone_by_code("TY-XD"); });
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, w.xiaodian_zone);
    EXPECT_EQ(found->name, "TY-XD开发区");
    EXPECT_EQ(found->level, domain::ZoneLevel::kNationalEtdz);
    EXPECT_EQ(found->region.str(), "140105");
    EXPECT_EQ(found->leading_industries, (std::vector<std::string>{"new_materials", "coal_chemical"}));
    EXPECT_EQ(found->slug, "zone-TY-XD");
    auto by_id =
        read<std::optional<domain::Zone>>([&](store::Tx& tx) { return tx.get_zone(Scope::all(), w.datong_zone); });
    ASSERT_TRUE(by_id);
    EXPECT_EQ(by_id->code, "DT-ETDZ");
    EXPECT_FALSE(read<std::optional<domain::Zone>>([](store::Tx& tx) { return tx.find_zone_by_code("NOPE"); }));
}

TEST_P(StoreCatalogTest, EveryZoneLevelIsAccepted) {
    seed();
    for (auto level : {domain::ZoneLevel::kNationalEtdz, domain::ZoneLevel::kNationalHighTech,
                       domain::ZoneLevel::kProvincial, domain::ZoneLevel::kReformDemonstration}) {
        auto z = make_zone("L-" + std::string(domain::to_string(level)));
        z.level = level;
        write<std::int64_t>([&](store::Tx& tx) { return tx.insert_zone(z); });
        auto back = read<std::optional<domain::Zone>>([&](store::Tx& tx) { return tx.find_zone_by_code(z.code); });
        ASSERT_TRUE(back);
        EXPECT_EQ(back->level, level);
    }
}

TEST_P(StoreCatalogTest, DuplicateZoneCodeIsAConflictNamingTheField) {
    seed();
    auto e = write_error([](store::Tx& tx) { return tx.insert_zone(make_zone("TY-XD")).error(); });
    EXPECT_EQ(e.code, ErrorCode::kConflict);
    ASSERT_EQ(e.fields.size(), 1u);
    EXPECT_EQ(e.fields[0].field, "code");
    EXPECT_EQ(e.message.en.find("UNIQUE"), std::string::npos) << "SQLite's text must not leak";
}

TEST_P(StoreCatalogTest, ZoneInUnknownRegionIsInvalidInputNamingTheField) {
    seed();
    auto e = write_error([](store::Tx& tx) { return tx.insert_zone(make_zone("LF-1", "141000")).error(); });
    EXPECT_EQ(e.code, ErrorCode::kInvalidInput);
    ASSERT_EQ(e.fields.size(), 1u);
    EXPECT_EQ(e.fields[0].field, "region_code");
}

TEST_P(StoreCatalogTest, ZonesAreListedWithinScope) {
    const auto w = seed();
    EXPECT_EQ(codes_of(zones(Scope::all())), (std::vector<std::string>{"TY-ETDZ", "TY-XD", "DT-ETDZ"}));
    EXPECT_EQ(codes_of(zones(Scope::region(region_code("140100")))), (std::vector<std::string>{"TY-ETDZ", "TY-XD"}));
    EXPECT_EQ(codes_of(zones(Scope::region(region_code("140105")))), (std::vector<std::string>{"TY-XD"}));
    EXPECT_EQ(codes_of(zones(Scope::region(region_code("140000")))).size(), 3u);
    EXPECT_EQ(codes_of(zones(Scope::zone(w.datong_zone))), (std::vector<std::string>{"DT-ETDZ"}));
}

TEST_P(StoreCatalogTest, ZoneOutsideScopeIsNotFound) {
    const auto w = seed();
    auto in_other_city = read<std::optional<domain::Zone>>(
        [&](store::Tx& tx) { return tx.get_zone(Scope::region(region_code("140100")), w.datong_zone); });
    EXPECT_FALSE(in_other_city);
    auto other_zone = read<std::optional<domain::Zone>>(
        [&](store::Tx& tx) { return tx.get_zone(Scope::zone(w.taiyuan_zone), w.xiaodian_zone); });
    EXPECT_FALSE(other_zone);
}

TEST_P(StoreCatalogTest, MalformedRegionScopeIsRefusedNotWidened) {
    seed();
    Scope bad{Scope::Kind::kRegion, "14%", 0};
    auto r = store::read_value<ZoneList>(store(), [&](store::Tx& tx) { return tx.list_zones(bad); });
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kForbidden);
    Scope empty{Scope::Kind::kRegion, "", 0};
    EXPECT_FALSE(store::read_value<ZoneList>(store(), [&](store::Tx& tx) { return tx.list_zones(empty); }));
}

TEST_P(StoreCatalogTest, EnterpriseRoundTripsByCreditCodeAndId) {
    seed();
    auto e = make_enterprise("潞安化工集团", 7);
    e.ownership = domain::Ownership::kState;
    e.chain_role = domain::ChainRole::kChainOwner;
    e.synthetic = false;
    const auto id = write<std::int64_t>([&](store::Tx& tx) { return tx.insert_enterprise(e); });
    auto found = read<std::optional<domain::Enterprise>>(
        [&](store::Tx& tx) { return tx.find_enterprise_by_credit_code(e.credit_code.str()); });
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, id);
    EXPECT_EQ(found->name, "潞安化工集团");
    EXPECT_EQ(found->credit_code, e.credit_code);
    EXPECT_EQ(found->ownership, domain::Ownership::kState);
    EXPECT_EQ(found->chain_role, domain::ChainRole::kChainOwner);
    EXPECT_FALSE(found->synthetic);
    auto by_id = read<std::optional<domain::Enterprise>>([&](store::Tx& tx) { return tx.get_enterprise(id); });
    ASSERT_TRUE(by_id);
    EXPECT_EQ(by_id->name, e.name);
    EXPECT_FALSE(read<std::optional<domain::Enterprise>>([](store::Tx& tx) { return tx.get_enterprise(999); }));
}

TEST_P(StoreCatalogTest, DuplicateCreditCodeIsAConflict) {
    seed();
    auto e = write_error([](store::Tx& tx) { return tx.insert_enterprise(make_enterprise("另一家", 1)).error(); });
    EXPECT_EQ(e.code, ErrorCode::kConflict);
    ASSERT_EQ(e.fields.size(), 1u);
    EXPECT_EQ(e.fields[0].field, "credit_code");
}

SANPI_STORE_SUITE(StoreCatalogTest);

}  // namespace
}  // namespace sanpi::store_test
