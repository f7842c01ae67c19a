// Refusals of identity and commitment fields: each names its field or rule and writes nothing.
#include "identity_fixture.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

class IdentityRejectTest : public IdentityTest {
protected:
    // A demo project with a national code: in the writer's zone, or outside the writer's scope.
    domain::ProjectView demo_holder(bool in_scope) {
        store::ProjectQuery q;
        q.stage = domain::Stage::kStarted;
        q.limit = 500;
        auto page = store::read_value<store::Page<domain::ProjectView>>(
            store(), [&](store::Tx& tx) { return tx.list_projects(store::Scope::all(), q); });
        EXPECT_TRUE(page);
        for (const auto& v : page->items) {
            if (!v.project.national_code.empty() && (v.project.zone_id == zone_id_) == in_scope) return v;
        }
        ADD_FAILURE() << "no demo project with a national code";
        return {};
    }
    std::string demo_code(bool in_scope) { return demo_holder(in_scope).project.national_code; }
};

TEST_P(IdentityRejectTest, MalformedNationalCodesNameTheField) {
    const auto id = create();
    const std::string r = region_;
    for (const std::string& bad :
         std::vector<std::string>{"2413-" + r + "-99-01-000001",   // month 13
                                  "2402-" + r + "-99-01-000001",   // issued after today (2024-01-15)
                                  "2311-" + r + "-9X-01-000001",   // department code not digits
                                  "2311-" + r + "-99-01-00001",    // 23 characters
                                  "2311-" + r + "-99-01-00000a!",  // serial alphabet
                                  "N/A", "无", "12345"}) {
        expect_patch_refused(id, {{"national_code", bad}}, 422, "national_code");
    }
    expect_patch_refused(id, {{"national_code", 2311}}, 400, "national_code");
    expect_create_refused({{"national_code", "2413-" + r + "-99-01-000001"}}, 422, "national_code");
}

TEST_P(IdentityRejectTest, TheCodesRegionMustExist) {
    const auto id = create();
    auto res = expect_patch_refused(id, {{"national_code", national_code(201, "150100")}}, 422, "national_code");
    EXPECT_NE(message_for(res, "national_code").find("150100"), std::string::npos) << res.body;
    expect_create_refused({{"national_code", national_code(202, "140199")}}, 422, "national_code");
}

TEST_P(IdentityRejectTest, ADuplicateNationalCodeIsRefusedAlikeInAndOutOfScope) {
    const auto id = create();
    const auto inside = expect_patch_refused(id, {{"national_code", demo_code(true)}}, 409, "national_code");
    const auto outside = expect_patch_refused(id, {{"national_code", demo_code(false)}}, 409, "national_code");
    // Nothing tells the two apart: not the status, the detail or the field's message.
    EXPECT_EQ(inside.json().at("detail"), outside.json().at("detail"));
    EXPECT_EQ(inside.json().at("errors"), outside.json().at("errors"));
    const auto holder = demo_holder(false);
    for (const std::string& revealing : {holder.project.name, holder.project.code, holder.zone_name}) {
        EXPECT_EQ(outside.body.find(revealing), std::string::npos) << revealing;
    }
    const auto created = expect_create_refused({{"national_code", demo_code(false)}}, 409, "national_code");
    EXPECT_EQ(created.json().at("errors"), outside.json().at("errors"));
}

TEST_P(IdentityRejectTest, FundingPartsMustAddUpToTheTotal) {
    const auto id = create();  // total 12.5亿元
    auto res = expect_patch_refused(id,
                                    {{"funding", json::array{{{"source", "own_funds"}, {"amount", "8亿元"}},
                                                             {{"source", "bank_loans"}, {"amount", "4亿元"}}}}},
                                    422, "funding");
    EXPECT_NE(message_for(res, "funding").find("50,000,000"), std::string::npos) << res.body;  // 5000万元 short
    expect_patch_refused(id,
                         {{"funding", json::array{{{"source", "own_funds"}, {"amount", "12.5亿元"}},
                                                  {{"source", "own_funds"}, {"amount", 0}}}}},
                         422, "funding[1].source");
    expect_patch_refused(id, {{"funding", json::array{{{"source", "angel"}, {"amount", "12.5亿元"}}}}}, 422,
                         "funding[0].source");
    expect_patch_refused(id, {{"funding", json::array{{{"amount", "12.5亿元"}}}}}, 422, "funding[0].source");
    expect_patch_refused(id, {{"funding", json::array{{{"source", "own_funds"}, {"amount", "12.5亿元"}, {"x", 1}}}}},
                         400, "funding[0].x");
    expect_patch_refused(id, {{"funding", {{"own_funds", "12.5亿元"}}}}, 400, "funding");
    // Changing the total alone also has to keep the parts adding up.
    ASSERT_EQ(patch(id, {{"funding", json::array{{{"source", "own_funds"}, {"amount", "12.5亿元"}}}}}).status, 200);
    expect_patch_refused(id, {{"total_investment", "13亿元"}}, 422, "funding");
}

TEST_P(IdentityRejectTest, StatisticsEntryNeedsAStartBeforeIt) {
    const auto reserve = create();
    expect_patch_refused(reserve, {{"stats_entry_date", "2023-12-01"}}, 422, "stats_entry_date");
    const auto started = create_with({{"stage", "started"}, {"stage_date", "2023-06-01"}});
    expect_patch_refused(started, {{"stats_entry_date", "2023-05-31"}}, 422, "stats_entry_date");
    expect_patch_refused(started, {{"stats_entry_date", "2024-01-16"}}, 422, "stats_entry_date");
    expect_patch_refused(started, {{"stats_entry_date", "soon"}}, 422, "stats_entry_date");
    EXPECT_EQ(patch(started, {{"stats_entry_date", "2023-06-01"}}).status, 200);
}

TEST_P(IdentityRejectTest, ApprovalsAreCheckedWhole) {
    const auto started = create_with({{"stage", "started"}, {"stage_date", "2023-06-01"}});
    const json::object good{{"kind", "filing"}, {"date", "2023-05-01"}, {"authority", "太原市行政审批服务管理局"}};
    const auto with = [&](const char* key, json::value value) {
        json::object a = good;
        a[key] = std::move(value);
        return json::object{{"approval", a}};
    };
    expect_patch_refused(started, with("date", "2024-01-16"), 422, "approval.date");  // in the future
    expect_patch_refused(started, with("date", "2023-06-02"), 422, "approval.date");  // after the start
    expect_patch_refused(started, with("kind", "permit"), 422, "approval.kind");
    expect_patch_refused(started, with("authority", " "), 422, "approval.authority");
    expect_patch_refused(started, with("extension", json::object{{"granted_on", "2023-05-02"}}), 422,
                         "approval.extension.start_by");
    expect_patch_refused(started, with("start_deadline", "2025-05-01"), 400, "approval.start_deadline");
    expect_patch_refused(started, with("kind", 3), 400, "approval.kind");
    json::object missing = good;
    missing.erase("authority");
    expect_patch_refused(started, {{"approval", missing}}, 422, "approval.authority");
    expect_patch_refused(started, {{"approval", "filing"}}, 400, "approval");
    EXPECT_EQ(patch(started, {{"approval", good}}).status, 200);
}

TEST_P(IdentityRejectTest, ASlipNeedsAReason) {
    const auto id = create();  // planned sign 2024-03-01, start 2024-06-01
    const auto before = read_project(id).project.planned;
    expect_patch_refused(id, {{"planned", {{"start", "2024-07-01"}}}}, 422, "planned.start");
    expect_patch_refused(id, {{"planned", {{"start", "2024-07-01"}}}, {"planned_reason", "  "}}, 422, "planned.start");
    auto both =
        expect_patch_refused(id, {{"planned", {{"sign", "2024-04-01"}, {"start", nullptr}}}}, 422, "planned.sign");
    const auto fields = error_fields(both);
    EXPECT_NE(std::find(fields.begin(), fields.end(), "planned.start"), fields.end());  // clearing is a slip
    expect_patch_refused(id, {{"planned", {{"start", "2024-07-01"}}}, {"planned_reason", 5}}, 400, "planned_reason");
    EXPECT_EQ(read_project(id).project.planned, before);
    EXPECT_TRUE(planned_history(id).empty());
}

TEST_P(IdentityRejectTest, CommitmentsAreChecked) {
    const auto reserve = create();
    expect_patch_refused(reserve,
                         {{"realised", json::array{{{"year", 2023}, {"output_value", "1亿元"}, {"tax", "500万元"}}}}},
                         422, "realised");  // not producing
    const auto producing = create_with({{"stage", "producing"}, {"stage_date", "2023-03-01"}});
    expect_patch_refused(producing,
                         {{"realised", json::array{{{"year", 2024}, {"output_value", "1亿元"}, {"tax", "500万元"}}}}},
                         422, "realised[0].year");  // 2024 has not ended
    expect_patch_refused(producing,
                         {{"realised", json::array{{{"year", 2022}, {"output_value", "1亿元"}, {"tax", "500万元"}}}}},
                         422, "realised[0].year");  // before production
    expect_patch_refused(producing, {{"realised", json::array{{{"year", 2023}, {"tax", "500万元"}}}}}, 422,
                         "realised[0].output_value");
    expect_patch_refused(producing, {{"capacity_agreement", {{"tax", "500万元"}}}}, 422,
                         "capacity_agreement.output_value");
    expect_patch_refused(producing, {{"capacity_agreement", {{"output_value", "-1亿元"}, {"tax", "500万元"}}}}, 422,
                         "capacity_agreement.output_value");
    expect_patch_refused(producing,
                         {{"capacity_agreement", {{"output_value", "1亿元"}, {"tax", "1"}, {"output_per_mu", "1"}}}},
                         400, "capacity_agreement.output_per_mu");
    expect_patch_refused(producing, {{"national_code_legacy", true}}, 400, "national_code_legacy");
}

TEST_P(IdentityRejectTest, ACodeNameMayNotBeTheName) {
    const auto id = create();
    expect_patch_refused(id, {{"code_name", "HTTP测试 光伏组件项目"}}, 422, "code_name");
    expect_patch_refused(id, {{"code_name", " \u3000 "}}, 422, "code_name");
    expect_patch_refused(id, {{"code_name", 7}}, 400, "code_name");
}

INSTANTIATE_TEST_SUITE_P(Backends, IdentityRejectTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
