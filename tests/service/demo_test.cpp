#include "service_fixture.hpp"

#include "domain/validation.hpp"

namespace sanpi::testing {
namespace {

using domain::BatchKind;

class DemoTest : public ServiceTest {};

TEST_P(DemoTest, CampaignSummaryReproducesTheReportFigures) {
    auto summary = campaigns().summary(as("province"), demo_.campaign_id);
    ASSERT_TRUE(summary) << summary.error().message.en;
    ASSERT_EQ(summary->batches.size(), 3u);
    EXPECT_EQ(summary->batches[0].batch, BatchKind::kSign);
    EXPECT_EQ(summary->batches[0].projects, 321);
    EXPECT_EQ(summary->batches[1].batch, BatchKind::kStart);
    EXPECT_EQ(summary->batches[1].projects, 302);
    EXPECT_EQ(summary->batches[2].batch, BatchKind::kProduce);
    EXPECT_EQ(summary->batches[2].projects, 189);
    EXPECT_EQ(summary->campaign.date.iso(), "2022-06-22");
    EXPECT_EQ(summary->campaign.name, service::kDemoCampaignName);
    EXPECT_EQ(summary->campaign.venues.size(), 12u);  // main venue + 11 city branch venues
}

TEST_P(DemoTest, CitySummariesAddUpToTheProvince) {
    std::int64_t sign = 0, start = 0, produce = 0;
    for (const char* city : {"taiyuan", "datong", "yangquan", "changzhi", "jincheng", "shuozhou", "jinzhong",
                             "yuncheng", "xinzhou", "linfen", "lvliang"}) {
        auto s = campaigns().summary(as(city), demo_.campaign_id);
        ASSERT_TRUE(s) << city;
        EXPECT_LT(s->batches[0].projects, 321) << city;
        sign += s->batches[0].projects;
        start += s->batches[1].projects;
        produce += s->batches[2].projects;
    }
    EXPECT_EQ(sign, 321);
    EXPECT_EQ(start, 302);
    EXPECT_EQ(produce, 189);
}

TEST_P(DemoTest, RerunningNeverDuplicates) {
    auto before = projects().list(as("province"), {});
    ASSERT_TRUE(before);
    auto again = service::load_demo(store(), clock_);
    ASSERT_TRUE(again) << again.error().message.en;
    EXPECT_FALSE(again->created);
    EXPECT_EQ(again->projects, 0);
    EXPECT_EQ(again->enterprises, 0);
    EXPECT_EQ(again->zones, 0);
    EXPECT_EQ(again->users, 0);
    auto after = projects().list(as("province"), {});
    ASSERT_TRUE(after);
    EXPECT_EQ(after->total, before->total);
    auto summary = campaigns().summary(as("province"), demo_.campaign_id);
    ASSERT_TRUE(summary);
    EXPECT_EQ(summary->batches[0].projects, 321);
}

TEST_P(DemoTest, LoadsElevenCitiesTheEightIndustriesAndAnAccountPerRole) {
    service::CatalogService catalog(store());
    auto regions = catalog.regions(as("province"));
    ASSERT_TRUE(regions);
    EXPECT_EQ(regions->size(), 12u);  // the province and its 11 cities
    auto industries = catalog.industries(as("province"));
    ASSERT_TRUE(industries);
    EXPECT_EQ(industries->size(), 8u);
    auto zones = catalog.zones(as("province"));
    ASSERT_TRUE(zones);
    EXPECT_GE(zones->size(), 11u);
    for (const auto& z : *zones) EXPECT_EQ(as(z.slug).user.role, domain::Role::kZone) << z.slug;
    EXPECT_EQ(as("supervisor").user.role, domain::Role::kSupervisor);
    EXPECT_EQ(as("viewer").user.role, domain::Role::kViewer);
    EXPECT_EQ(as("taiyuan").user.role, domain::Role::kCity);
    auto login = auth().login("province", service::kDemoPassword);
    EXPECT_TRUE(login);
}

TEST_P(DemoTest, EveryProjectIsLabelledSyntheticAndValid) {
    store::ProjectQuery q;
    q.limit = 500;
    std::int64_t seen = 0;
    for (q.offset = 0;; q.offset += q.limit) {
        auto page = projects().list(as("province"), q);
        ASSERT_TRUE(page);
        for (const auto& v : page->items) {
            EXPECT_TRUE(v.project.synthetic);
            EXPECT_TRUE(domain::validate_project(v.project, clock_.today()).empty()) << v.project.code;
        }
        seen += static_cast<std::int64_t>(page->items.size());
        if (page->items.empty() || seen >= page->total) break;
    }
    EXPECT_EQ(seen, 1000);
}

INSTANTIATE_TEST_SUITE_P(Backends, DemoTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
