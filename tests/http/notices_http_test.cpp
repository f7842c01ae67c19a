// The notice routes over a real server: the whole workflow (issue, respond, comment, close, reopen)
// with If-Match, every 400/403/404/409/422/428 naming its reason with nothing written, scope in
// lists and details, the list's filters and counts, and the escalation ladder's GET/PUT.
#include <algorithm>

#include "http_fixture.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

constexpr const char* kNotices = "/api/v1/notices";
constexpr const char* kLadder = "/api/v1/escalation-ladder";

HeaderList if_match(std::int64_t version) { return {{"If-Match", "\"" + std::to_string(version) + "\""}}; }

std::vector<std::string> error_fields(const HttpResponse& res) {
    std::vector<std::string> out;
    const auto body = res.json();
    if (!body.as_object().contains("errors")) return out;
    for (const auto& e : body.at("errors").as_array()) out.emplace_back(e.at("field").as_string());
    return out;
}

class NoticesHttpTest : public HttpTest {
protected:
    std::int64_t zone_id(const std::string& code) {
        for (const auto& z : all_zones()) {
            if (z.code == code) return z.id;
        }
        ADD_FAILURE() << "no zone " << code;
        return 0;
    }
    json::object notice_body(std::int64_t project_id, const std::string& deadline = "2024-01-31") {
        return {{"target", "project"},
                {"target_id", project_id},
                {"problem", "项目开工滞后"},
                {"action_requested", "请说明原因"},
                {"deadline", deadline}};
    }
    std::string path(std::int64_t id, const std::string& step = "") {
        return std::string(kNotices) + "/" + std::to_string(id) + (step.empty() ? "" : "/" + step);
    }
    // How many notices the supervisor sees on `project`.
    std::int64_t count_on(std::int64_t project) {
        return as("supervisor")
            ->get(std::string(kNotices) + "?project=" + std::to_string(project))
            .json()
            .at("total")
            .as_int64();
    }
};

TEST_P(NoticesHttpTest, SupervisorIssuesZoneRespondsCityCommentsSupervisorCloses) {
    const auto project = project_in_zone(zone_id("taiyuan-zgq"));
    auto made = as("supervisor")->post(kNotices, notice_body(project));
    ASSERT_EQ(made.status, 201) << made.body;
    const auto notice = made.json().as_object();
    const auto id = notice.at("id").as_int64();
    EXPECT_EQ(made.header("location"), path(id));
    EXPECT_EQ(made.header("etag"), "\"1\"");
    EXPECT_EQ(notice.at("status"), "issued");
    EXPECT_EQ(notice.at("level"), "province");
    EXPECT_EQ(notice.at("target"), "project");
    EXPECT_EQ(notice.at("target_id"), project);
    EXPECT_EQ(notice.at("city_code"), "140100");
    EXPECT_EQ(notice.at("overdue"), false);
    EXPECT_EQ(notice.at("issued_by").at("name"), "supervisor");
    EXPECT_EQ(notice.at("history").as_array().size(), 1u);

    auto zone = as("taiyuan-zgq");
    EXPECT_EQ(zone->get(path(id)).json().at("allowed_actions"), json::array{"respond"});
    auto responded = zone->post(path(id, "respond"), json::object{{"response", "已整改"}}, if_match(1));
    ASSERT_EQ(responded.status, 200) << responded.body;
    EXPECT_EQ(responded.json().at("status"), "responded");
    EXPECT_EQ(responded.header("etag"), "\"2\"");
    auto commented = as("taiyuan")->post(path(id, "comment"), json::object{{"comment", "请跟踪"}}, if_match(2));
    ASSERT_EQ(commented.status, 200) << commented.body;
    auto closed = as("supervisor")->post(path(id, "close"), json::object{{"note", "办结"}}, if_match(3));
    ASSERT_EQ(closed.status, 200) << closed.body;
    const auto final_body = closed.json().as_object();
    EXPECT_EQ(final_body.at("status"), "closed");
    std::vector<std::string> steps;
    for (const auto& e : final_body.at("history").as_array()) steps.emplace_back(e.at("step").as_string());
    EXPECT_EQ(steps, (std::vector<std::string>{"issue", "respond", "comment", "close"}));
    EXPECT_EQ(final_body.at("history").as_array()[2].at("by").at("name"), "taiyuan");
    EXPECT_EQ(final_body.at("history").as_array()[1].at("text"), "已整改");

    auto reopened =
        as("supervisor")
            ->post(path(id, "reopen"), json::object{{"reason", "问题反弹"}, {"deadline", "2024-02-20"}}, if_match(4));
    ASSERT_EQ(reopened.status, 200) << reopened.body;
    EXPECT_EQ(reopened.json().at("status"), "issued");
    EXPECT_EQ(reopened.json().at("deadline"), "2024-02-20");

    auto audit = as("province")->get("/api/v1/audit?entity_type=notice&entity_id=" + std::to_string(id));
    ASSERT_EQ(audit.status, 200) << audit.body;
    EXPECT_EQ(audit.json().at("items").as_array().size(), 5u);
}

TEST_P(NoticesHttpTest, BadBodiesAreNamedAndWriteNothing) {
    const auto project = project_in_zone(zone_id("taiyuan-zgq"));
    const auto before = count_on(project);
    auto supervisor = as("supervisor");
    auto unknown = notice_body(project);
    unknown["priority"] = "high";
    unknown["target_id"] = "12";
    auto r400 = supervisor->post(kNotices, unknown);
    EXPECT_EQ(r400.status, 400) << r400.body;
    EXPECT_EQ(error_fields(r400), (std::vector<std::string>{"target_id", "priority"}));
    EXPECT_EQ(supervisor->request("POST", kNotices, "{\"target\":", {{"Content-Type", "application/json"}}).status,
              400);
    auto missing = supervisor->post(kNotices, json::object{{"target", "project"}});
    EXPECT_EQ(missing.status, 422) << missing.body;
    EXPECT_EQ(error_fields(missing),
              (std::vector<std::string>{"target_id", "problem", "action_requested", "deadline"}));
    auto bad_values = notice_body(project, "2024-01-14");  // yesterday in China
    bad_values["problem"] = "   ";
    bad_values["action_requested"] = std::string(2001, 'x');
    auto r422 = supervisor->post(kNotices, bad_values);
    EXPECT_EQ(r422.status, 422) << r422.body;
    EXPECT_EQ(error_fields(r422), (std::vector<std::string>{"problem", "action_requested", "deadline"}));
    auto kind = notice_body(project);
    kind["target"] = "campaign";
    kind["deadline"] = "2024-02-30";
    auto bad_kind = supervisor->post(kNotices, kind);
    EXPECT_EQ(bad_kind.status, 422) << bad_kind.body;
    EXPECT_EQ(error_fields(bad_kind), (std::vector<std::string>{"target", "deadline"}));
    auto no_target = supervisor->post(kNotices, notice_body(987654321));
    EXPECT_EQ(no_target.status, 422);
    EXPECT_EQ(error_fields(no_target), std::vector<std::string>{"target_id"});
    EXPECT_EQ(count_on(project), before);
}

TEST_P(NoticesHttpTest, ScopeRolesStatesAndVersionsAreRefusedWithTheirStatus) {
    const auto zgq = zone_id("taiyuan-zgq");
    const auto project = project_in_zone(zgq);
    auto datong_project = project_in_zone(zone_id("datong-etdz"));
    // Issuing outside one's scope, or without the role to issue.
    auto outside = as("taiyuan")->post(kNotices, notice_body(datong_project));
    EXPECT_EQ(outside.status, 422) << outside.body;
    EXPECT_EQ(error_fields(outside), std::vector<std::string>{"target_id"});
    EXPECT_EQ(as("taiyuan-zgq")->post(kNotices, notice_body(project)).status, 403);
    EXPECT_EQ(as("viewer")->post(kNotices, notice_body(project)).status, 403);
    EXPECT_EQ(anonymous()->post(kNotices, notice_body(project)).status, 401);

    auto made = as("taiyuan")->post(kNotices, notice_body(project));
    ASSERT_EQ(made.status, 201) << made.body;
    const auto id = made.json().at("id").as_int64();
    EXPECT_EQ(made.json().at("level"), "city");
    const json::object response{{"response", "已办"}};
    EXPECT_EQ(as("taiyuan-bxg")->get(path(id)).status, 404);
    EXPECT_EQ(as("datong")->get(path(id)).status, 404);
    EXPECT_EQ(as("taiyuan-bxg")->post(path(id, "respond"), response, if_match(1)).status, 404);
    EXPECT_EQ(as("taiyuan-zgq")->get(path(999999999)).status, 404);
    EXPECT_EQ(as("taiyuan-zgq")->get(std::string(kNotices) + "/abc").status, 400);
    EXPECT_EQ(as("taiyuan-zgq")->post(path(id, "respond"), response).status, 428);
    EXPECT_EQ(as("taiyuan-zgq")->post(path(id, "respond"), response, {{"If-Match", "W/\"1\""}}).status, 400);
    EXPECT_EQ(as("taiyuan-zgq")->post(path(id, "respond"), response, if_match(5)).status, 409);
    EXPECT_EQ(as("taiyuan")->post(path(id, "respond"), response, if_match(1)).status, 403);
    EXPECT_EQ(as("province")->post(path(id, "comment"), json::object{{"comment", "x"}}, if_match(1)).status, 403);
    auto reopen = as("taiyuan")->post(path(id, "reopen"), json::object{{"reason", "x"}}, if_match(1));
    EXPECT_EQ(reopen.status, 409) << reopen.body;
    EXPECT_EQ(error_fields(reopen), std::vector<std::string>{"status"});
    auto blank = as("taiyuan-zgq")->post(path(id, "respond"), json::object{{"response", ""}}, if_match(1));
    EXPECT_EQ(blank.status, 422);
    EXPECT_EQ(error_fields(blank), std::vector<std::string>{"response"});
    auto wrong_field = as("taiyuan-zgq")->post(path(id, "respond"), json::object{{"text", "x"}}, if_match(1));
    EXPECT_EQ(wrong_field.status, 400);
    EXPECT_EQ(error_fields(wrong_field), std::vector<std::string>{"text"});
    auto wrong_type = as("taiyuan-zgq")->post(path(id, "respond"), json::object{{"response", 5}}, if_match(1));
    EXPECT_EQ(wrong_type.status, 400);
    auto after = as("province")->get(path(id));
    EXPECT_EQ(after.json().at("version"), 1);
    EXPECT_EQ(after.json().at("history").as_array().size(), 1u);

    ASSERT_EQ(as("taiyuan-zgq")->post(path(id, "respond"), response, if_match(1)).status, 200);
    auto past =
        as("taiyuan")->post(path(id, "reopen"), json::object{{"reason", "x"}, {"deadline", "2024-01-01"}}, if_match(2));
    EXPECT_EQ(past.status, 422);
    EXPECT_EQ(error_fields(past), std::vector<std::string>{"deadline"});
    EXPECT_EQ(as("supervisor")->post(path(id, "close"), json::object{{"note", "办结"}}, if_match(2)).status, 200);
}

TEST_P(NoticesHttpTest, ListsFilterCountAndStayInScope) {
    const auto zgq = zone_id("taiyuan-zgq");
    const auto project = project_in_zone(zgq);
    ASSERT_EQ(as("supervisor")->post(kNotices, notice_body(project, "2024-01-15")).status, 201);
    auto zone_notice = json::object{{"target", "zone"},
                                    {"target_id", zgq},
                                    {"problem", "开工率偏低"},
                                    {"action_requested", "逐项明确开工时间"},
                                    {"deadline", "2024-03-01"}};
    ASSERT_EQ(as("taiyuan")->post(kNotices, zone_notice).status, 201);

    auto list = as("taiyuan-zgq")->get(std::string(kNotices) + "?zone=" + std::to_string(zgq) + "&page_size=100");
    ASSERT_EQ(list.status, 200) << list.body;
    const auto body = list.json().as_object();
    EXPECT_GE(body.at("total").as_int64(), 2);
    for (const auto& item : body.at("items").as_array()) EXPECT_EQ(item.at("zone_id"), zgq);
    const auto& counts = body.at("counts").as_object();
    EXPECT_EQ(counts.at("open").as_int64(), counts.at("issued").as_int64() + counts.at("responded").as_int64());
    EXPECT_EQ(body.at("page"), 1);
    EXPECT_EQ(body.at("page_size"), 100);

    auto by_target = as("supervisor")->get(std::string(kNotices) + "?target=zone&zone=" + std::to_string(zgq));
    ASSERT_EQ(by_target.status, 200);
    const auto targeted = by_target.json();  // the items live in this value
    for (const auto& item : targeted.at("items").as_array()) EXPECT_EQ(item.at("target"), "zone");
    EXPECT_GE(targeted.at("total").as_int64(), 1);
    auto city_level = as("supervisor")->get(std::string(kNotices) + "?level=city&status=issued&overdue=false");
    ASSERT_EQ(city_level.status, 200);
    const auto city_items = city_level.json();
    for (const auto& item : city_items.at("items").as_array()) {
        EXPECT_EQ(item.at("level"), "city");
        EXPECT_EQ(item.at("status"), "issued");
        EXPECT_EQ(item.at("overdue"), false);
    }
    auto elsewhere = as("datong")->get(std::string(kNotices) + "?project=" + std::to_string(project));
    ASSERT_EQ(elsewhere.status, 200);
    EXPECT_EQ(elsewhere.json().at("total"), 0);
    EXPECT_EQ(elsewhere.json().at("counts").at("issued"), 0);

    auto bad = as("supervisor")->get(std::string(kNotices) + "?status=open&overdue=yes&city=14&colour=red");
    EXPECT_EQ(bad.status, 400) << bad.body;
    auto named = error_fields(bad);
    std::sort(named.begin(), named.end());
    EXPECT_EQ(named, (std::vector<std::string>{"city", "colour", "overdue", "status"}));
}

TEST_P(NoticesHttpTest, TheLadderIsReadByAllAndChangedByTheProvinceWithIfMatch) {
    auto got = as("viewer")->get(kLadder);
    ASSERT_EQ(got.status, 200) << got.body;
    const auto version = got.json().at("version").as_int64();
    EXPECT_EQ(got.header("etag"), "\"" + std::to_string(version) + "\"");
    auto settings = got.json().at("settings").as_object();
    EXPECT_EQ(settings.size(), 4u);
    auto put = [&](HttpClient& c, const json::object& s, const HeaderList& h) {
        HeaderList all{{"Content-Type", "application/json"}};
        all.insert(all.end(), h.begin(), h.end());
        return c.request("PUT", kLadder, json::serialize(json::object{{"settings", s}}), all);
    };
    auto province = as("province");
    EXPECT_EQ(put(*province, settings, {}).status, 428);
    EXPECT_EQ(put(*as("supervisor"), settings, if_match(version)).status, 403);
    auto unknown = settings;
    unknown["green_days"] = 3;
    unknown["red_after_days"] = "0";
    auto r400 = put(*province, unknown, if_match(version));
    EXPECT_EQ(r400.status, 400);
    EXPECT_EQ(error_fields(r400), (std::vector<std::string>{"red_after_days", "settings.green_days"}));
    auto invalid = settings;
    invalid["yellow_streak_days"] = 0;
    invalid["province_deadline_days"] = 400;
    auto r422 = put(*province, invalid, if_match(version));
    EXPECT_EQ(r422.status, 422);
    EXPECT_EQ(error_fields(r422), (std::vector<std::string>{"yellow_streak_days", "province_deadline_days"}));
    EXPECT_EQ(as("viewer")->get(kLadder).json().at("version"), version);
    auto longer = settings;
    longer["yellow_streak_days"] = 60;
    auto changed = put(*province, longer, if_match(version));
    ASSERT_EQ(changed.status, 200) << changed.body;
    EXPECT_EQ(changed.json().at("version"), version + 1);
    EXPECT_EQ(changed.json().at("settings").at("yellow_streak_days"), 60);
    EXPECT_EQ(changed.json().at("created_by").at("name"), "province");
    EXPECT_EQ(put(*province, settings, if_match(version)).status, 409);
    ASSERT_EQ(put(*province, settings, if_match(version + 1)).status, 200);  // back to the defaults
}

INSTANTIATE_TEST_SUITE_P(Backends, NoticesHttpTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
