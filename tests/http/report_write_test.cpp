// Monthly reports: creating and changing drafts, their JSON, ETags, and every refusal of a write
// (each leaving the stored reports exactly as they were).
#include "report_fixture.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;
using domain::FigureBasis;

class ReportWriteTest : public ReportTest {};

TEST_P(ReportWriteTest, CreateAnswers201WithLocationETagAndDerivedFigures) {
    auto res = zone_user()->post(reports_of(project_), make_report_body(kFreeMonth));
    ASSERT_EQ(res.status, 201) << res.body;
    auto r = res.json().as_object();
    const auto id = r.at("id").as_int64();
    EXPECT_EQ(res.header("location"), path(id));
    EXPECT_EQ(res.header("etag"), "\"1\"");
    EXPECT_EQ(r.at("project_id"), project_);
    EXPECT_EQ(r.at("zone_id"), zone_.id);
    EXPECT_EQ(r.at("zone_name").as_string(), zone_.name);
    EXPECT_EQ(r.at("month"), kFreeMonth);
    EXPECT_EQ(r.at("investment_completed"), "30000000");
    EXPECT_EQ(r.at("capital_arrived"), "20000000");
    EXPECT_EQ(r.at("progress_text"), "主体结构施工，完成三层楼板浇筑");
    EXPECT_EQ(r.at("percent_complete"), 40);
    EXPECT_EQ(r.at("jobs"), 120);
    EXPECT_EQ(r.at("status"), "draft");
    EXPECT_EQ(r.at("version"), 1);
    EXPECT_TRUE(r.at("confirmation_note").is_null());
    EXPECT_TRUE(r.at("return_reason").is_null());
    EXPECT_TRUE(r.at("submitted_by").is_null());
    EXPECT_TRUE(r.at("approved_at").is_null());
    EXPECT_EQ(r.at("created_by").at("name").as_string(), zone_.slug);
    EXPECT_EQ(r.at("created_at"), "2024-01-15T08:00:00+08:00");
    // A draft counts in neither basis; both are derived from the stored demo reports.
    const auto& c = r.at("cumulative");
    EXPECT_EQ(c.at("through"), kFreeMonth);
    EXPECT_EQ(c.at("official").at("investment_completed").as_string(),
              cumulative(project_, kFreeMonth, FigureBasis::kOfficial));
    EXPECT_EQ(c.at("including_unapproved").at("investment_completed").as_string(),
              cumulative(project_, kFreeMonth, FigureBasis::kIncludingUnapproved));
    EXPECT_NE(c.at("official").at("investment_completed"), "0");
    EXPECT_EQ(as("province")->get(path(id)).json(), res.json());
}

TEST_P(ReportWriteTest, MoneyIsReadInAnyUnitAndAnsweredInYuan) {
    const std::pair<json::value, const char*> cases[] = {{json::value("0.3亿元"), "2023-03"},
                                                         {json::value(30000000), "2023-04"},
                                                         {json::value("30,000,000元"), "2023-05"}};
    for (const auto& [amount, month] : cases) {
        auto body = make_report_body(month);
        body["investment_completed"] = amount;
        auto res = zone_user()->post(reports_of(project_), body);
        ASSERT_EQ(res.status, 201) << res.body;
        EXPECT_EQ(res.json().at("investment_completed"), "30000000") << month;
    }
}

TEST_P(ReportWriteTest, RefusedCreatesNameTheFieldAndWriteNothing) {
    const auto before = snapshot_reports({project_});
    const auto sign = read_project(project_).project.actual.sign.value();
    const std::string before_signing = domain::Month::of(sign).prev().to_string();
    const auto total_yuan = read_project(project_).project.total_investment.fen() / 100;
    struct Case {
        const char* key;
        json::value value;
        int status;
        const char* field;
    };
    const Case cases[] = {
        {"month", "2023-13", 422, "month"},                    // impossible month
        {"month", "2023-3", 422, "month"},                     // not YYYY-MM
        {"month", "2024-01", 422, "month"},                    // not ended by 2024-01-15
        {"month", json::value(before_signing), 422, "month"},  // before the project was signed
        {"month", 202303, 400, "month"},                       // wrong JSON type
        {"investment_completed", "-100万元", 422, "investment_completed"},
        {"investment_completed", -5, 422, "investment_completed"},
        {"capital_arrived", "很多", 422, "capital_arrived"},
        {"investment_completed", json::value(total_yuan * 2), 422, "confirmation_note"},  // >150% without a note
        {"percent_complete", 101, 422, "percent_complete"},
        {"percent_complete", -1, 422, "percent_complete"},
        {"jobs", "120", 400, "jobs"},
        {"progress_text", "  ", 422, "progress_text"},
        {"status", "approved", 400, "status"},              // read-only
        {"cumulative", json::object{}, 400, "cumulative"},  // derived, never typed
    };
    for (const auto& c : cases) {
        auto body = make_report_body(kFreeMonth);
        body[c.key] = c.value;
        auto res = zone_user()->post(reports_of(project_), body);
        EXPECT_EQ(res.status, c.status) << c.key << " " << json::serialize(c.value) << " " << res.body;
        if (res.status == c.status) {
            EXPECT_EQ(res.json().at("errors").at(0).at("field"), c.field) << res.body;
        }
    }
    auto incomplete = zone_user()->post(reports_of(project_), json::object{{"month", kFreeMonth}});
    EXPECT_EQ(incomplete.status, 422);
    EXPECT_EQ(incomplete.json().at("errors").as_array().size(), 5u) << incomplete.body;
    EXPECT_EQ(snapshot_reports({project_}), before);
}

TEST_P(ReportWriteTest, OverrunNeedsAConfirmationNote) {
    const auto total_yuan = read_project(project_).project.total_investment.fen() / 100;
    auto body = make_report_body(kFreeMonth);
    body["investment_completed"] = total_yuan * 2;
    body["confirmation_note"] = "设备款一次性支付，经核实无误";
    auto res = zone_user()->post(reports_of(project_), body);
    ASSERT_EQ(res.status, 201) << res.body;
    EXPECT_EQ(res.json().at("confirmation_note"), "设备款一次性支付，经核实无误");
    // Clearing the note brings the rule back.
    const auto id = res.json().at("id").as_int64();
    const auto before = snapshot_reports({project_});
    auto cleared = zone_user()->patch(path(id), {{"confirmation_note", nullptr}}, if_match(1));
    EXPECT_EQ(cleared.status, 422);
    EXPECT_EQ(cleared.json().at("errors").at(0).at("field"), "confirmation_note");
    EXPECT_EQ(snapshot_reports({project_}), before);
}

TEST_P(ReportWriteTest, MonthsOutsideTheProjectsWindowAreRefused) {
    auto province = as("province");
    const auto at_capacity = find_project(0, domain::Stage::kAtCapacity);
    const auto reserve = find_project(0, domain::Stage::kReserve);
    ASSERT_TRUE(at_capacity != 0 && reserve != 0);
    const auto before = snapshot_reports({at_capacity, reserve});
    for (auto [project, field_text] : {std::pair{at_capacity, "达产"}, std::pair{reserve, "签约"}}) {
        auto res = province->post(reports_of(project), make_report_body(kFreeMonth));
        EXPECT_EQ(res.status, 422) << res.body;
        EXPECT_EQ(res.json().at("errors").at(0).at("field"), "month");
        EXPECT_NE(res.json().at("errors").at(0).at("message").as_string().find(field_text), std::string::npos)
            << res.body;
    }
    EXPECT_EQ(snapshot_reports({at_capacity, reserve}), before);
}

TEST_P(ReportWriteTest, ACancelledProjectReportsThroughTheMonthItWasCancelledIn) {
    const auto version = read_project(project_).project.version;
    auto cancel = zone_user()->post("/api/v1/projects/" + std::to_string(project_) + "/transitions",
                                    {{"to", "cancelled"}, {"date", "2023-05-10"}, {"reason", "企业退出"}},
                                    {{"If-Match", std::to_string(version)}});
    ASSERT_EQ(cancel.status, 200) << cancel.body;
    EXPECT_EQ(zone_user()->post(reports_of(project_), make_report_body("2023-05")).status, 201);
    const auto before = snapshot_reports({project_});
    auto after = zone_user()->post(reports_of(project_), make_report_body("2023-06"));
    EXPECT_EQ(after.status, 422);
    EXPECT_EQ(after.json().at("errors").at(0).at("field"), "month");
    EXPECT_NE(after.json().at("errors").at(0).at("message").as_string().find("2023-05终止"), std::string::npos)
        << after.body;
    EXPECT_EQ(snapshot_reports({project_}), before);
    // Nor does it owe one any more.
    const auto owed = zone_user()->get("/api/v1/reports/missing?month=2023-06&page_size=500").json();
    ASSERT_FALSE(owed.at("items").as_array().empty());
    for (const auto& m : owed.at("items").as_array()) EXPECT_NE(m.at("project_id"), project_);
}

TEST_P(ReportWriteTest, ASecondReportForAMonthIs409NamingTheExistingOne) {
    const auto existing = stored_reports(project_).front();
    const auto before = snapshot_reports({project_});
    auto res = zone_user()->post(reports_of(project_), make_report_body(existing.month.to_string()));
    EXPECT_EQ(res.status, 409) << res.body;
    EXPECT_EQ(res.json().at("type"), "https://sanpi.example/problems/conflict");
    EXPECT_NE(res.json().at("detail").as_string().find(std::to_string(existing.id)), std::string::npos) << res.body;
    EXPECT_EQ(res.json().at("errors").at(0).at("field"), "month");
    EXPECT_EQ(snapshot_reports({project_}), before);
}

TEST_P(ReportWriteTest, OnlyZoneAndProvinceUsersDraftAndOnlyInScope) {
    const auto other = started_elsewhere();
    const auto before = snapshot_reports({project_, other});
    for (const char* user : {"supervisor", "viewer"}) {
        EXPECT_EQ(as(user)->post(reports_of(project_), make_report_body(kFreeMonth)).status, 403) << user;
    }
    EXPECT_EQ(city_user()->post(reports_of(project_), make_report_body(kFreeMonth)).status, 403);
    auto elsewhere = zone_user()->post(reports_of(other), make_report_body(kFreeMonth));
    EXPECT_EQ(elsewhere.status, 404);
    EXPECT_EQ(elsewhere.json().at("detail"), "项目不存在");
    EXPECT_EQ(zone_user()->post(reports_of(99999999), make_report_body(kFreeMonth)).status, 404);
    EXPECT_EQ(snapshot_reports({project_, other}), before);
    // Reading is open to every role within its scope, and closed outside it.
    const auto id = stored_reports(project_).front().id;
    for (const char* user : {"supervisor", "viewer", "province"})
        EXPECT_EQ(as(user)->get(path(id)).status, 200) << user;
    EXPECT_EQ(city_user()->get(path(id)).status, 200);
    EXPECT_EQ(as(other_city_)->get(path(id)).status, 404);
    EXPECT_EQ(as(other_city_)->get(reports_of(project_)).status, 404);
    EXPECT_EQ(zone_user()->get(path(stored_reports(other).front().id)).status, 404);
}

TEST_P(ReportWriteTest, PatchChangesADraftWithTheCurrentVersion) {
    const auto id = create();
    auto res = zone_user()->patch(
        path(id), {{"progress_text", "设备安装"}, {"jobs", 150}, {"capital_arrived", "2500万元"}}, if_match(1));
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(res.header("etag"), "\"2\"");
    EXPECT_EQ(res.json().at("progress_text"), "设备安装");
    EXPECT_EQ(res.json().at("jobs"), 150);
    EXPECT_EQ(res.json().at("capital_arrived"), "25000000");
    EXPECT_EQ(res.json().at("investment_completed"), "30000000");  // untouched
    auto moved = zone_user()->patch(path(id), {{"month", "2023-04"}}, {{"If-Match", "2"}});
    ASSERT_EQ(moved.status, 200) << moved.body;
    EXPECT_EQ(moved.json().at("month"), "2023-04");
}

TEST_P(ReportWriteTest, RefusedPatchesWriteNothing) {
    const auto id = create();
    const auto taken = stored_reports(project_).front();
    const auto before = snapshot_reports({project_});
    const json::object change{{"progress_text", "不应写入"}};
    auto client = zone_user();
    auto missing = client->patch(path(id), change);
    EXPECT_EQ(missing.status, 428);
    EXPECT_EQ(missing.json().at("type"), "https://sanpi.example/problems/precondition-required");
    EXPECT_EQ(client->patch(path(id), change, {{"If-Match", "W/\"1\""}}).status, 400);
    auto stale = client->patch(path(id), change, if_match(7));
    EXPECT_EQ(stale.status, 409);
    auto onto = client->patch(path(id), {{"month", taken.month.to_string()}}, if_match(1));
    EXPECT_EQ(onto.status, 409);
    EXPECT_NE(onto.json().at("detail").as_string().find(std::to_string(taken.id)), std::string::npos) << onto.body;
    EXPECT_EQ(client->patch(path(id), {{"percent_complete", 101}}, if_match(1)).status, 422);
    EXPECT_EQ(client->patch(path(id), {{"id", 5}}, if_match(1)).status, 400);
    EXPECT_EQ(as("viewer")->patch(path(id), change, if_match(1)).status, 403);
    EXPECT_EQ(as(other_city_)->patch(path(id), change, if_match(1)).status, 403);
    EXPECT_EQ(snapshot_reports({project_}), before);
    // Once submitted, the zone can no longer change it.
    ASSERT_EQ(step(*client, id, "submit", 1).status, 200);
    const auto submitted = snapshot_reports({project_});
    auto locked = client->patch(path(id), change, if_match(2));
    EXPECT_EQ(locked.status, 409);
    EXPECT_EQ(locked.json().at("errors").at(0).at("field"), "status");
    EXPECT_EQ(snapshot_reports({project_}), submitted);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportWriteTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
