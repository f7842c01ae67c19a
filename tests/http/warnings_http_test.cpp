// The warning-light routes over a real server: the rules read and changed (If-Match, province only,
// each bad setting named, nothing written), the warnings list with its filters, counts and scope,
// a project's lights, and the light on the project's own answer.
#include <set>

#include "http_fixture.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

constexpr const char* kRules = "/api/v1/warning-rules";

HeaderList if_match(std::int64_t version) { return {{"If-Match", "\"" + std::to_string(version) + "\""}}; }

std::vector<std::string> error_fields(const HttpResponse& res) {
    std::vector<std::string> out;
    const auto body = res.json();
    for (const auto& e : body.at("errors").as_array()) out.emplace_back(e.at("field").as_string());
    return out;
}

class WarningsHttpTest : public HttpTest {
protected:
    std::int64_t zone_id(const std::string& code) {
        for (const auto& z : all_zones()) {
            if (z.code == code) return z.id;
        }
        ADD_FAILURE() << "no zone " << code;
        return 0;
    }
    json::object rules_body(const json::object& settings) { return {{"settings", settings}}; }
    HttpResponse put(HttpClient& client, const json::value& body, const HeaderList& headers) {
        HeaderList all{{"Content-Type", "application/json"}};
        all.insert(all.end(), headers.begin(), headers.end());
        return client.request("PUT", kRules, json::serialize(body), all);
    }
};

TEST_P(WarningsHttpTest, RulesAreReadByAllAndChangedByTheProvinceWithIfMatch) {
    auto got = as("viewer")->get(kRules);
    ASSERT_EQ(got.status, 200) << got.body;
    const auto current = got.json().as_object();
    const auto version = current.at("version").as_int64();
    EXPECT_EQ(got.header("etag"), "\"" + std::to_string(version) + "\"");
    auto settings = current.at("settings").as_object();
    EXPECT_EQ(settings.size(), 13u);
    auto province = as("province");

    EXPECT_EQ(put(*province, rules_body(settings), {}).status, 428);
    EXPECT_EQ(put(*as("taiyuan"), rules_body(settings), if_match(version)).status, 403);
    auto unknown = settings;
    unknown["no_such_setting"] = 3;
    auto bad = put(*province, rules_body(unknown), if_match(version));
    EXPECT_EQ(bad.status, 400) << bad.body;
    EXPECT_EQ(error_fields(bad), std::vector<std::string>{"settings.no_such_setting"});
    auto missing = settings;
    missing.erase("capacity_overdue_red_days");
    missing["start_overdue_red_days"] = "90";
    EXPECT_EQ(error_fields(put(*province, rules_body(missing), if_match(version))),
              (std::vector<std::string>{"start_overdue_red_days", "capacity_overdue_red_days"}));
    auto invalid = settings;
    invalid["start_overdue_red_days"] = -1;
    invalid["report_missing_yellow_months"] = 5;  // not below red (3)
    invalid["commitment_red_percent"] = 101;
    auto refused = put(*province, rules_body(invalid), if_match(version));
    EXPECT_EQ(refused.status, 422) << refused.body;
    EXPECT_EQ(error_fields(refused), (std::vector<std::string>{"start_overdue_red_days", "commitment_red_percent"}));
    EXPECT_EQ(as("viewer")->get(kRules).json().at("version").as_int64(), version);  // nothing written

    auto stricter = settings;
    stricter["start_overdue_red_days"] = 60;
    auto changed = put(*province, rules_body(stricter), if_match(version));
    ASSERT_EQ(changed.status, 200) << changed.body;
    EXPECT_EQ(changed.header("etag"), "\"" + std::to_string(version + 1) + "\"");
    EXPECT_EQ(changed.json().at("settings").at("start_overdue_red_days"), 60);
    EXPECT_EQ(changed.json().at("created_by").at("name"), "province");
    EXPECT_EQ(put(*province, rules_body(settings), if_match(version)).status, 409);  // stale
    auto restored = put(*province, rules_body(settings), if_match(version + 1));
    ASSERT_EQ(restored.status, 200) << restored.body;
}

TEST_P(WarningsHttpTest, WarningsListWithReasonsCountsAndFilters) {
    auto province = as("province");
    auto res = province->get("/api/v1/warnings?page_size=50");
    ASSERT_EQ(res.status, 200) << res.body;
    const auto body = res.json().as_object();
    const auto& items = body.at("items").as_array();
    ASSERT_FALSE(items.empty());
    const auto& counts = body.at("counts").as_object();
    EXPECT_EQ(body.at("total").as_int64(), counts.at("red").as_int64() + counts.at("yellow").as_int64());
    for (const char* key : {"by_city", "by_zone", "by_industry", "by_rule"}) EXPECT_TRUE(counts.at(key).is_array());
    for (const auto& item : items) {
        const auto& o = item.as_object();
        EXPECT_TRUE(o.at("light") == "red" || o.at("light") == "yellow");
        ASSERT_FALSE(o.at("reasons").as_array().empty());
        const auto& reason = o.at("reasons").as_array()[0].as_object();
        EXPECT_FALSE(reason.at("text").as_string().empty());
        EXPECT_TRUE(reason.at("rule").is_string());
    }
    EXPECT_EQ(items[0].at("light"), "red");  // red first

    auto reds = province->get("/api/v1/warnings?light=red&page_size=500&lang=en");
    ASSERT_EQ(reds.status, 200);
    const auto red_body = reds.json().as_object();
    EXPECT_EQ(red_body.at("total").as_int64(), counts.at("red").as_int64());
    for (const auto& item : red_body.at("items").as_array()) {
        EXPECT_EQ(item.at("light"), "red");
        const std::string text(item.at("reasons").as_array()[0].at("text").as_string());
        for (unsigned char c : text) EXPECT_LT(c, 0x80) << text;  // English words
    }
    auto by_rule = province->get("/api/v1/warnings?rule=start_overdue");
    ASSERT_EQ(by_rule.status, 200);
    const auto rule_body = by_rule.json().as_object();
    for (const auto& item : rule_body.at("items").as_array()) {
        bool has = false;
        for (const auto& r : item.at("reasons").as_array()) has = has || r.at("rule") == "start_overdue";
        EXPECT_TRUE(has);
    }
    for (const char* bad : {"light=green", "rule=nope", "zone=abc", "city=14", "colour=red", "page_size=0"}) {
        auto refused = province->get(std::string("/api/v1/warnings?") + bad);
        EXPECT_EQ(refused.status, 400) << bad << ": " << refused.body;
    }
}

TEST_P(WarningsHttpTest, AZoneSeesOnlyItsProjectsAndOthersAreNotFound) {
    const auto own = zone_id("taiyuan-zgq");
    auto zone_user = as("taiyuan-zgq");
    auto res = zone_user->get("/api/v1/warnings?page_size=500");
    ASSERT_EQ(res.status, 200) << res.body;
    const auto body = res.json().as_object();
    ASSERT_FALSE(body.at("items").as_array().empty());
    for (const auto& item : body.at("items").as_array()) EXPECT_EQ(item.at("zone_id").as_int64(), own);
    const auto& by_zone = body.at("counts").at("by_zone").as_array();
    ASSERT_EQ(by_zone.size(), 1u);
    EXPECT_EQ(by_zone[0].at("key").as_string(), std::to_string(own));

    const auto mine = body.at("items").as_array()[0].at("project_id").as_int64();
    auto lights = zone_user->get("/api/v1/projects/" + std::to_string(mine) + "/lights");
    ASSERT_EQ(lights.status, 200) << lights.body;
    EXPECT_EQ(lights.json().at("light"), body.at("items").as_array()[0].at("light"));
    EXPECT_FALSE(lights.json().at("history").as_array().empty());
    const auto theirs = project_outside_zone(own);
    EXPECT_EQ(zone_user->get("/api/v1/projects/" + std::to_string(theirs) + "/lights").status, 404);
    EXPECT_EQ(as("province")->get("/api/v1/projects/999999999/lights").status, 404);
    EXPECT_EQ(as("province")->get("/api/v1/projects/abc/lights").status, 400);
}

TEST_P(WarningsHttpTest, TheProjectAnswerCarriesItsLightAndReasons) {
    auto province = as("province");
    auto res = province->get("/api/v1/warnings?light=red&page_size=1");
    ASSERT_EQ(res.status, 200);
    const auto item = res.json().at("items").as_array().at(0).as_object();
    auto project = province->get("/api/v1/projects/" + std::to_string(item.at("project_id").as_int64()));
    ASSERT_EQ(project.status, 200) << project.body;
    const auto p = project.json().as_object();
    EXPECT_EQ(p.at("light"), "red");
    EXPECT_EQ(p.at("light_reasons"), item.at("reasons"));
    auto list = province->get("/api/v1/projects?page_size=1");
    EXPECT_FALSE(list.json().at("items").as_array()[0].as_object().contains("light"));  // lists leave it out
}

INSTANTIATE_TEST_SUITE_P(Backends, WarningsHttpTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
