// Sums that cannot overflow: kept rows are summed across zones in 128 bits, and a write that
// would take one kept row past 64 bits is refused by name, on every backend. Real data never
// comes near (one amount is at most 1万亿元); the rows are set by hand to reach the edges.
#include "store/raw_connection.hpp"
#include "store/store_fixture.hpp"

namespace sanpi::store_test {
namespace {

using domain::BatchKind;
using domain::Scope;

class StoreFigureSumsTest : public StoreTest {
protected:
    void SetUp() override {
        StoreTest::SetUp();
        w_ = seed();
        campaign_ = write<std::int64_t>([](store::Tx& tx) { return tx.insert_campaign(make_campaign("活动")); });
        for (auto zone : {w_.taiyuan_zone, w_.datong_zone}) {
            const auto id = add_project(make_project("P" + std::to_string(zone), zone));
            write_void([&](store::Tx& tx) { return tx.insert_campaign_entry({campaign_, id, BatchKind::kSign}); });
        }
    }

    void raw(std::string_view sql) {
        auto conn = open_raw_connection(*db_, GetParam());
        auto q = conn->prepare(sql);
        q->step();
    }

    std::int64_t project_count() {
        auto conn = open_raw_connection(*db_, GetParam());
        auto q = conn->prepare("SELECT COUNT(*) FROM projects");
        return q->step() ? q->int64_at(0) : -1;
    }

    World w_;
    std::int64_t campaign_ = 0;
};

// 8×10^18 fen in each of two zones: 1.6×10^19 fen, past what 64 bits hold.
TEST_P(StoreFigureSumsTest, ACampaignsTotalsAcrossZonesPassSixtyFourBitsExactly) {
    raw("UPDATE figures_campaign_batch SET investment_fen = 8000000000000000001");
    raw("UPDATE figures_campaign_industry SET investment_fen = 8000000000000000001");
    const auto batches = read<std::vector<domain::BatchSummary>>(
        [&](store::Tx& tx) { return tx.campaign_batches(Scope::all(), campaign_); });
    ASSERT_EQ(batches.size(), 3u);
    EXPECT_EQ(batches[0].batch, BatchKind::kSign);
    EXPECT_EQ(batches[0].projects, 2);
    EXPECT_FALSE(batches[0].total_investment.fits_64());
    EXPECT_EQ(batches[0].total_investment.to_decimal(domain::MoneyUnit::kYuan), "160000000000000000.02");
    const auto industries = read<std::vector<domain::BatchIndustryTotal>>(
        [&](store::Tx& tx) { return tx.campaign_industry_totals(Scope::all(), campaign_); });
    ASSERT_EQ(industries.size(), 1u);
    EXPECT_EQ(industries[0].investment.to_decimal(domain::MoneyUnit::kYi), "1600000000.0000000002");
    // One zone alone is still read exactly.
    const auto one = read<std::vector<domain::BatchSummary>>(
        [&](store::Tx& tx) { return tx.campaign_batches(Scope::zone(w_.datong_zone), campaign_); });
    EXPECT_EQ(one[0].total_investment, domain::Money::from_fen(8000000000000000001));
}

TEST_P(StoreFigureSumsTest, AWriteThatWouldTakeAZonesKeptTotalPastItsLimitIsRefusedAndChangesNothing) {
    raw("UPDATE figures_zone_stage SET investment_fen = 8999999999999999999");
    const auto before = project_count();
    const auto e = write_error([&](store::Tx& tx) -> Result<void> {
        auto id = tx.insert_project(make_project("OVER", w_.taiyuan_zone));
        if (!id) return id.error();
        return {};
    });
    EXPECT_EQ(e.code, ErrorCode::kInvalidInput);
    ASSERT_FALSE(e.fields.empty());
    EXPECT_EQ(e.fields[0].field, "total_investment");
    EXPECT_NE(e.fields[0].message.en.find("nothing was saved"), std::string::npos);
    EXPECT_EQ(project_count(), before);
    // Below the limit the same write goes through.
    raw("UPDATE figures_zone_stage SET investment_fen = 1000");
    add_project(make_project("UNDER", w_.taiyuan_zone));
    EXPECT_EQ(project_count(), before + 1);
}

}  // namespace

SANPI_STORE_SUITE(StoreFigureSumsTest);

}  // namespace sanpi::store_test
