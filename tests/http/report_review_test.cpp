// Monthly reports under review: submit, approve, return with a reason and resubmit; who may take
// each step; self-approval; steps the status does not allow; figures moving between bases.
#include "report_fixture.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

class ReportReviewTest : public ReportTest {
protected:
    // A submitted report of project_ (version 2).
    std::int64_t submitted(const std::string& month = kFreeMonth) {
        const auto id = create(month);
        EXPECT_EQ(step(*zone_user(), id, "submit", 1).status, 200);
        return id;
    }
    static std::string figure(const HttpResponse& res, const char* basis) {
        return std::string(res.json().at("cumulative").at(basis).at("investment_completed").as_string());
    }
};

TEST_P(ReportReviewTest, SubmittedFiguresAreUnofficialUntilApproved) {
    const auto id = create();
    const auto draft = zone_user()->get(path(id));
    auto sent = step(*zone_user(), id, "submit", 1);
    ASSERT_EQ(sent.status, 200) << sent.body;
    EXPECT_EQ(sent.header("etag"), "\"2\"");
    EXPECT_EQ(sent.json().at("status"), "submitted");
    EXPECT_EQ(sent.json().at("submitted_by").at("name").as_string(), zone_.slug);
    EXPECT_EQ(sent.json().at("submitted_at"), "2024-01-15T08:00:00+08:00");
    const auto plus = [](const std::string& yuan) { return std::to_string(std::stoll(yuan) + 30000000); };
    EXPECT_EQ(figure(sent, "including_unapproved"), plus(figure(draft, "including_unapproved")));
    EXPECT_EQ(figure(sent, "official"), figure(draft, "official"));

    auto approved = step(*city_user(), id, "approve", 2);
    ASSERT_EQ(approved.status, 200) << approved.body;
    EXPECT_EQ(approved.json().at("status"), "approved");
    EXPECT_EQ(approved.json().at("approved_by").at("name").as_string(), city_);
    EXPECT_EQ(approved.json().at("version"), 3);
    EXPECT_EQ(figure(approved, "official"), plus(figure(draft, "official")));
}

TEST_P(ReportReviewTest, AReturnNeedsAReasonAndTheZoneCorrectsAndResubmits) {
    const auto id = submitted();
    const auto before = snapshot_reports({project_});
    auto city = city_user();
    const std::tuple<json::object, int, const char*> refused[] = {{json::object{}, 422, "reason"},
                                                                  {{{"reason", "  "}}, 422, "reason"},
                                                                  {{{"reason", 5}}, 400, "reason"},
                                                                  {{{"reason", "x"}, {"note", "y"}}, 400, "note"}};
    for (const auto& [body, status, field] : refused) {
        auto res = step(*city, id, "return", 2, body);
        EXPECT_EQ(res.status, status) << json::serialize(body) << res.body;
        if (res.status == status) {
            EXPECT_EQ(res.json().at("errors").at(0).at("field"), field) << res.body;
        }
    }
    EXPECT_EQ(snapshot_reports({project_}), before);

    auto back = step(*city, id, "return", 2, {{"reason", "到位资金缺少银行流水佐证"}});
    ASSERT_EQ(back.status, 200) << back.body;
    EXPECT_EQ(back.json().at("status"), "returned");
    EXPECT_EQ(back.json().at("return_reason"), "到位资金缺少银行流水佐证");
    EXPECT_EQ(back.json().at("returned_by").at("name").as_string(), city_);
    auto fixed = zone_user()->patch(path(id), {{"capital_arrived", "1800万元"}}, if_match(3));
    ASSERT_EQ(fixed.status, 200) << fixed.body;
    auto again = step(*zone_user(), id, "submit", 4);
    ASSERT_EQ(again.status, 200) << again.body;
    EXPECT_EQ(again.json().at("status"), "submitted");
    EXPECT_EQ(again.json().at("return_reason"), "到位资金缺少银行流水佐证");  // kept for the reviewer
    EXPECT_EQ(step(*city, id, "approve", 5).json().at("status"), "approved");
}

TEST_P(ReportReviewTest, OnlyReviewersInScopeApproveAndNobodyTheirOwnSubmission) {
    const auto id = submitted();
    const auto before = snapshot_reports({project_});
    for (const char* user : {"supervisor", "viewer"}) {
        EXPECT_EQ(step(*as(user), id, "approve", 2).status, 403) << user;
        EXPECT_EQ(step(*as(user), id, "return", 2, {{"reason", "x"}}).status, 403) << user;
    }
    EXPECT_EQ(step(*zone_user(), id, "approve", 2).status, 403);
    EXPECT_EQ(step(*zone_user(), id, "return", 2, {{"reason", "x"}}).status, 403);
    EXPECT_EQ(step(*as(other_city_), id, "approve", 2).status, 404);
    EXPECT_EQ(step(*as(other_city_), id, "submit", 2).status, 403);
    EXPECT_EQ(step(*city_user(), id, "approve", 1).status, 409);  // stale
    EXPECT_EQ(snapshot_reports({project_}), before);

    // The province drafts and submits one itself; it cannot approve that one, a city can.
    auto province = as("province");
    auto own = province->post(reports_of(project_), make_report_body("2023-04"));
    ASSERT_EQ(own.status, 201) << own.body;
    const auto own_id = own.json().at("id").as_int64();
    ASSERT_EQ(step(*province, own_id, "submit", 1).status, 200);
    const auto submitted_own = snapshot_reports({project_});
    auto self = step(*province, own_id, "approve", 2);
    EXPECT_EQ(self.status, 403);
    EXPECT_EQ(self.json().at("type"), "https://sanpi.example/problems/forbidden");
    EXPECT_EQ(snapshot_reports({project_}), submitted_own);
    EXPECT_EQ(step(*city_user(), own_id, "approve", 2).status, 200);
    // ... and it may approve what the zone submitted.
    EXPECT_EQ(step(*province, id, "approve", 2).status, 200);
}

TEST_P(ReportReviewTest, StepsTheStatusDoesNotAllowAre409AndWriteNothing) {
    const auto id = create();
    auto city = city_user();
    auto zone = zone_user();
    auto before = snapshot_reports({project_});
    for (const auto& [client, name] : {std::pair{city.get(), "approve"}, std::pair{city.get(), "return"}}) {
        auto res = step(*client, id, name, 1, {{"reason", "x"}});
        EXPECT_EQ(res.status, 409) << name;
        EXPECT_EQ(res.json().at("errors").at(0).at("field"), "status") << res.body;
    }
    auto no_version = zone->request("POST", path(id) + "/submit");
    EXPECT_EQ(no_version.status, 428);
    EXPECT_EQ(step(*zone, 99999999, "submit", 1).status, 404);
    EXPECT_EQ(snapshot_reports({project_}), before);

    ASSERT_EQ(step(*zone, id, "submit", 1).status, 200);
    ASSERT_EQ(step(*city, id, "approve", 2).status, 200);
    before = snapshot_reports({project_});
    EXPECT_EQ(step(*zone, id, "submit", 3).status, 409);
    EXPECT_EQ(step(*city, id, "approve", 3).status, 409);
    EXPECT_EQ(step(*city, id, "return", 3, {{"reason", "再核实"}}).status, 409);
    EXPECT_EQ(zone->patch(path(id), {{"jobs", 1}}, if_match(3)).status, 409);
    EXPECT_EQ(snapshot_reports({project_}), before);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportReviewTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
