#include "service_fixture.hpp"

namespace sanpi::testing {
namespace {

using domain::BatchKind;

class CampaignAuthTest : public ServiceTest {};

TEST_P(CampaignAuthTest, HoldingRecordsTheStageAndABatchKindCountsOnce) {
    const auto id = reserve_project_id();
    const auto campaign = planned_campaign("第三次活动", domain::Date::from_ymd(2023, 9, 20).value());
    ASSERT_TRUE(campaigns().add_entry(as("province"), campaign.id, id, BatchKind::kSign));
    // Entered, not yet held: the stage moves on the event day, when the campaign is held.
    EXPECT_EQ(projects().get(as("province"), id).value().project.stage, domain::Stage::kReserve);
    EXPECT_EQ(campaigns().summary(as("province"), campaign.id).value().batches[0].projects, 1);
    ASSERT_TRUE(campaigns().hold(as("province"), campaign.id, std::nullopt));
    auto p = projects().get(as("province"), id).value().project;
    EXPECT_EQ(p.stage, domain::Stage::kSigned);
    EXPECT_EQ(p.actual.sign->iso(), "2023-09-20");

    const auto later = planned_campaign("第四次活动", domain::Date::from_ymd(2023, 12, 1).value());
    auto twice = campaigns().add_entry(as("province"), later.id, id, BatchKind::kSign);
    ASSERT_FALSE(twice);
    EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
    EXPECT_NE(twice.error().message.zh.find("第三次活动"), std::string::npos) << twice.error().message.zh;
    EXPECT_EQ(campaigns().summary(as("province"), later.id).value().batches[0].projects, 0);
}

TEST_P(CampaignAuthTest, SupervisorsAndViewersEnterNothing) {
    const auto id = reserve_project_id();
    const auto campaign = planned_campaign("第三次活动", domain::Date::from_ymd(2023, 9, 20).value());
    for (const char* user : {"supervisor", "viewer"}) {
        auto r = campaigns().add_entry(as(user), campaign.id, id, BatchKind::kSign);
        ASSERT_FALSE(r) << user;
        EXPECT_EQ(r.error().code, ErrorCode::kForbidden) << user;
    }
    auto by_city = campaigns().create(as("taiyuan"), service::CampaignDraft{});
    ASSERT_FALSE(by_city);
    EXPECT_EQ(by_city.error().code, ErrorCode::kForbidden);
}

TEST_P(CampaignAuthTest, UnknownCampaignIsNotFound) {
    auto r = campaigns().summary(as("province"), 999999);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
}

TEST_P(CampaignAuthTest, LoginSessionsAndTokens) {
    auto a = auth();
    auto wrong = a.login("province", "wrong-password");
    ASSERT_FALSE(wrong);
    auto unknown = a.login("nobody", "wrong-password");
    ASSERT_FALSE(unknown);
    EXPECT_EQ(wrong.error().code, ErrorCode::kUnauthorized);
    EXPECT_EQ(wrong.error().message.en, unknown.error().message.en);  // names cannot be probed

    auto ok = a.login("taiyuan", service::kDemoPassword);
    ASSERT_TRUE(ok);
    auto session = a.authenticate_session(ok->session_token);
    ASSERT_TRUE(session);
    EXPECT_EQ(session->principal.user.name, "taiyuan");
    EXPECT_EQ(session->csrf_token, ok->csrf_token);
    EXPECT_FALSE(a.authenticate_session("forged"));

    clock_.set(kTestNow + service::AuthService::kSessionLifetime + 1);
    EXPECT_FALSE(a.authenticate_session(ok->session_token));  // expired
    clock_.set(kTestNow);
    ASSERT_TRUE(a.logout(ok->session_token));
    EXPECT_FALSE(a.authenticate_session(ok->session_token));

    auto token = a.create_api_token("viewer", "test");
    ASSERT_TRUE(token);
    auto bearer = a.authenticate_bearer(*token);
    ASSERT_TRUE(bearer);
    EXPECT_EQ(bearer->user.name, "viewer");
    EXPECT_FALSE(a.authenticate_bearer(*token + "x"));
}

TEST_P(CampaignAuthTest, AddUserChecksNamesPasswordsAndScopes) {
    auto a = auth();
    auto ok = a.add_user("new-city-user", domain::Role::kCity, "140200", "long-enough-password");
    ASSERT_TRUE(ok) << ok.error().message.en;
    EXPECT_EQ(ok->scope().region_prefix, "1402");

    auto zone_user = a.add_user("new-zone-user", domain::Role::kZone, "datong-etdz", "long-enough-password");
    ASSERT_TRUE(zone_user);
    EXPECT_EQ(zone_user->scope().kind, domain::Scope::Kind::kZone);

    auto bad = a.add_user("Bad Name", domain::Role::kCity, "140200", "short");
    ASSERT_FALSE(bad);
    ASSERT_EQ(bad.error().fields.size(), 2u);
    EXPECT_EQ(bad.error().fields[0].field, "user");
    EXPECT_EQ(bad.error().fields[1].field, "password");

    auto wrong_level = a.add_user("city-at-province", domain::Role::kCity, "140000", "long-enough-password");
    ASSERT_FALSE(wrong_level);
    EXPECT_EQ(wrong_level.error().fields[0].field, "scope");
    auto unknown_zone = a.add_user("ghost-zone", domain::Role::kZone, "no-such-zone", "long-enough-password");
    ASSERT_FALSE(unknown_zone);
    EXPECT_EQ(unknown_zone.error().fields[0].field, "scope");
    auto dup = a.add_user("province", domain::Role::kProvince, "140000", "long-enough-password");
    ASSERT_FALSE(dup);
    EXPECT_EQ(dup.error().code, ErrorCode::kConflict);
}

INSTANTIATE_TEST_SUITE_P(Backends, CampaignAuthTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
