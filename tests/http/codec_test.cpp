// The pure parts of the HTTP layer, without a server: body decoding, JSON shapes, language
// negotiation, routing and the error mapping.
#include "http/codec.hpp"

#include <gtest/gtest.h>

#include "http/problem.hpp"
#include "http/router.hpp"
#include "service/auth_service.hpp"

namespace sanpi::http {
namespace {

namespace json = boost::json;

service::ProjectPatch decode_ok(const std::string& body) {
    auto decoded = decode_project_patch(body);
    if (auto* p = std::get_if<Problem>(&decoded)) {
        ADD_FAILURE() << body << " -> " << p->status << " " << (p->fields.empty() ? "" : p->fields[0].field);
        return {};
    }
    return std::get<service::ProjectPatch>(decoded);
}

TEST(DecodeProjectPatch, ReadsMoneyInEveryAcceptedForm) {
    struct Case {
        const char* json;
        std::int64_t fen;
    };
    for (const auto& c : {Case{R"("12.5亿元")", 125'000'000'000}, Case{R"("3000万元")", 3'000'000'000},
                          Case{R"("1200000")", 120'000'000}, Case{R"("１２００元")", 120'000},
                          Case{"1200000", 120'000'000}, Case{R"("1200000.5")", 120'000'050}}) {
        auto patch = decode_ok(std::string(R"({"total_investment": )") + c.json + "}");
        ASSERT_TRUE(patch.total_investment) << c.json;
        EXPECT_EQ(patch.total_investment->fen(), c.fen) << c.json;
    }
}

TEST(DecodeProjectPatch, ReadsLandAreaExactly) {
    for (const auto& [text, centimu] : std::vector<std::pair<std::string, std::int64_t>>{
             {R"("12.05")", 1205}, {R"("12.5")", 1250}, {"12", 1200}, {"12.05", 1205}, {R"("１２")", 1200}}) {
        auto patch = decode_ok(R"({"land_area_mu": )" + text + "}");
        EXPECT_EQ(patch.land_area_centimu, centimu) << text;
    }
}

TEST(DecodeProjectPatch, DistinguishesAbsentNullAndValueInPlanned) {
    auto patch = decode_ok(R"({"planned": {"sign": null, "start": "2024年6月", "production": "2024-07-01"}})");
    ASSERT_TRUE(patch.planned_sign.has_value());
    EXPECT_FALSE(patch.planned_sign->has_value());
    ASSERT_TRUE(patch.planned_start && *patch.planned_start);
    EXPECT_EQ((*patch.planned_start)->iso(), "2024-06-01");  // month precision: the first of the month
    EXPECT_EQ((*patch.planned_production)->iso(), "2024-07-01");
    EXPECT_FALSE(patch.planned_capacity.has_value());
}

TEST(DecodeProjectPatch, BuildsStageMovesAndStatusChanges) {
    auto patch = decode_ok(R"({"stage": "started", "stage_date": "2023-05-01", "correction_reason": "录入错误",
                               "status": "suspended", "status_reason": "资金未到位", "code": " ＳＸ-1 "})");
    ASSERT_TRUE(patch.stage_move);
    EXPECT_EQ(patch.stage_move->to, domain::Stage::kStarted);
    EXPECT_EQ(patch.stage_move->date.iso(), "2023-05-01");
    EXPECT_EQ(patch.stage_move->correction_reason, "录入错误");
    EXPECT_EQ(patch.status, domain::ProjectStatus::kSuspended);
    EXPECT_EQ(patch.status_reason, "资金未到位");
    EXPECT_EQ(patch.code, "SX-1");
}

TEST(DecodeProjectPatch, ShapeErrorsAre400AndValueErrors422) {
    auto shape = std::get<Problem>(decode_project_patch(R"({"name": 1, "total_investment": "abc"})"));
    EXPECT_EQ(shape.status, 400);
    ASSERT_EQ(shape.fields.size(), 2u);  // all errors, even the value error, are reported together
    auto value = std::get<Problem>(decode_project_patch(R"({"total_investment": "abc"})"));
    EXPECT_EQ(value.status, 422);
    EXPECT_EQ(value.fields.at(0).field, "total_investment");
}

TEST(ProjectJson, RendersMoneyAndLandAreaExactly) {
    domain::ProjectView view;
    view.project.total_investment = domain::Money::from_fen(120'000'050);
    view.project.land_area_centimu = 1205;
    view.project.planned.start = domain::Date::from_ymd(2024, 6, 1).value();
    auto out = to_json(view);
    EXPECT_EQ(out.at("total_investment"), "1200000.5");
    EXPECT_EQ(out.at("land_area_mu"), "12.05");
    EXPECT_EQ(out.at("planned").at("start"), "2024-06-01");
    EXPECT_TRUE(out.at("planned").at("sign").is_null());
    EXPECT_TRUE(out.at("chain_node_id").is_null());
}

TEST(NegotiateLang, PrefersTheHighestQualityOfChineseAndEnglish) {
    EXPECT_EQ(negotiate_lang("", ""), Lang::kZh);
    EXPECT_EQ(negotiate_lang("", "en"), Lang::kEn);
    EXPECT_EQ(negotiate_lang("", "en-GB,en;q=0.9"), Lang::kEn);
    EXPECT_EQ(negotiate_lang("", "zh-CN,zh;q=0.9,en;q=0.8"), Lang::kZh);
    EXPECT_EQ(negotiate_lang("", "fr, en;q=0.5, zh;q=0.4"), Lang::kEn);
    EXPECT_EQ(negotiate_lang("", "fr"), Lang::kZh);
    EXPECT_EQ(negotiate_lang("en", "zh-CN"), Lang::kEn);
    EXPECT_EQ(negotiate_lang("zh", "en"), Lang::kZh);
}

TEST(ProblemFor, MapsEveryErrorCodeAndHidesInternals) {
    EXPECT_EQ(problem_for(Error::invalid({})).status, 422);
    EXPECT_EQ(problem_for(Error::not_found("项目", "project")).status, 404);
    EXPECT_EQ(problem_for(Error::conflict("", "")).status, 409);
    EXPECT_EQ(problem_for(Error::precondition_required("", "")).status, 428);
    EXPECT_EQ(problem_for(Error::unauthorized("", "")).status, 401);
    EXPECT_EQ(problem_for(Error::forbidden("", "")).status, 403);
    EXPECT_EQ(problem_for(Error::unavailable("", "")).status, 503);
    auto internal = render(problem_for(Error::internal("SQL 错误", "SQLITE_CORRUPT at table projects")), Lang::kEn);
    EXPECT_EQ(internal.status, 500);
    EXPECT_EQ(internal.body.find("SQLITE"), std::string::npos);
    auto body = json::parse(internal.body);
    EXPECT_EQ(body.at("type"), "https://sanpi.example/problems/internal");
    EXPECT_TRUE(body.at("errors").as_array().empty());
}

TEST(Router, MatchesPatternsAndReportsAllowedMethods) {
    Router router;
    router.add("GET", "/api/v1/projects/{id}", [](Context&) { return Response{}; });
    router.add("PATCH", "/api/v1/projects/{id}", [](Context&) { return Response{}; });
    auto hit = router.match("PATCH", "/api/v1/projects/42");
    ASSERT_NE(hit.route, nullptr);
    EXPECT_EQ(hit.params, std::vector<std::string>{"42"});
    auto trailing = router.match("GET", "/api/v1/projects/42/");
    EXPECT_NE(trailing.route, nullptr);
    auto wrong = router.match("DELETE", "/api/v1/projects/42");
    EXPECT_EQ(wrong.route, nullptr);
    EXPECT_EQ(wrong.allow, "GET, HEAD, PATCH");
    EXPECT_TRUE(router.match("GET", "/api/v1/projects").allow.empty());
}

TEST(Router, TheFirstRouteRegisteredWinsAndOnlyUploadRoutesHaveTheirOwnBodyLimit) {
    Router router;
    router.add("GET", "/api/v1/projects/export.xlsx", [](Context&) { return Response{}; });
    router.add("GET", "/api/v1/projects/{id}", [](Context&) { return Response{}; });
    router.add_upload("POST", "/api/v1/imports", [](Context&) { return Response{}; }, 1000);
    auto literal = router.match("GET", "/api/v1/projects/export.xlsx");
    ASSERT_NE(literal.route, nullptr);
    EXPECT_EQ(literal.route->index, 0u);
    EXPECT_TRUE(literal.params.empty());
    auto captured = router.match("GET", "/api/v1/projects/7");
    ASSERT_NE(captured.route, nullptr);
    EXPECT_EQ(captured.route->index, 1u);
    EXPECT_EQ(captured.params, std::vector<std::string>{"7"});
    EXPECT_EQ(router.body_limit("POST", "/api/v1/imports"), 1000u);
    EXPECT_EQ(router.body_limit("POST", "/api/v1/imports/"), 1000u);
    EXPECT_EQ(router.body_limit("POST", "/api/v1/projects/7"), 0u);
    EXPECT_EQ(router.body_limit("GET", "/api/v1/imports"), 0u);
    EXPECT_EQ(router.match("POST", "/api/v1/imports/x").route, nullptr);
}

}  // namespace
}  // namespace sanpi::http

namespace sanpi::http {
namespace {

// The signed-in user's scope as the session answers show it: national, region or zone.
TEST(UserJson, ShowsTheNationalScopeOfAnAccountWithoutARegion) {
    domain::User nation{1, "nation", domain::Role::kSupervisor, std::nullopt, std::nullopt, "", true, 1, {}, false};
    auto national = to_json(service::AuthService::principal_for(nation));
    EXPECT_EQ(national.at("scope").at("kind"), "national");
    EXPECT_FALSE(national.at("scope").as_object().contains("region_code"));

    domain::User city{2, "taiyuan", domain::Role::kCity, domain::RegionCode::parse("140100").value(), std::nullopt, "",
                      true, 1, {}, false};
    auto region = to_json(service::AuthService::principal_for(city));
    EXPECT_EQ(region.at("scope").at("kind"), "region");
    EXPECT_EQ(region.at("scope").at("region_code"), "140100");
}

}  // namespace
}  // namespace sanpi::http
