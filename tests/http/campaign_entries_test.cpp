// GET /api/v1/campaigns/{id}/summary's breakdowns and GET /api/v1/campaigns/{id}/entries: their
// shapes, scope, and the 400 and 404 answers.
#include <set>

#include "http_fixture.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

class CampaignEntriesTest : public HttpTest {
protected:
    std::string summary_path() { return "/api/v1/campaigns/" + std::to_string(demo_campaign_id()) + "/summary"; }
    std::string entries_path(const std::string& query = "") {
        return "/api/v1/campaigns/" + std::to_string(demo_campaign_id()) + "/entries" + query;
    }

    json::object get_object(const std::string& user, const std::string& path) {
        auto res = as(user)->get(path);
        EXPECT_EQ(res.status, 200) << path << " " << res.body;
        return res.status == 200 ? res.json().as_object() : json::object{};
    }

    // The 400 a query gets, with the fields its problem names.
    std::set<std::string> refused_fields(const std::string& query) {
        auto res = as("province")->get(entries_path(query));
        EXPECT_EQ(res.status, 400) << query << " " << res.body;
        std::set<std::string> out;
        if (res.status != 400) return out;
        const auto body = res.json();
        for (const auto& e : body.at("errors").as_array()) out.insert(std::string(e.at("field").as_string()));
        return out;
    }

    static std::int64_t sum_of(const json::array& lines) {
        std::int64_t n = 0;
        for (const auto& l : lines) n += l.at("projects").as_int64();
        return n;
    }
};

TEST_P(CampaignEntriesTest, TheSummaryBreaksEachBatchDownAndTheLinesAddUp) {
    const auto body = get_object("province", summary_path());
    const auto& batches = body.at("batches").as_array();
    ASSERT_EQ(batches.size(), 3u);
    const std::int64_t expected[] = {321, 302, 189};
    for (std::size_t i = 0; i < 3; ++i) {
        const auto& b = batches[i].as_object();
        EXPECT_EQ(b.at("projects").as_int64(), expected[i]);
        for (const char* key : {"by_city", "by_zone", "by_industry"}) {
            EXPECT_EQ(sum_of(b.at(key).as_array()), expected[i]) << key;
        }
    }
    const auto& city = batches[0].at("by_city").at(0).as_object();
    EXPECT_EQ(city.at("city_code"), "140100");
    EXPECT_EQ(city.at("name"), "太原市");
    EXPECT_EQ(city.at("name_en"), "Taiyuan");
    EXPECT_TRUE(city.at("total_investment").is_string());
    const auto& zone = batches[0].at("by_zone").at(0).as_object();
    for (const char* key : {"zone_id", "name", "city_code", "projects", "total_investment"}) {
        EXPECT_TRUE(zone.contains(key)) << key;
    }
    const auto& industry = batches[0].at("by_industry").at(0).as_object();
    EXPECT_EQ(industry.at("industry_code"), "modern_coal_chemical");
    EXPECT_EQ(industry.at("name_en"), "Modern coal chemicals");

    // The dashboard's campaign keeps the totals only.
    const auto dashboard = get_object("province", "/api/v1/dashboard");
    EXPECT_FALSE(dashboard.at("campaign").at("batches").at(0).as_object().contains("by_city"));
}

TEST_P(CampaignEntriesTest, EntriesHaveTheirProjectsAndTheBatchsCountAsTotal) {
    const auto body = get_object("province", entries_path("?batch=produce&page_size=5&page=2"));
    EXPECT_EQ(body.at("total").as_int64(), 189);
    EXPECT_EQ(body.at("page").as_int64(), 2);
    EXPECT_EQ(body.at("page_size").as_int64(), 5);
    const auto& items = body.at("items").as_array();
    ASSERT_EQ(items.size(), 5u);
    const auto& item = items[0].as_object();
    EXPECT_EQ(item.at("batch"), "produce");
    EXPECT_EQ(item.at("status"), "confirmed");
    const auto& project = item.at("project").as_object();
    EXPECT_EQ(project.at("id"), item.at("project_id"));
    for (const char* key :
         {"code", "name", "zone_id", "zone_name", "city_code", "industry", "total_investment", "stage", "status"}) {
        EXPECT_TRUE(project.contains(key)) << key;
    }
    EXPECT_TRUE(project.at("total_investment").is_string());
    EXPECT_EQ(get_object("province", entries_path()).at("total").as_int64(), 321 + 302 + 189);
}

TEST_P(CampaignEntriesTest, ACitySeesOnlyItsOwnEntriesAndFigures) {
    const auto summary = get_object("taiyuan", summary_path());
    const auto sign = summary.at("batches").at(0).as_object();
    ASSERT_EQ(sign.at("by_city").as_array().size(), 1u);
    const auto body = get_object("taiyuan", entries_path("?batch=sign&page_size=500"));
    EXPECT_EQ(body.at("total"), sign.at("projects"));
    EXPECT_EQ(static_cast<std::int64_t>(body.at("items").as_array().size()), sign.at("projects").as_int64());
    for (const auto& item : body.at("items").as_array()) EXPECT_EQ(item.at("project").at("city_code"), "140100");
    // Another city's filter finds nothing inside the scope.
    EXPECT_EQ(get_object("taiyuan", entries_path("?city=140200")).at("total").as_int64(), 0);
    const auto datong = get_object("province", entries_path("?city=140200&batch=start"));
    for (const auto& item : datong.at("items").as_array()) EXPECT_EQ(item.at("project").at("city_code"), "140200");
    std::int64_t datong_start = 0;
    const auto province = get_object("province", summary_path());  // kept: the loop reads inside it
    for (const auto& c : province.at("batches").at(1).at("by_city").as_array()) {
        if (c.at("city_code") == "140200") datong_start = c.at("projects").as_int64();
    }
    EXPECT_EQ(datong.at("total").as_int64(), datong_start);
}

TEST_P(CampaignEntriesTest, AZoneFilterAndAZoneUser) {
    const auto zones = all_zones();
    const auto& own = zones.front();
    const auto filtered = get_object("province", entries_path("?zone=" + std::to_string(own.id) + "&page_size=500"));
    const auto mine = get_object(own.slug, entries_path("?page_size=500"));
    EXPECT_EQ(filtered.at("total"), mine.at("total"));
    EXPECT_EQ(filtered.at("items"), mine.at("items"));
    for (const auto& item : mine.at("items").as_array()) EXPECT_EQ(item.at("project").at("zone_id"), own.id);
}

TEST_P(CampaignEntriesTest, BadParametersAreNamedAndAnUnknownCampaignIsNotFound) {
    EXPECT_EQ(refused_fields("?batch=signed"), std::set<std::string>{"batch"});
    EXPECT_EQ(refused_fields("?city=1401&zone=0"), (std::set<std::string>{"city", "zone"}));
    EXPECT_EQ(refused_fields("?page=0&page_size=501"), (std::set<std::string>{"page", "page_size"}));
    EXPECT_EQ(refused_fields("?batch=sign&batch=start"), std::set<std::string>{"batch"});
    EXPECT_EQ(refused_fields("?stage=signed"), std::set<std::string>{"stage"});
    auto missing = as("province")->get("/api/v1/campaigns/987654321/entries");
    EXPECT_EQ(missing.status, 404) << missing.body;
    auto bad_id = as("province")->get("/api/v1/campaigns/x/entries");
    EXPECT_EQ(bad_id.status, 400);
    EXPECT_EQ(bad_id.json().at("errors").at(0).at("field"), "id");
    EXPECT_EQ(anonymous()->get(entries_path()).status, 401);
}

INSTANTIATE_TEST_SUITE_P(Backends, CampaignEntriesTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
