// POST /api/v1/projects/{id}/transitions: every refusal names its field or rule and writes nothing.
#include "transition_fixture.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

class TransitionRejectTest : public TransitionTest {
protected:
    std::int64_t signed_project() { return project_after({{{"to", "signed"}, {"date", "2023-06-01"}}}); }
};

TEST_P(TransitionRejectTest, SideStatusesNeedAReason) {
    const auto active = signed_project();
    const auto suspended = project_after({{{"to", "signed"}, {"date", "2023-06-01"}},
                                          {{"to", "suspended"}, {"date", "2023-07-01"}, {"reason", "资金未到位"}}});
    const std::pair<const char*, std::int64_t> cases[] = {
        {"suspended", active}, {"cancelled", active}, {"resumed", suspended}, {"cancelled", suspended}};
    for (const auto& [to, id] : cases) {
        expect_invalid(id, {{"to", to}, {"date", "2023-12-01"}}, "reason");
        for (const char* blank : {"", "   ", "\u3000", "\n\t"}) {
            expect_invalid(id, {{"to", to}, {"date", "2023-12-01"}, {"reason", blank}}, "reason");
        }
    }
}

TEST_P(TransitionRejectTest, ToMustNameAStageOrSideStatus) {
    const auto id = create();
    expect_invalid(id, {{"date", "2023-06-01"}}, "to");
    for (const char* bad : {"finished", "active", "", "Started ", "开工"}) {
        expect_invalid(id, {{"to", bad}, {"date", "2023-06-01"}}, "to");
    }
    const auto etag = etag_of(id);
    for (const json::value& wrong : {json::value(2), json::value(nullptr), json::value(json::array{"started"})}) {
        expect_refused(*writer(), id, {{"to", wrong}, {"date", "2023-06-01"}}, {{"If-Match", etag}}, 400, "to");
    }
    expect_refused(*writer(), id, {{"to", "started"}, {"date", "2023-06-01"}, {"stage", "started"}},
                   {{"If-Match", etag}}, 400, "stage");  // unknown field
    expect_refused(*writer(), id, {{"to", "started"}, {"date", "2023-06-01"}, {"reason", 5}}, {{"If-Match", etag}}, 400,
                   "reason");
}

TEST_P(TransitionRejectTest, DatesAreRequiredValidAndNotInTheFuture) {
    const auto id = create();
    expect_invalid(id, {{"to", "signed"}}, "date");
    expect_refused(*writer(), id, {{"to", "signed"}, {"date", nullptr}}, {{"If-Match", etag_of(id)}}, 400, "date");
    for (const char* bad : {"2023-02-30", "2023-13-01", "yesterday", "2024-01-16", "2030-01-01"}) {
        expect_invalid(id, {{"to", "signed"}, {"date", bad}}, "date");
    }
    expect_invalid(id, {{"to", "suspended"}, {"date", "2024-01-16"}, {"reason", "未来日期"}}, "date");
}

TEST_P(TransitionRejectTest, DatesMayNotRunBackwards) {
    const auto id = signed_project();  // signed 2023-06-01
    expect_invalid(id, {{"to", "started"}, {"date", "2023-05-31"}}, "date");
    expect_invalid(id, {{"to", "producing"}, {"date", "2023-01-01"}}, "date");
    // A status change cannot be dated before the last milestone or the last status change.
    expect_invalid(id, {{"to", "suspended"}, {"date", "2023-05-31"}, {"reason", "早于签约"}}, "date");
    ASSERT_EQ(move(id, {{"to", "suspended"}, {"date", "2023-09-01"}, {"reason", "停工"}}).status, 200);
    expect_invalid(id, {{"to", "resumed"}, {"date", "2023-08-31"}, {"reason", "早于停工"}}, "date");
}

TEST_P(TransitionRejectTest, BackwardMoveNeedsAReason) {
    const auto id = project_after({{{"to", "started"}, {"date", "2023-06-01"}}});
    expect_invalid(id, {{"to", "signed"}, {"date", "2023-06-01"}}, "reason");
    expect_invalid(id, {{"to", "reserve"}, {"date", "2023-06-01"}, {"reason", " "}}, "reason");
    expect_invalid(id, {{"to", "signed"}, {"date", "2023-06-01"}, {"evidence", "更正"}}, "reason");
}

TEST_P(TransitionRejectTest, EachTextGoesInItsOwnField) {
    const auto id = signed_project();
    expect_invalid(id, {{"to", "started"}, {"date", "2023-07-01"}, {"reason", "开工"}}, "reason");
    expect_invalid(id, {{"to", "suspended"}, {"date", "2023-07-01"}, {"reason", "停工"}, {"evidence", "照片"}},
                   "evidence");
    expect_invalid(id, {{"to", "reserve"}, {"date", "2023-07-01"}, {"reason", "误录"}, {"evidence", "照片"}},
                   "evidence");
    expect_invalid(id, {{"to", "started"}, {"date", "2023-07-01"}, {"evidence", std::string(2001, 'x')}}, "evidence");
    expect_invalid(id, {{"to", "started"}, {"date", "2023-07-01"}, {"evidence", std::string("a\0b", 3)}}, "evidence");
}

TEST_P(TransitionRejectTest, MovesThatGoNowhereAreRefused) {
    const auto id = signed_project();
    expect_invalid(id, {{"to", "signed"}, {"date", "2023-07-01"}}, "to");   // already there
    expect_invalid(id, {{"to", "resumed"}, {"reason", "本就正常"}}, "to");  // not suspended
    ASSERT_EQ(move(id, {{"to", "suspended"}, {"date", "2023-08-01"}, {"reason", "停工"}}).status, 200);
    expect_invalid(id, {{"to", "suspended"}, {"reason", "再次停工"}}, "to");
    expect_invalid(id, {{"to", "started"}, {"date", "2023-09-01"}}, "to");  // resume first
}

TEST_P(TransitionRejectTest, NothingMovesACancelledProject) {
    const auto id = project_after({{{"to", "signed"}, {"date", "2023-06-01"}},
                                   {{"to", "cancelled"}, {"date", "2023-07-01"}, {"reason", "企业退出"}}});
    expect_invalid(id, {{"to", "started"}, {"date", "2023-08-01"}}, "to");
    expect_invalid(id, {{"to", "reserve"}, {"date", "2023-08-01"}, {"reason", "更正"}}, "to");
    for (const char* to : {"resumed", "suspended", "cancelled"}) {
        expect_invalid(id, {{"to", to}, {"date", "2023-08-01"}, {"reason", "重新启动"}}, "to");
    }
}

TEST_P(TransitionRejectTest, NeedsTheCurrentETag) {
    const auto id = signed_project();  // version 2
    const json::object start{{"to", "started"}, {"date", "2023-07-01"}};
    auto client = writer();
    expect_refused(*client, id, start, {}, 428);
    expect_refused(*client, id, start, {{"If-Match", "\"1\""}}, 409);
    expect_refused(*client, id, start, {{"If-Match", "\"3\""}}, 409);
    expect_refused(*client, id, start, {{"If-Match", "W/\"2\""}}, 400, "If-Match");
    expect_refused(*client, id, start, {{"If-Match", "\"2\""}, {"Content-Type", "text/plain"}}, 415);
    EXPECT_EQ(client->post(transitions(id), start, {{"If-Match", "\"2\""}}).status, 200);  // the same move, current
}

TEST_P(TransitionRejectTest, OnlyWritersInScopeMoveProjects) {
    const auto other = project_outside_zone(zone_id_);
    const json::object suspend{{"to", "suspended"}, {"date", "2024-01-10"}, {"reason", "越权"}};
    auto zone_user = writer();
    expect_refused(*zone_user, other, suspend, {{"If-Match", etag_of(other)}}, 404);
    auto missing = zone_user->post(transitions(other), suspend, {{"If-Match", etag_of(other)}});
    EXPECT_EQ(missing.json().at("detail"), "项目不存在");  // the same answer as an id that does not exist
    expect_refused(*zone_user, 99999999, suspend, {{"If-Match", "\"1\""}}, 404);

    const auto own = signed_project();
    for (const char* user : {"viewer", "supervisor", "taiyuan"}) {
        expect_refused(*as(user), own, suspend, {{"If-Match", etag_of(own)}}, 403);
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, TransitionRejectTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
