#include "service_fixture.hpp"

namespace sanpi::testing {
namespace {

using domain::BatchKind;

class CampaignAuthTest : public ServiceTest {};

TEST_P(CampaignAuthTest, EnteringABatchRecordsTheStageAndRefusesDoubleCounting) {
    const auto id = reserve_project_id();
    ASSERT_TRUE(campaigns().add_entry(as("province"), demo_.campaign_id, id, BatchKind::kSign));
    auto p = projects().get(as("province"), id).value().project;
    EXPECT_EQ(p.stage, domain::Stage::kSigned);
    EXPECT_EQ(p.actual.sign->iso(), "2022-06-22");
    EXPECT_EQ(campaigns().summary(as("province"), demo_.campaign_id).value().batches[0].projects, 322);

    auto twice = campaigns().add_entry(as("province"), demo_.campaign_id, id, BatchKind::kSign);
    ASSERT_FALSE(twice);
    EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
    EXPECT_EQ(campaigns().summary(as("province"), demo_.campaign_id).value().batches[0].projects, 322);
}

TEST_P(CampaignAuthTest, OnlyProvinceUsersEnterProjects) {
    const auto id = reserve_project_id();
    auto r = campaigns().add_entry(as("taiyuan"), demo_.campaign_id, id, BatchKind::kSign);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kForbidden);
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
