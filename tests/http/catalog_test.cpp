// Dictionaries and campaign summaries, each seen through the caller's scope.
#include <algorithm>
#include <set>

#include "http_fixture.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

class CatalogTest : public HttpTest {
protected:
    json::array items(const std::string& user, const std::string& path) {
        auto res = as(user)->get(path);
        EXPECT_EQ(res.status, 200) << path << " " << res.body;
        return res.status == 200 ? res.json().at("items").as_array() : json::array{};
    }

    // sign, start, produce counts of the demo campaign for `user`.
    std::vector<std::int64_t> batch_counts(const std::string& user) {
        auto res = as(user)->get("/api/v1/campaigns/" + std::to_string(demo_campaign_id()) + "/summary");
        EXPECT_EQ(res.status, 200) << res.body;
        std::vector<std::int64_t> out;
        if (res.status != 200) return out;
        const auto body = res.json();  // kept: a range-for over a temporary's member would dangle
        for (const auto& b : body.at("batches").as_array()) out.push_back(b.at("projects").as_int64());
        return out;
    }
};

TEST_P(CatalogTest, RegionsAndIndustriesAreWholeDictionaries) {
    auto regions = items("taiyuan", "/api/v1/regions");
    ASSERT_EQ(regions.size(), 12u);  // the province and its 11 cities
    bool found = false;
    for (const auto& r : regions) {
        if (r.at("code") == "140100") {
            found = true;
            EXPECT_EQ(r.at("name"), "太原市");
            EXPECT_EQ(r.at("name_en"), "Taiyuan");
        }
    }
    EXPECT_TRUE(found);
    auto industries = items("viewer", "/api/v1/industries");
    ASSERT_EQ(industries.size(), 8u);
    EXPECT_TRUE(industries[0].as_object().contains("name_en"));
}

TEST_P(CatalogTest, ZonesAreScoped) {
    const auto zones = all_zones();
    auto province = items("province", "/api/v1/zones");
    EXPECT_EQ(province.size(), zones.size());
    auto city = items("taiyuan", "/api/v1/zones");
    EXPECT_FALSE(city.empty());
    EXPECT_LT(city.size(), zones.size());
    for (const auto& z : city) EXPECT_EQ(std::string_view(z.at("region_code").as_string()).substr(0, 4), "1401");
    auto own = items(zones.front().slug, "/api/v1/zones");
    ASSERT_EQ(own.size(), 1u);
    EXPECT_EQ(own[0].at("id"), zones.front().id);
    for (const char* key : {"code", "name", "level", "region_code", "leading_industries"}) {
        EXPECT_TRUE(own[0].as_object().contains(key)) << key;
    }
}

TEST_P(CatalogTest, CampaignListShowsTheDemoEventWithItsVenues) {
    // Other tests of this process may have added campaigns of their own.
    const auto campaigns = items("viewer", "/api/v1/campaigns");
    const auto demo = std::find_if(campaigns.begin(), campaigns.end(),
                                   [&](const auto& c) { return c.at("id") == demo_campaign_id(); });
    ASSERT_NE(demo, campaigns.end());
    EXPECT_EQ(demo->at("date"), "2022-06-22");
    EXPECT_EQ(demo->at("venues").as_array().size(), 12u);
    int main_venues = 0;
    for (const auto& v : demo->at("venues").as_array()) main_venues += v.at("main").as_bool() ? 1 : 0;
    EXPECT_EQ(main_venues, 1);
}

TEST_P(CatalogTest, DemoCampaignSummaryMatchesTheReportForTheProvince) {
    EXPECT_EQ(batch_counts("province"), (std::vector<std::int64_t>{321, 302, 189}));
    EXPECT_EQ(batch_counts("supervisor"), (std::vector<std::int64_t>{321, 302, 189}));
    auto res = as("province")->get("/api/v1/campaigns/" + std::to_string(demo_campaign_id()) + "/summary");
    auto batches = res.json().at("batches").as_array();
    EXPECT_EQ(batches[0].at("batch"), "sign");
    EXPECT_EQ(batches[1].at("batch"), "start");
    EXPECT_EQ(batches[2].at("batch"), "produce");
    EXPECT_TRUE(batches[0].at("total_investment").is_string());
    EXPECT_EQ(res.json().at("campaign").at("id"), demo_campaign_id());
}

TEST_P(CatalogTest, CityAndZoneSummariesCountOnlyTheirOwnProjects) {
    auto city = batch_counts("taiyuan");
    ASSERT_EQ(city.size(), 3u);
    EXPECT_LT(city[0], 321);
    EXPECT_GT(city[0], 0);
    std::string taiyuan_zone;
    for (const auto& z : all_zones()) {
        if (z.region.str() == "140100") taiyuan_zone = z.slug;
    }
    auto zone = batch_counts(taiyuan_zone);
    ASSERT_EQ(zone.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) EXPECT_LE(zone[i], city[i]) << i;
}

TEST_P(CatalogTest, SummaryOfAMissingOrMalformedCampaign) {
    auto client = as("province");
    EXPECT_EQ(client->get("/api/v1/campaigns/987654321/summary").status, 404);
    auto bad = client->get("/api/v1/campaigns/abc/summary");
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(bad.json().at("errors").at(0).at("field"), "id");
}

INSTANTIATE_TEST_SUITE_P(Backends, CatalogTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
