// Coordination items over HTTP: raising, reading, changing through the workflow, escalation and
// the overdue mark, with status codes and ETags.
#include "coordination_fixture.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

class CoordinationWriteTest : public CoordinationHttpTest {};

TEST_P(CoordinationWriteTest, CreateAnswers201WithLocationETagAndTheProject) {
    auto res = zone_user()->post(items_path(project_), make_item_body());
    ASSERT_EQ(res.status, 201) << res.body;
    auto item = res.json().as_object();
    const auto id = item.at("id").as_int64();
    EXPECT_EQ(res.header("location"), item_path(id));
    EXPECT_EQ(res.header("etag"), "\"1\"");
    const auto project = read_project(project_);
    EXPECT_EQ(item.at("project_id"), project_);
    EXPECT_EQ(std::string(item.at("project_code").as_string()), project.project.code);
    EXPECT_EQ(std::string(item.at("project_name").as_string()), project.project.name);
    EXPECT_EQ(item.at("zone_id"), zone_id_);
    EXPECT_EQ(std::string(item.at("zone_name").as_string()), project.zone_name);
    EXPECT_EQ(std::string(item.at("city_code").as_string()), city_code_);
    EXPECT_EQ(item.at("category"), "land");
    EXPECT_EQ(item.at("description"), "二期用地指标不足，需协调新增建设用地指标");
    EXPECT_EQ(item.at("level"), "zone");
    EXPECT_EQ(item.at("responsible_department"), "市自然资源和规划局");
    EXPECT_EQ(item.at("deadline"), "2024-03-31");
    EXPECT_EQ(item.at("status"), "open");
    EXPECT_TRUE(item.at("resolution").is_null());
    EXPECT_TRUE(item.at("reopen_reason").is_null());
    EXPECT_EQ(item.at("overdue"), false);
    EXPECT_EQ(item.at("next_statuses"), json::array({"in_progress"}));
    EXPECT_TRUE(item.at("created_by").is_int64());
    EXPECT_EQ(item.at("created_at"), "2024-01-15T08:00:00+08:00");
    EXPECT_EQ(item.at("updated_at"), "2024-01-15T08:00:00+08:00");
    EXPECT_EQ(item.at("version"), 1);
    auto again = zone_user()->get(item_path(id));
    ASSERT_EQ(again.status, 200);
    EXPECT_EQ(again.json(), res.json());
    EXPECT_EQ(again.header("etag"), "\"1\"");
}

TEST_P(CoordinationWriteTest, LevelMayBeChosenWhenRaisingAndDeadlineMayBeToday) {
    auto body = make_item_body();
    body["level"] = "city";
    body["deadline"] = "2024-01-15";
    auto res = zone_user()->post(items_path(project_), body);
    ASSERT_EQ(res.status, 201) << res.body;
    EXPECT_EQ(res.json().at("level"), "city");
    EXPECT_EQ(res.json().at("overdue"), false);  // due today is not yet late
}

TEST_P(CoordinationWriteTest, CityAndProvinceRaiseItemsInTheirScope) {
    auto by_city = city_user()->post(items_path(project_), make_item_body());
    EXPECT_EQ(by_city.status, 201) << by_city.body;
    auto by_province = as("province")->post(items_path(foreign_project_), make_item_body());
    EXPECT_EQ(by_province.status, 201) << by_province.body;
    EXPECT_EQ(by_province.json().at("project_id"), foreign_project_);
}

TEST_P(CoordinationWriteTest, TheWholeWorkflowRunsThroughPatch) {
    const auto id = create();
    auto started = zone_user()->patch(item_path(id), {{"status", "in_progress"}}, if_match(1));
    ASSERT_EQ(started.status, 200) << started.body;
    EXPECT_EQ(started.header("etag"), "\"2\"");
    EXPECT_EQ(started.json().at("next_statuses"), json::array({"resolved"}));

    auto resolved =
        city_user()->patch(item_path(id), {{"status", "resolved"}, {"resolution", "已调剂用地指标"}}, if_match(2));
    ASSERT_EQ(resolved.status, 200) << resolved.body;
    EXPECT_EQ(resolved.json().at("resolution"), "已调剂用地指标");
    EXPECT_EQ(resolved.json().at("next_statuses"), json::array({"closed", "reopened"}));

    auto closed = zone_user()->patch(item_path(id), {{"status", "closed"}}, if_match(3));
    ASSERT_EQ(closed.status, 200) << closed.body;
    EXPECT_EQ(closed.json().at("status"), "closed");
    EXPECT_EQ(closed.json().at("resolution"), "已调剂用地指标");

    // Reopening comes first, so a closed item can be reopened and corrected in one request.
    auto reopened = zone_user()->patch(
        item_path(id), {{"status", "reopened"}, {"reopen_reason", "指标仍未下达"}, {"deadline", "2024-06-30"}},
        if_match(4));
    ASSERT_EQ(reopened.status, 200) << reopened.body;
    auto item = reopened.json().as_object();
    EXPECT_EQ(item.at("status"), "reopened");
    EXPECT_EQ(item.at("reopen_reason"), "指标仍未下达");
    EXPECT_TRUE(item.at("resolution").is_null());  // the next resolution must be a new one
    EXPECT_EQ(item.at("deadline"), "2024-06-30");
    EXPECT_EQ(item.at("version"), 5);

    auto again = zone_user()->patch(item_path(id), {{"status", "in_progress"}}, if_match(5));
    ASSERT_EQ(again.status, 200) << again.body;
    EXPECT_EQ(stored(id).item.status, domain::CoordinationStatus::kInProgress);
    EXPECT_EQ(stored(id).item.reopen_reason, "指标仍未下达");
}

TEST_P(CoordinationWriteTest, EscalationGoesUpOneOrTwoLevels) {
    const auto id = create();
    auto city =
        zone_user()->patch(item_path(id), {{"level", "city"}, {"responsible_department", "市政府办公室"}}, if_match(1));
    ASSERT_EQ(city.status, 200) << city.body;
    EXPECT_EQ(city.json().at("level"), "city");
    EXPECT_EQ(city.json().at("responsible_department"), "市政府办公室");
    auto province = city_user()->patch(item_path(id), {{"level", "province"}}, if_match(2));
    ASSERT_EQ(province.status, 200) << province.body;
    EXPECT_EQ(province.json().at("level"), "province");
    EXPECT_EQ(stored(id).item.level, domain::CoordinationLevel::kProvince);
}

TEST_P(CoordinationWriteTest, PatchChangesOnlyTheGivenFieldsAndKeepsTheProject) {
    const auto id = create();
    auto before = zone_user()->get(item_path(id)).json().as_object();
    auto res = zone_user()->patch(item_path(id), {{"category", "financing"}, {"description", "融资缺口"}},
                                  {{"If-Match", "1"}});  // quotes are optional
    ASSERT_EQ(res.status, 200) << res.body;
    auto after = res.json().as_object();
    EXPECT_EQ(after.at("category"), "financing");
    EXPECT_EQ(after.at("description"), "融资缺口");
    for (const char* key : {"project_id", "project_code", "level", "responsible_department", "deadline", "status",
                            "created_at", "created_by"}) {
        EXPECT_EQ(after.at(key), before.at(key)) << key;
    }
    EXPECT_EQ(after.at("version"), 2);
}

TEST_P(CoordinationWriteTest, OverdueIsJudgedAgainstTheServerToday) {
    auto body = make_item_body();
    body["deadline"] = "2024-01-20";
    const auto id = create(body);
    EXPECT_EQ(zone_user()->get(item_path(id)).json().at("overdue"), false);
    {
        ClockShift later(env().clock, kHttpTestNow + 6 * 86400);  // 2024-01-21: the day after the deadline
        EXPECT_EQ(zone_user()->get(item_path(id)).json().at("overdue"), true);
        auto listed = zone_user()->get(items_path(project_) + "?overdue=true&page_size=500");
        ASSERT_EQ(listed.status, 200);
        const auto answer = listed.json();
        bool found = false;
        for (const auto& i : answer.at("items").as_array()) found = found || i.at("id") == id;
        EXPECT_TRUE(found);
        // Settled items are never overdue.
        ASSERT_EQ(patch_current(id, {{"status", "in_progress"}}).status, 200);
        auto settled = patch_current(id, {{"status", "resolved"}, {"resolution", "已解决"}});
        ASSERT_EQ(settled.status, 200) << settled.body;
        EXPECT_EQ(settled.json().at("overdue"), false);
    }
    EXPECT_EQ(zone_user()->get(item_path(id)).json().at("overdue"), false);
}

TEST_P(CoordinationWriteTest, ProjectListShowsTheProjectsItemsOnly) {
    const auto id = create();
    auto res = zone_user()->get(items_path(project_));
    ASSERT_EQ(res.status, 200) << res.body;
    auto body = res.json().as_object();
    bool found = false;
    for (const auto& item : body.at("items").as_array()) {
        EXPECT_EQ(item.at("project_id"), project_);
        EXPECT_TRUE(item.at("overdue").is_bool());
        found = found || item.at("id") == id;
    }
    EXPECT_TRUE(found);
    store::CoordinationQuery q;
    q.project_id = project_;
    EXPECT_EQ(body.at("total").as_int64(), static_cast<std::int64_t>(all_items(domain::Scope::all(), q).size()));
    EXPECT_EQ(body.at("page"), 1);
    EXPECT_EQ(body.at("page_size"), 20);
}

TEST_P(CoordinationWriteTest, SupervisorsAndViewersRead) {
    const auto id = create();
    for (const char* reader : {"supervisor", "viewer"}) {
        EXPECT_EQ(as(reader)->get(item_path(id)).status, 200) << reader;
        EXPECT_EQ(as(reader)->get(items_path(project_)).status, 200) << reader;
        EXPECT_EQ(as(reader)->get("/api/v1/coordination-items").status, 200) << reader;
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, CoordinationWriteTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
