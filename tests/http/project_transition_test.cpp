// POST /api/v1/projects/{id}/transitions: moves that are accepted, and what history keeps of them.
#include "transition_fixture.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;
using domain::ProjectStatus;
using domain::Stage;

class ProjectTransitionTest : public TransitionTest {};

TEST_P(ProjectTransitionTest, ForwardMovesOneStageAtATime) {
    const auto id = create();
    struct Step {
        const char* to;
        const char* date;
        const char* milestone;
    };
    const Step steps[] = {{"signed", "2023-03-01", "sign"},
                          {"started", "2023-06-22", "start"},
                          {"producing", "2023-11-30", "production"},
                          {"at_capacity", "2024-01-15", "capacity"}};  // today is allowed
    std::int64_t version = 1;
    for (const auto& step : steps) {
        const std::string evidence = std::string("依据：") + step.to;
        auto res = move(id, {{"to", step.to}, {"date", step.date}, {"evidence", evidence}});
        ASSERT_EQ(res.status, 200) << step.to << ": " << res.body;
        ++version;
        EXPECT_EQ(res.header("etag"), "\"" + std::to_string(version) + "\"");
        const auto p = res.json().as_object();
        EXPECT_EQ(p.at("stage"), step.to);
        EXPECT_EQ(p.at("status"), "active");
        EXPECT_EQ(p.at("version"), version);
        EXPECT_EQ(p.at("actual").at(step.milestone), step.date);
        EXPECT_EQ(as("province")->get(path(id)).json(), res.json());  // the answer is what was stored
    }
    auto listed = writer()->get(path(id) + "/history");
    ASSERT_EQ(listed.status, 200);
    const auto items = listed.json().at("items").as_array();
    ASSERT_EQ(items.size(), 4u);
    const char* from = "reserve";
    for (std::size_t i = 0; i < items.size(); ++i) {
        EXPECT_EQ(items[i].at("from_stage"), from);
        EXPECT_EQ(items[i].at("to_stage"), steps[i].to);
        EXPECT_EQ(items[i].at("date"), steps[i].date);
        EXPECT_EQ(items[i].at("reason").as_string(), std::string("依据：") + steps[i].to);
        EXPECT_EQ(items[i].at("correction"), false);
        from = steps[i].to;
    }
}

TEST_P(ProjectTransitionTest, SeveralStagesAtOnceSetEveryMilestonePassed) {
    const auto id = create();
    auto res = move(id, {{"to", "started"}, {"date", "2023-06-22"}});
    ASSERT_EQ(res.status, 200) << res.body;
    const auto actual = res.json().at("actual");
    EXPECT_EQ(actual.at("sign"), "2023-06-22");
    EXPECT_EQ(actual.at("start"), "2023-06-22");
    EXPECT_TRUE(actual.at("production").is_null());
    const auto changes = history(id);
    ASSERT_EQ(changes.size(), 1u);  // one move, one record
    EXPECT_EQ(changes[0].from_stage, Stage::kReserve);
    EXPECT_EQ(changes[0].to_stage, Stage::kStarted);
    EXPECT_EQ(changes[0].reason, "");  // no evidence given
}

TEST_P(ProjectTransitionTest, SuspendResumeAndCancelKeepTheirReasonsAndDates) {
    const auto id = project_after({{{"to", "started"}, {"date", "2023-06-01"}}});
    auto suspended = move(id, {{"to", "suspended"}, {"date", "2023-08-01"}, {"reason", "  环评整改  "}});
    ASSERT_EQ(suspended.status, 200) << suspended.body;
    EXPECT_EQ(suspended.json().at("status"), "suspended");
    EXPECT_EQ(suspended.json().at("stage"), "started");                    // a suspended project keeps its stage
    auto resumed = move(id, {{"to", "resumed"}, {"reason", "整改完成"}});  // no date: today
    ASSERT_EQ(resumed.status, 200) << resumed.body;
    EXPECT_EQ(resumed.json().at("status"), "active");
    auto cancelled = move(id, {{"to", "cancelled"}, {"date", "2024-01-15"}, {"reason", "企业退出"}});
    ASSERT_EQ(cancelled.status, 200) << cancelled.body;
    EXPECT_EQ(cancelled.json().at("status"), "cancelled");
    EXPECT_EQ(cancelled.header("etag"), "\"5\"");

    const auto items = writer()->get(path(id) + "/history").json().at("items").as_array();
    ASSERT_EQ(items.size(), 4u);
    const json::object expected[] = {
        {{"from_status", "active"}, {"to_status", "suspended"}, {"date", "2023-08-01"}, {"reason", "环评整改"}},
        {{"from_status", "suspended"}, {"to_status", "active"}, {"date", "2024-01-15"}, {"reason", "整改完成"}},
        {{"from_status", "active"}, {"to_status", "cancelled"}, {"date", "2024-01-15"}, {"reason", "企业退出"}},
    };
    for (std::size_t i = 0; i < 3; ++i) {
        for (const auto& [key, value] : expected[i]) EXPECT_EQ(items[i + 1].at(key), value) << i << " " << key;
        EXPECT_EQ(items[i + 1].at("from_stage"), "started");
        EXPECT_EQ(items[i + 1].at("to_stage"), "started");
    }
}

TEST_P(ProjectTransitionTest, SuspendedProjectCanBeCancelled) {
    const auto id = project_after({{{"to", "signed"}, {"date", "2023-03-01"}},
                                   {{"to", "suspended"}, {"date", "2023-05-01"}, {"reason", "资金未到位"}}});
    auto res = move(id, {{"to", "cancelled"}, {"date", "2023-09-01"}, {"reason", "资金无法落实"}});
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(res.json().at("status"), "cancelled");
    EXPECT_EQ(history(id).back().from_status, ProjectStatus::kSuspended);
}

TEST_P(ProjectTransitionTest, BackwardMoveIsACorrectionWithItsReason) {
    const auto id = project_after({{{"to", "producing"}, {"date", "2023-10-01"}}});
    auto res = move(id, {{"to", "signed"}, {"date", "2023-10-01"}, {"reason", "开工日期误填，尚未开工"}});
    ASSERT_EQ(res.status, 200) << res.body;
    const auto p = res.json().as_object();
    EXPECT_EQ(p.at("stage"), "signed");
    EXPECT_EQ(p.at("actual").at("sign"), "2023-10-01");
    EXPECT_TRUE(p.at("actual").at("start").is_null());  // later milestones are cleared
    EXPECT_TRUE(p.at("actual").at("production").is_null());
    const auto last = writer()->get(path(id) + "/history").json().at("items").as_array().back();
    EXPECT_EQ(last.at("correction"), true);
    EXPECT_EQ(last.at("from_stage"), "producing");
    EXPECT_EQ(last.at("to_stage"), "signed");
    EXPECT_EQ(last.at("reason"), "开工日期误填，尚未开工");
}

TEST_P(ProjectTransitionTest, ProvinceMovesAZonesProjectAndPatchStillWorks) {
    const auto id = create();
    const auto before = read_project(id).project;
    auto province = as("province");
    auto res =
        province->post(transitions(id), {{"to", "suspended"}, {"date", "2024-01-15"}, {"reason", "省级督导要求"}},
                       {{"If-Match", etag_of(id)}});
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(res.json().at("version"), before.version + 1);
    // PATCH keeps its own way of moving a project, on the new ETag.
    auto patch = province->patch(path(id), {{"status", "active"}}, {{"If-Match", res.header("etag")}});
    ASSERT_EQ(patch.status, 200) << patch.body;
    EXPECT_EQ(patch.json().at("status"), "active");
    EXPECT_EQ(read_project(id).project.version, before.version + 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, ProjectTransitionTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
