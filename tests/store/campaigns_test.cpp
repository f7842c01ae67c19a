#include "store/store_fixture.hpp"

namespace sanpi::store_test {
namespace {

using domain::BatchKind;
using domain::Scope;

class StoreCampaignsTest : public StoreTest {
protected:
    void SetUp() override {
        StoreTest::SetUp();
        w_ = seed();
    }

    std::int64_t add_campaign(const domain::Campaign& c) {
        return write<std::int64_t>([&](store::Tx& tx) { return tx.insert_campaign(c); });
    }

    std::int64_t add_project_of(std::string code, std::int64_t zone, std::int64_t yuan) {
        auto p = make_project(std::move(code), zone);
        p.total_investment = domain::Money::from_fen(yuan * 100);
        return add_project(p);
    }

    void enter(std::int64_t campaign, std::int64_t project, BatchKind batch) {
        write_void([&](store::Tx& tx) { return tx.insert_campaign_entry({campaign, project, batch}); });
    }

    std::vector<domain::BatchSummary> batches(const Scope& scope, std::int64_t campaign) {
        return read<std::vector<domain::BatchSummary>>(
            [&](store::Tx& tx) { return tx.campaign_batches(scope, campaign); });
    }

    World w_;
};

TEST_P(StoreCampaignsTest, CampaignRoundTripsWithVenuesInOrder) {
    const auto c = make_campaign("2022年第二次“三个一批”活动");
    const auto id = add_campaign(c);
    auto got = read<std::optional<domain::Campaign>>([&](store::Tx& tx) { return tx.get_campaign(id); });
    ASSERT_TRUE(got);
    EXPECT_EQ(got->id, id);
    EXPECT_EQ(got->name, c.name);
    EXPECT_EQ(got->date, date(2022, 6, 22));
    EXPECT_EQ(got->version, 1);
    ASSERT_EQ(got->venues.size(), 3u);
    EXPECT_EQ(got->venues[0].name, "主会场");
    EXPECT_TRUE(got->venues[0].main);
    EXPECT_EQ(got->venues[2].region_code, "140200");
    EXPECT_FALSE(got->venues[2].main);
    auto by_name =
        read<std::optional<domain::Campaign>>([&](store::Tx& tx) { return tx.find_campaign_by_name(c.name); });
    ASSERT_TRUE(by_name);
    EXPECT_EQ(by_name->id, id);
    EXPECT_EQ(by_name->venues.size(), 3u);
    EXPECT_FALSE(read<std::optional<domain::Campaign>>([](store::Tx& tx) { return tx.get_campaign(99); }));
    EXPECT_FALSE(read<std::optional<domain::Campaign>>([](store::Tx& tx) { return tx.find_campaign_by_name("无"); }));
}

TEST_P(StoreCampaignsTest, CampaignsAreListedByDateEachWithItsVenues) {
    auto later = make_campaign("第二次", date(2022, 6, 22));
    auto earlier = make_campaign("第一次", date(2022, 3, 18));
    earlier.venues = {{"主会场", "140000", true}};
    add_campaign(later);
    add_campaign(earlier);
    auto all = read<std::vector<domain::Campaign>>([](store::Tx& tx) { return tx.list_campaigns(); });
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].name, "第一次");
    EXPECT_EQ(all[0].venues.size(), 1u);
    EXPECT_EQ(all[1].name, "第二次");
    EXPECT_EQ(all[1].venues.size(), 3u);
}

TEST_P(StoreCampaignsTest, DuplicateCampaignNameIsAConflict) {
    add_campaign(make_campaign("同名"));
    auto e = write_error([](store::Tx& tx) { return tx.insert_campaign(make_campaign("同名")).error(); });
    EXPECT_EQ(e.code, ErrorCode::kConflict);
    ASSERT_EQ(e.fields.size(), 1u);
    EXPECT_EQ(e.fields[0].field, "name");
}

TEST_P(StoreCampaignsTest, EntryIsFoundByProjectAndBatch) {
    const auto campaign = add_campaign(make_campaign("活动"));
    const auto project = add_project_of("P-1", w_.taiyuan_zone, 100);
    enter(campaign, project, BatchKind::kStart);
    auto found = read<std::optional<domain::CampaignEntry>>(
        [&](store::Tx& tx) { return tx.find_campaign_entry(project, BatchKind::kStart); });
    ASSERT_TRUE(found);
    EXPECT_EQ(found->campaign_id, campaign);
    EXPECT_EQ(found->project_id, project);
    EXPECT_EQ(found->batch, BatchKind::kStart);
    EXPECT_FALSE(read<std::optional<domain::CampaignEntry>>(
        [&](store::Tx& tx) { return tx.find_campaign_entry(project, BatchKind::kSign); }));
}

TEST_P(StoreCampaignsTest, ProjectCountsOncePerBatchAcrossAllCampaigns) {
    const auto first = add_campaign(make_campaign("第一次"));
    const auto second = add_campaign(make_campaign("第二次"));
    const auto project = add_project_of("P-1", w_.taiyuan_zone, 100);
    enter(first, project, BatchKind::kSign);
    enter(second, project, BatchKind::kStart);  // another batch kind is fine
    for (auto campaign : {first, second}) {
        auto e = write_error([&](store::Tx& tx) {
            return tx.insert_campaign_entry({campaign, project, BatchKind::kSign});
        });
        EXPECT_EQ(e.code, ErrorCode::kConflict);
        EXPECT_EQ(e.message.zh, "该项目已计入该批次");
        EXPECT_EQ(e.message.en, "project already counted in this batch");
    }
    EXPECT_EQ(batches(Scope::all(), first)[0].projects, 1);
    EXPECT_EQ(batches(Scope::all(), second)[0].projects, 0);
}

TEST_P(StoreCampaignsTest, EntryForUnknownProjectOrCampaignIsInvalid) {
    const auto campaign = add_campaign(make_campaign("活动"));
    const auto project = add_project_of("P-1", w_.taiyuan_zone, 100);
    auto e = write_error([&](store::Tx& tx) { return tx.insert_campaign_entry({campaign, 999, BatchKind::kSign}); });
    EXPECT_EQ(e.code, ErrorCode::kInvalidInput);
    ASSERT_EQ(e.fields.size(), 1u);
    EXPECT_EQ(e.fields[0].field, "project_id");
    e = write_error([&](store::Tx& tx) { return tx.insert_campaign_entry({999, project, BatchKind::kSign}); });
    ASSERT_EQ(e.fields.size(), 1u);
    EXPECT_EQ(e.fields[0].field, "campaign_id");
}

TEST_P(StoreCampaignsTest, BatchesCountAndSumOnlyProjectsInScope) {
    const auto campaign = add_campaign(make_campaign("活动"));
    const auto other = add_campaign(make_campaign("另一次"));
    const auto a = add_project_of("A", w_.taiyuan_zone, 100);
    const auto b = add_project_of("B", w_.xiaodian_zone, 20);
    const auto c = add_project_of("C", w_.datong_zone, 3);
    for (auto p : {a, b, c}) enter(campaign, p, BatchKind::kSign);
    enter(campaign, a, BatchKind::kProduce);
    enter(other, b, BatchKind::kStart);

    auto all = batches(Scope::all(), campaign);
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].batch, BatchKind::kSign);
    EXPECT_EQ(all[0].projects, 3);
    EXPECT_EQ(all[0].total_investment, domain::Money::from_fen(12'300));
    EXPECT_EQ(all[1].batch, BatchKind::kStart);
    EXPECT_EQ(all[1].projects, 0);
    EXPECT_EQ(all[1].total_investment, domain::Money::from_fen(0));
    EXPECT_EQ(all[2].batch, BatchKind::kProduce);
    EXPECT_EQ(all[2].projects, 1);

    auto taiyuan = batches(Scope::region(region_code("140100")), campaign);
    EXPECT_EQ(taiyuan[0].projects, 2);
    EXPECT_EQ(taiyuan[0].total_investment, domain::Money::from_fen(12'000));
    auto datong_zone = batches(Scope::zone(w_.datong_zone), campaign);
    EXPECT_EQ(datong_zone[0].projects, 1);
    EXPECT_EQ(datong_zone[2].projects, 0);
}

TEST_P(StoreCampaignsTest, UnknownCampaignHasThreeEmptyBatches) {
    auto none = batches(Scope::all(), 999);
    ASSERT_EQ(none.size(), 3u);
    for (const auto& b : none) EXPECT_EQ(b.projects, 0);
    EXPECT_EQ(none[2].batch, BatchKind::kProduce);
}

SANPI_STORE_SUITE(StoreCampaignsTest);

}  // namespace
}  // namespace sanpi::store_test
