// Creating and updating projects: status codes, ETags, roles and scope.
#include "project_builders.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

TEST_P(ProjectWriteTest, GetReturnsTheWholeProjectWithAStrongETag) {
    auto res = as("province")->get(path(sample_));
    ASSERT_EQ(res.status, 200);
    const auto stored = read_project(sample_);
    EXPECT_EQ(res.header("etag"), "\"" + std::to_string(stored.project.version) + "\"");
    auto p = res.json().as_object();
    for (const char* key : {"id",
                            "code",
                            "name",
                            "zone_id",
                            "zone_name",
                            "region_code",
                            "city_code",
                            "investor_ids",
                            "investors",
                            "industry",
                            "chain_node_id",
                            "total_investment",
                            "construction_content",
                            "planned",
                            "actual",
                            "stage",
                            "status",
                            "annual_planned_investment",
                            "expected_output_value",
                            "expected_tax",
                            "expected_jobs",
                            "land_area_mu",
                            "responsible_unit",
                            "responsible_post",
                            "tags",
                            "synthetic",
                            "version"}) {
        EXPECT_TRUE(p.contains(key)) << key;
    }
    EXPECT_EQ(p.at("total_investment").as_string(),
              stored.project.total_investment.to_decimal(domain::MoneyUnit::kYuan));
    EXPECT_EQ(p.at("zone_name").as_string(), stored.zone_name);
    EXPECT_TRUE(p.at("synthetic").as_bool());
}

TEST_P(ProjectWriteTest, CreateReturns201WithLocationAndETag) {
    auto res = writer()->post("/api/v1/projects", body());
    ASSERT_EQ(res.status, 201) << res.body;
    auto p = res.json().as_object();
    EXPECT_EQ(res.header("location"), path(p.at("id").as_int64()));
    EXPECT_EQ(res.header("etag"), "\"1\"");
    EXPECT_EQ(p.at("version"), 1);
    EXPECT_EQ(p.at("total_investment"), "1250000000");
    EXPECT_EQ(p.at("annual_planned_investment"), "30000000");
    EXPECT_EQ(p.at("expected_output_value"), "800000000");
    EXPECT_EQ(p.at("expected_tax"), "1200000.5");
    EXPECT_EQ(p.at("land_area_mu"), "120.5");
    EXPECT_EQ(p.at("planned").at("start"), "2024-06-01");
    EXPECT_TRUE(p.at("planned").at("production").is_null());
    EXPECT_EQ(p.at("stage"), "reserve");
    EXPECT_FALSE(p.at("code").as_string().empty());  // generated when not given
    EXPECT_EQ(as("province")->get(res.header("location")).json(), res.json());
}

TEST_P(ProjectWriteTest, PatchChangesOnlyTheGivenFieldsAndBumpsTheETag) {
    const auto id = create();
    auto before = writer()->get(path(id)).json().as_object();
    auto res = writer()->patch(path(id), {{"name", "改名后的项目"}, {"total_investment", "3000万元"}},
                               {{"If-Match", "\"1\""}});
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(res.header("etag"), "\"2\"");
    auto after = res.json().as_object();
    EXPECT_EQ(after.at("name"), "改名后的项目");
    EXPECT_EQ(after.at("total_investment"), "30000000");
    for (const char* key : {"zone_id", "industry", "planned", "tags", "land_area_mu", "code"}) {
        EXPECT_EQ(after.at(key), before.at(key)) << key;
    }
    // Some clients drop the quotes; the version is still clear.
    auto unquoted = writer()->patch(path(id), {{"planned", {{"production", "2025-01-01"}}}}, {{"If-Match", "2"}});
    ASSERT_EQ(unquoted.status, 200) << unquoted.body;
    EXPECT_EQ(unquoted.json().at("planned").at("production"), "2025-01-01");
    EXPECT_EQ(unquoted.json().at("planned").at("start"), "2024-06-01");
    // Clearing a planned date is a slip: it needs a reason (planned-date history).
    auto merge = writer()->patch(path(id), {{"planned", {{"production", nullptr}}}, {"planned_reason", "投产计划待定"}},
                                 {{"If-Match", "\"3\""}, {"Content-Type", "application/merge-patch+json"}});
    ASSERT_EQ(merge.status, 200) << merge.body;
    EXPECT_TRUE(merge.json().at("planned").at("production").is_null());
}

// One amount is at most 1万亿元 (domain/money.hpp), as text or as a number of yuan.
TEST_P(ProjectWriteTest, AnAmountAboveTheCapIsRefusedByFieldAndChangesNothing) {
    const auto id = create();
    const auto before = snapshot();
    const json::value too_much[] = {json::value("10000.01亿元"), json::value(1'000'000'000'001)};
    for (const auto& amount : too_much) {
        auto res = writer()->patch(path(id), {{"total_investment", amount}}, {{"If-Match", "\"1\""}});
        ASSERT_EQ(res.status, 422) << res.body;
        const auto body = res.json();
        const auto& field = body.at("errors").as_array().at(0);
        EXPECT_EQ(field.at("field"), "total_investment");
        EXPECT_NE(std::string(field.at("message").as_string()).find("1万亿元"), std::string::npos) << res.body;
    }
    EXPECT_EQ(snapshot(), before);
    auto at_cap = writer()->patch(path(id), {{"total_investment", "10000亿元"}}, {{"If-Match", "\"1\""}});
    ASSERT_EQ(at_cap.status, 200) << at_cap.body;
    EXPECT_EQ(at_cap.json().at("total_investment"), "1000000000000");
}

TEST_P(ProjectWriteTest, StageMovesAreRecordedInHistory) {
    const auto id = create();
    auto res = writer()->patch(path(id), {{"stage", "signed"}, {"stage_date", "2023-12-20"}}, {{"If-Match", "1"}});
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(res.json().at("stage"), "signed");
    EXPECT_EQ(res.json().at("actual").at("sign"), "2023-12-20");
    auto history = writer()->get(path(id) + "/history");
    ASSERT_EQ(history.status, 200);
    auto items = history.json().at("items").as_array();
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].at("from_stage"), "reserve");
    EXPECT_EQ(items[0].at("to_stage"), "signed");
    EXPECT_EQ(items[0].at("date"), "2023-12-20");
}

TEST_P(ProjectWriteTest, PatchNeedsTheCurrentVersion) {
    const auto id = create();
    const auto before = snapshot();
    const json::object change{{"name", "不应写入"}};
    auto missing = writer()->patch(path(id), change);
    EXPECT_EQ(missing.status, 428);
    EXPECT_EQ(missing.json().at("type"), "https://sanpi.example/problems/precondition-required");
    for (const char* bad : {"abc", "W/\"1\"", "*", "\"\"", "-1"}) {
        EXPECT_EQ(writer()->patch(path(id), change, {{"If-Match", bad}}).status, 400) << bad;
    }
    auto stale = writer()->patch(path(id), change, {{"If-Match", "\"7\""}});
    EXPECT_EQ(stale.status, 409);
    EXPECT_EQ(stale.json().at("type"), "https://sanpi.example/problems/conflict");
    EXPECT_EQ(snapshot(), before);
    EXPECT_NE(read_project(id).project.name, "不应写入");
}

TEST_P(ProjectWriteTest, ReadOnlyRolesCannotWrite) {
    const auto before = snapshot();
    const auto etag = "\"" + std::to_string(read_project(sample_).project.version) + "\"";
    for (const char* user : {"viewer", "supervisor"}) {
        auto client = as(user);
        EXPECT_EQ(client->get(path(sample_)).status, 200) << user;
        EXPECT_EQ(client->post("/api/v1/projects", body()).status, 403) << user;
        auto patch = client->patch(path(sample_), {{"name", "x"}}, {{"If-Match", etag}});
        EXPECT_EQ(patch.status, 403) << user;
    }
    EXPECT_EQ(snapshot(), before);
}

TEST_P(ProjectWriteTest, OtherZonesProjectsAreInvisibleToAZoneUser) {
    const auto other = project_outside_zone(zone_id_);
    const auto before = snapshot();
    auto client = writer();
    auto get = client->get(path(other));
    EXPECT_EQ(get.status, 404);
    EXPECT_EQ(get.json().at("detail"), "项目不存在");
    EXPECT_EQ(client->get(path(other) + "/history").status, 404);
    const auto etag = "\"" + std::to_string(read_project(other).project.version) + "\"";
    EXPECT_EQ(client->patch(path(other), {{"name", "x"}}, {{"If-Match", etag}}).status, 404);
    auto elsewhere = body();
    elsewhere["zone_id"] = read_project(other).project.zone_id;
    auto create = client->post("/api/v1/projects", elsewhere);
    EXPECT_EQ(create.status, 422);
    EXPECT_EQ(create.json().at("errors").at(0).at("field"), "zone_id");
    EXPECT_EQ(snapshot(), before);
}

TEST_P(ProjectWriteTest, IdsMustBePositiveDecimals) {
    auto client = as("province");
    for (const char* bad : {"abc", "-1", "0", "1e3", "99999999999999999999", "%31", "+5", "0x10"}) {
        auto res = client->get(std::string("/api/v1/projects/") + bad);
        EXPECT_EQ(res.status, 400) << bad;
        if (res.status == 400) {
            EXPECT_EQ(res.json().at("errors").at(0).at("field"), "id") << bad;
        }
    }
    EXPECT_EQ(client->get("/api/v1/projects/9223372036854775807").status, 404);
    EXPECT_EQ(client->get("/api/v1/projects/99999999/history").status, 404);
}

INSTANTIATE_TEST_SUITE_P(Backends, ProjectWriteTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
