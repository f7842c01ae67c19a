// A campaign's breakdown figures (per zone, per industry: m0013) and its entry list, within each
// scope, on every backend.
#include <set>

#include "store/store_fixture.hpp"

namespace sanpi::store_test {
namespace {

using domain::BatchKind;
using domain::Scope;

class StoreCampaignBreakdownTest : public StoreTest {
protected:
    void SetUp() override {
        StoreTest::SetUp();
        w_ = seed();
        campaign_ = write<std::int64_t>([](store::Tx& tx) { return tx.insert_campaign(make_campaign("活动")); });
        other_ = write<std::int64_t>([](store::Tx& tx) { return tx.insert_campaign(make_campaign("另一次")); });
        // Taiyuan city: A (new materials, 100 yuan), B (coal, 20); its county zone: C (coal, 3);
        // Datong: D (new materials, 4000). A, B, C, D signed; A and D started; D also in another
        // campaign's production batch.
        a_ = add_project_of("A", w_.taiyuan_zone, "new_materials", 100);
        b_ = add_project_of("B", w_.taiyuan_zone, "coal_chemical", 20);
        c_ = add_project_of("C", w_.xiaodian_zone, "coal_chemical", 3);
        d_ = add_project_of("D", w_.datong_zone, "new_materials", 4000);
        for (auto p : {a_, b_, c_, d_}) enter(campaign_, p, BatchKind::kSign);
        for (auto p : {a_, d_}) enter(campaign_, p, BatchKind::kStart);
        enter(other_, d_, BatchKind::kProduce);
    }

    std::int64_t add_project_of(std::string code, std::int64_t zone, std::string industry, std::int64_t yuan) {
        auto p = make_project(std::move(code), zone, {}, std::move(industry));
        p.total_investment = domain::Money::from_fen(yuan * 100);
        return add_project(p);
    }

    void enter(std::int64_t campaign, std::int64_t project, BatchKind batch) {
        write_void([&](store::Tx& tx) { return tx.insert_campaign_entry({campaign, project, batch}); });
    }

    std::vector<domain::BatchIndustryTotal> industries(const Scope& scope, std::int64_t campaign) {
        return read<std::vector<domain::BatchIndustryTotal>>(
            [&](store::Tx& tx) { return tx.campaign_industry_totals(scope, campaign); });
    }

    std::vector<domain::BatchFigure> zone_rows(const Scope& scope, std::int64_t campaign) {
        return read<std::vector<domain::BatchFigure>>(
            [&](store::Tx& tx) { return tx.campaign_zone_figures(scope, campaign); });
    }

    store::Page<store::CampaignEntryView> entries(const Scope& scope, store::CampaignEntryQuery q) {
        return read<store::Page<store::CampaignEntryView>>(
            [&](store::Tx& tx) { return tx.list_campaign_entries(scope, q); });
    }

    store::CampaignEntryQuery of_campaign() const {
        store::CampaignEntryQuery q;
        q.campaign_id = campaign_;
        return q;
    }

    // (batch, industry) -> (projects, yuan)
    static std::map<std::pair<BatchKind, std::string>, std::pair<std::int64_t, std::int64_t>> by_key(
        const std::vector<domain::BatchIndustryTotal>& totals) {
        std::map<std::pair<BatchKind, std::string>, std::pair<std::int64_t, std::int64_t>> out;
        for (const auto& t : totals) out[{t.batch, t.industry_code}] = {t.projects, t.investment.fen() / 100};
        return out;
    }

    static std::vector<std::int64_t> ids(const store::Page<store::CampaignEntryView>& page) {
        std::vector<std::int64_t> out;
        for (const auto& item : page.items) out.push_back(item.entry.project_id);
        return out;
    }

    World w_;
    std::int64_t campaign_ = 0, other_ = 0, a_ = 0, b_ = 0, c_ = 0, d_ = 0;
};

TEST_P(StoreCampaignBreakdownTest, IndustryTotalsAreSummedOverTheScopesZones) {
    using Totals = std::map<std::pair<BatchKind, std::string>, std::pair<std::int64_t, std::int64_t>>;
    EXPECT_EQ(by_key(industries(Scope::all(), campaign_)), (Totals{{{BatchKind::kSign, "coal_chemical"}, {2, 23}},
                                                                   {{BatchKind::kSign, "new_materials"}, {2, 4100}},
                                                                   {{BatchKind::kStart, "new_materials"}, {2, 4100}}}));
    EXPECT_EQ(by_key(industries(Scope::region(region_code("140100")), campaign_)),
              (Totals{{{BatchKind::kSign, "coal_chemical"}, {2, 23}},
                      {{BatchKind::kSign, "new_materials"}, {1, 100}},
                      {{BatchKind::kStart, "new_materials"}, {1, 100}}}));
    EXPECT_EQ(by_key(industries(Scope::zone(w_.xiaodian_zone), campaign_)),
              (Totals{{{BatchKind::kSign, "coal_chemical"}, {1, 3}}}));
    EXPECT_EQ(by_key(industries(Scope::all(), other_)), (Totals{{{BatchKind::kProduce, "new_materials"}, {1, 4000}}}));
    EXPECT_TRUE(industries(Scope::all(), 999).empty());
}

TEST_P(StoreCampaignBreakdownTest, ZoneRowsAreTheCampaignsOwnInsideTheScope) {
    const auto rows = zone_rows(Scope::region(region_code("140100")), campaign_);
    std::set<std::tuple<std::int64_t, BatchKind, std::int64_t>> got;
    for (const auto& r : rows) {
        EXPECT_EQ(r.campaign_id, campaign_);
        got.insert({r.zone_id, r.batch, r.projects});
    }
    EXPECT_EQ(got,
              (std::set<std::tuple<std::int64_t, BatchKind, std::int64_t>>{{w_.xiaodian_zone, BatchKind::kSign, 1},
                                                                           {w_.taiyuan_zone, BatchKind::kSign, 2},
                                                                           {w_.taiyuan_zone, BatchKind::kStart, 1}}));
    EXPECT_EQ(zone_rows(Scope::all(), campaign_).size(), 5u);
    EXPECT_EQ(zone_rows(Scope::zone(w_.datong_zone), other_).size(), 1u);
}

TEST_P(StoreCampaignBreakdownTest, AnEnteredProjectsNewIndustryZoneOrInvestmentMovesItsRows) {
    auto p = get_project(Scope::all(), a_)->project;
    p.industry_code = "coal_chemical";
    p.zone_id = w_.datong_zone;
    p.total_investment = domain::Money::from_fen(500'00);
    write_void([&](store::Tx& tx) { return tx.update_project(p, p.version); });
    using Totals = std::map<std::pair<BatchKind, std::string>, std::pair<std::int64_t, std::int64_t>>;
    EXPECT_EQ(by_key(industries(Scope::all(), campaign_)), (Totals{{{BatchKind::kSign, "coal_chemical"}, {3, 523}},
                                                                   {{BatchKind::kSign, "new_materials"}, {1, 4000}},
                                                                   {{BatchKind::kStart, "coal_chemical"}, {1, 500}},
                                                                   {{BatchKind::kStart, "new_materials"}, {1, 4000}}}));
    EXPECT_EQ(by_key(industries(Scope::zone(w_.datong_zone), campaign_)),
              (Totals{{{BatchKind::kSign, "coal_chemical"}, {1, 500}},
                      {{BatchKind::kSign, "new_materials"}, {1, 4000}},
                      {{BatchKind::kStart, "coal_chemical"}, {1, 500}},
                      {{BatchKind::kStart, "new_materials"}, {1, 4000}}}));
    auto kept =
        read<std::vector<domain::BatchIndustryFigure>>([](store::Tx& tx) { return tx.kept_campaign_industries(); });
    auto counted = read<std::vector<domain::BatchIndustryFigure>>(
        [](store::Tx& tx) { return tx.recomputed_campaign_industries(); });
    EXPECT_EQ(kept, counted);
    EXPECT_EQ(kept.size(), 7u);  // the emptied rows of A's old zone and industry are left out
}

TEST_P(StoreCampaignBreakdownTest, EntriesComeByProjectWithTheirProjectsAndAKeptTotal) {
    const auto all = entries(Scope::all(), of_campaign());
    EXPECT_EQ(all.total, 6);
    EXPECT_EQ(ids(all), (std::vector<std::int64_t>{a_, a_, b_, c_, d_, d_}));
    const auto& first = all.items.front();
    EXPECT_EQ(first.entry.campaign_id, campaign_);
    EXPECT_EQ(first.entry.status, domain::EntryStatus::kConfirmed);
    EXPECT_EQ(first.project.project.code, "A");
    EXPECT_EQ(first.project.project.industry_code, "new_materials");
    EXPECT_EQ(first.project.project.total_investment.fen(), 100'00);
    EXPECT_EQ(first.project.zone_name, make_zone("TY-ETDZ", "140100").name);
    EXPECT_EQ(first.project.city_code, "140100");

    auto q = of_campaign();
    q.batch = BatchKind::kStart;
    const auto started = entries(Scope::all(), q);
    EXPECT_EQ(started.total, 2);
    EXPECT_EQ(ids(started), (std::vector<std::int64_t>{a_, d_}));
    for (const auto& item : started.items) EXPECT_EQ(item.entry.batch, BatchKind::kStart);

    q = of_campaign();
    q.campaign_id = other_;
    EXPECT_EQ(ids(entries(Scope::all(), q)), (std::vector<std::int64_t>{d_}));
}

TEST_P(StoreCampaignBreakdownTest, EntriesAreScopedAndFilteredByCityAndZone) {
    auto q = of_campaign();
    const auto taiyuan = entries(Scope::region(region_code("140100")), q);
    EXPECT_EQ(taiyuan.total, 4);
    EXPECT_EQ(ids(taiyuan), (std::vector<std::int64_t>{a_, a_, b_, c_}));
    const auto county = entries(Scope::zone(w_.xiaodian_zone), q);
    EXPECT_EQ(county.total, 1);
    EXPECT_EQ(ids(county), (std::vector<std::int64_t>{c_}));

    q.city_code = "140100";  // the city's county zone included
    EXPECT_EQ(entries(Scope::all(), q).total, 4);
    EXPECT_EQ(ids(entries(Scope::zone(w_.datong_zone), q)), std::vector<std::int64_t>{});
    EXPECT_EQ(entries(Scope::zone(w_.datong_zone), q).total, 0);
    q.city_code.reset();
    q.zone_id = w_.taiyuan_zone;
    q.batch = BatchKind::kSign;
    EXPECT_EQ(ids(entries(Scope::all(), q)), (std::vector<std::int64_t>{a_, b_}));
    EXPECT_EQ(entries(Scope::all(), q).total, 2);
    EXPECT_EQ(entries(Scope::region(region_code("140200")), q).total, 0);  // a zone outside the scope
}

TEST_P(StoreCampaignBreakdownTest, EntryPagesWalkEveryEntryOnce) {
    auto q = of_campaign();
    q.limit = 4;
    const auto first = entries(Scope::all(), q);
    q.offset = 4;
    const auto second = entries(Scope::all(), q);
    EXPECT_EQ(first.items.size(), 4u);
    EXPECT_EQ(second.items.size(), 2u);
    EXPECT_EQ(second.total, 6);
    q.offset = 6;
    EXPECT_TRUE(entries(Scope::all(), q).items.empty());
    std::multiset<std::pair<std::int64_t, BatchKind>> seen;
    for (const auto* page : {&first, &second}) {
        for (const auto& item : page->items) seen.insert({item.entry.project_id, item.entry.batch});
    }
    EXPECT_EQ(seen.size(), 6u);
    const std::set<std::pair<std::int64_t, BatchKind>> distinct(seen.begin(), seen.end());
    EXPECT_EQ(distinct.size(), 6u);
}

TEST_P(StoreCampaignBreakdownTest, AMalformedCityIsRefused) {
    auto q = of_campaign();
    q.city_code = "1401";
    auto r = store::read_value<store::Page<store::CampaignEntryView>>(
        store(), [&](store::Tx& tx) { return tx.list_campaign_entries(Scope::all(), q); });
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
}

SANPI_STORE_SUITE(StoreCampaignBreakdownTest);

}  // namespace
}  // namespace sanpi::store_test
