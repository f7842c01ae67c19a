// GET /api/v1/dashboard per scope: each role sees its own part, the figures agree with the
// project list and the campaign summary, and filters outside the scope are refused.
#include "project_builders.hpp"
#include "store/transact.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

const char* const kStages[] = {"reserve", "signed", "started", "producing", "at_capacity"};

class DashboardTest : public HttpTest {
protected:
    json::object dashboard(const std::string& user, const std::string& query = "") {
        auto res = as(user)->get("/api/v1/dashboard" + query);
        EXPECT_EQ(res.status, 200) << res.body;
        return res.status == 200 ? res.json().as_object() : json::object{};
    }

    std::int64_t listed(const std::string& user, const std::string& query) {
        auto res = as(user)->get("/api/v1/projects?page_size=1&" + query);
        EXPECT_EQ(res.status, 200) << res.body;
        return res.status == 200 ? res.json().at("total").as_int64() : -1;
    }

    // Projects of a stage that are not cancelled, counted by the project list (a table scan).
    std::int64_t listed_live(const std::string& user, const std::string& stage, const std::string& extra = "") {
        return listed(user, "stage=" + stage + "&status=active" + extra) +
               listed(user, "stage=" + stage + "&status=suspended" + extra);
    }

    // Every stage line agrees with the list, and the totals and rates with the stage lines.
    void expect_matches_list(const std::string& user, const json::object& d, const std::string& extra = "") {
        std::int64_t total = 0, reached[5] = {};
        const auto stages = d.at("by_stage").as_array();
        ASSERT_EQ(stages.size(), 5u);
        for (std::size_t i = 0; i < 5; ++i) {
            EXPECT_EQ(stages[i].at("stage"), kStages[i]);
            const auto n = stages[i].at("projects").as_int64();
            EXPECT_EQ(n, listed_live(user, kStages[i], extra)) << user << " " << kStages[i];
            total += n;
            for (std::size_t j = 0; j <= i; ++j) reached[j] += n;
        }
        EXPECT_EQ(d.at("projects").as_int64(), total);
        const auto& rates = d.at("rates");
        EXPECT_EQ(rates.at("start").at("numerator").as_int64(), reached[2]);
        EXPECT_EQ(rates.at("start").at("denominator").as_int64(), reached[1]);
        EXPECT_EQ(rates.at("production").at("numerator").as_int64(), reached[3]);
        EXPECT_EQ(rates.at("capacity").at("numerator").as_int64(), reached[4]);
        const auto statuses = d.at("by_status").as_array();
        ASSERT_EQ(statuses.size(), 3u);
        EXPECT_EQ(statuses[2].at("status"), "cancelled");
        EXPECT_EQ(statuses[2].at("projects").as_int64(), listed(user, "status=cancelled" + extra));
        std::int64_t in_zones = 0, in_cities = 0, in_industries = 0;
        for (const auto& z : d.at("by_zone").as_array()) in_zones += z.at("projects").as_int64();
        for (const auto& c : d.at("by_city").as_array()) in_cities += c.at("projects").as_int64();
        for (const auto& i : d.at("by_industry").as_array()) in_industries += i.at("projects").as_int64();
        EXPECT_EQ(in_zones, total);
        EXPECT_EQ(in_cities, total);
        EXPECT_EQ(in_industries, total);
    }

    // The dashboard's campaign batches equal the summary route's for the same caller (which also
    // breaks each batch down).
    void expect_campaign_matches_summary(const std::string& user, const json::object& d) {
        auto res = as(user)->get("/api/v1/campaigns/" + std::to_string(demo_campaign_id()) + "/summary");
        ASSERT_EQ(res.status, 200);
        const auto summary = res.json();
        EXPECT_EQ(d.at("campaign").at("campaign"), summary.at("campaign"));
        const auto& batches = summary.at("batches").as_array();
        const auto& shown = d.at("campaign").at("batches").as_array();
        ASSERT_EQ(shown.size(), batches.size());
        for (std::size_t i = 0; i < batches.size(); ++i) {
            json::object totals;
            for (const char* key : {"batch", "projects", "total_investment"}) totals[key] = batches[i].at(key);
            EXPECT_EQ(shown[i], totals);
        }
    }

    // A national account (a supervisor without a region, as `sanpi gen` makes), made once per
    // environment.
    std::string nation() {
        const std::string name = "nation-dashboard";
        auto found = store::read_value<std::optional<domain::User>>(
            store(), [&](store::Tx& tx) { return tx.find_user_by_name(name); });
        EXPECT_TRUE(found);
        if (found && !*found) {
            domain::User u;
            u.name = name;
            u.role = domain::Role::kSupervisor;
            auto made = store().write([&](store::Tx& tx) -> Result<void> {
                auto id = tx.insert_user(u);
                if (!id) return id.error();
                return {};
            });
            EXPECT_TRUE(made);
        }
        return name;
    }

    void expect_refused(const std::string& user, const std::string& query, int status, const std::string& field) {
        auto res = as(user)->get("/api/v1/dashboard" + query);
        EXPECT_EQ(res.status, status) << user << " " << query << " " << res.body;
        if (res.status != status) return;
        const auto body = res.json();
        ASSERT_TRUE(body.as_object().contains("errors")) << res.body;
        EXPECT_EQ(body.at("errors").at(0).at("field"), json::value(field)) << res.body;
    }
};

TEST_P(DashboardTest, ProvinceSeesEveryCityAndAgreesWithTheProjectList) {
    const auto d = dashboard("province");
    expect_matches_list("province", d);
    expect_campaign_matches_summary("province", d);
    EXPECT_EQ(d.at("by_city").as_array().size(), 11u);
    EXPECT_EQ(d.at("by_zone").as_array().size(), all_zones().size());
    EXPECT_EQ(d.at("by_industry").as_array().size(), 8u);
    const auto batches = d.at("campaign").at("batches").as_array();
    EXPECT_EQ(batches[0].at("projects").as_int64(), 321);
    EXPECT_EQ(batches[1].at("projects").as_int64(), 302);
    EXPECT_EQ(batches[2].at("projects").as_int64(), 189);
    EXPECT_GT(d.at("rates").at("start").at("permille").as_int64(), 0);
    EXPECT_TRUE(d.at("total_investment").is_string());
    EXPECT_EQ(dashboard("supervisor"), d);
}

TEST_P(DashboardTest, ACityUserSeesOnlyItsCity) {
    const auto d = dashboard("taiyuan");
    expect_matches_list("taiyuan", d);
    expect_campaign_matches_summary("taiyuan", d);
    const auto cities = d.at("by_city").as_array();
    ASSERT_EQ(cities.size(), 1u);
    EXPECT_EQ(cities[0].at("city_code"), "140100");
    EXPECT_EQ(cities[0].at("name"), "太原市");
    for (const auto& z : d.at("by_zone").as_array()) EXPECT_EQ(z.at("city_code"), "140100");
    EXPECT_LT(d.at("projects").as_int64(), dashboard("province").at("projects").as_int64());
    // The province narrowed to the city sees the same figures.
    EXPECT_EQ(dashboard("province", "?city=140100"), d);
}

TEST_P(DashboardTest, AZoneUserSeesOnlyItsZone) {
    const auto zone = all_zones().front();
    const auto d = dashboard(zone.slug);
    expect_matches_list(zone.slug, d);
    expect_campaign_matches_summary(zone.slug, d);
    const auto zones = d.at("by_zone").as_array();
    ASSERT_EQ(zones.size(), 1u);
    EXPECT_EQ(zones[0].at("zone_id"), zone.id);
    EXPECT_EQ(d.at("by_city").as_array().size(), 1u);
    EXPECT_EQ(dashboard("province", "?zone=" + std::to_string(zone.id)), d);
    EXPECT_EQ(dashboard(zone.slug, "?zone=" + std::to_string(zone.id)), d);
}

TEST_P(DashboardTest, FiltersOutsideTheScopeAreRefused) {
    std::int64_t datong_zone = 0, taiyuan_zone = 0;
    for (const auto& z : all_zones()) {
        if (z.region.city().str() == "140200") datong_zone = z.id;
        if (z.region.city().str() == "140100") taiyuan_zone = z.id;
    }
    ASSERT_NE(datong_zone, 0);
    expect_refused("taiyuan", "?city=140200", 403, "city");
    expect_refused("taiyuan", "?zone=" + std::to_string(datong_zone), 403, "zone");
    const auto zone = all_zones().front();
    const auto other = zone.id == taiyuan_zone ? datong_zone : taiyuan_zone;
    expect_refused(zone.slug, "?zone=" + std::to_string(other), 403, "zone");
    expect_refused(zone.slug, "?city=140100", 403, "city");
    expect_refused("province", "?zone=987654321", 403, "zone");
    expect_refused("province", "?city=abc", 400, "city");
    expect_refused("province", "?city=140000", 400, "city");  // a province, not a city
    expect_refused("province", "?zone=-1", 400, "zone");
    expect_refused("province", "?stage=signed", 400, "stage");
    expect_refused("province", "?city=140100&city=140200", 400, "city");
    expect_refused("province", "?province=140100", 400, "province");  // a city, not a province
    expect_refused("province", "?province=14", 400, "province");
    expect_refused("province", "?province=110000", 403, "province");
    expect_refused("taiyuan", "?province=140000", 403, "province");
    expect_refused(zone.slug, "?province=140000", 403, "province");
    // Within the scope, a city user may narrow to one of its zones.
    EXPECT_EQ(dashboard("taiyuan", "?zone=" + std::to_string(taiyuan_zone)).at("by_zone").as_array().size(), 1u);
}

TEST_P(DashboardTest, AWriteShowsOnTheNextAnswer) {
    const auto zone = all_zones().front();
    const auto before = dashboard(zone.slug);
    const auto investor = read_project(project_in_zone(zone.id)).project.investor_ids.at(0);
    auto created = as(zone.slug)->post("/api/v1/projects", make_project_body(zone.id, investor));
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string stage(created.json().at("stage").as_string());
    std::size_t line = 0;
    while (line < 5 && stage != kStages[line]) ++line;
    ASSERT_LT(line, 5u);
    const auto after = dashboard(zone.slug);
    EXPECT_EQ(after.at("projects").as_int64(), before.at("projects").as_int64() + 1);
    EXPECT_EQ(after.at("by_stage").at(line).at("projects").as_int64(),
              before.at("by_stage").at(line).at("projects").as_int64() + 1);
    expect_matches_list(zone.slug, after);
}

TEST_P(DashboardTest, ANationalAnswerListsProvincesAndNarrowsToOne) {
    const auto d = dashboard(nation());
    const auto provinces = d.at("by_province").as_array();
    ASSERT_EQ(provinces.size(), 1u);  // the demo's zones are all in Shanxi
    EXPECT_EQ(provinces[0].at("province_code"), "140000");
    EXPECT_EQ(provinces[0].at("name"), "山西省");
    EXPECT_EQ(provinces[0].at("projects"), d.at("projects"));
    EXPECT_EQ(provinces[0].at("rates"), d.at("rates"));
    EXPECT_TRUE(d.at("by_city").as_array().empty());
    EXPECT_TRUE(d.at("by_zone").as_array().empty());
    EXPECT_EQ(d.at("by_stage"), dashboard("province").at("by_stage"));
    // Narrowed to the province, the nation sees what the province sees.
    EXPECT_EQ(dashboard(nation(), "?province=140000"), dashboard("province"));
    EXPECT_EQ(dashboard("province", "?province=140000"), dashboard("province"));
    expect_refused(nation(), "?province=110000&city=140100", 403, "city");
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Backends, DashboardTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace sanpi::testing
