// Sign-in, bearer tokens, the session cookie and its CSRF guard.
#include "http_fixture.hpp"
#include "service/demo.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

class AuthTest : public HttpTest {
protected:
    // A zone account and one of its projects, for cookie-authenticated writes.
    std::pair<std::string, std::int64_t> zone_account() {
        auto zone = all_zones().front();
        return {zone.slug, project_in_zone(zone.id)};
    }
};

TEST_P(AuthTest, LoginReturnsUserAndCsrfTokenAndSetsAHardenedCookie) {
    auto client = anonymous();
    auto res = client->login("province", service::kDemoPassword);
    ASSERT_EQ(res.status, 200) << res.body;
    auto body = res.json().as_object();
    EXPECT_EQ(body.at("user").at("name"), "province");
    EXPECT_EQ(body.at("user").at("role"), "province");
    EXPECT_EQ(body.at("user").at("scope").at("region_code"), "140000");
    EXPECT_GE(body.at("csrf_token").as_string().size(), 16u);
    const std::string cookie = res.header("set-cookie");
    EXPECT_EQ(cookie.rfind("sanpi_session=", 0), 0u) << cookie;
    for (const char* attribute : {"; HttpOnly", "; SameSite=Strict", "; Path=/", "; Max-Age=43200"}) {
        EXPECT_NE(cookie.find(attribute), std::string::npos) << attribute << " missing in " << cookie;
    }
    EXPECT_EQ(cookie.find("Secure"), std::string::npos);  // not configured in tests

    auto session = client->get("/api/v1/session");
    ASSERT_EQ(session.status, 200);
    EXPECT_EQ(session.json().at("csrf_token"), body.at("csrf_token"));
}

TEST_P(AuthTest, WrongPasswordAndUnknownUserGetTheSame401) {
    auto wrong = anonymous()->post("/api/v1/session", {{"username", "province"}, {"password", "not-the-password"}});
    auto unknown = anonymous()->post("/api/v1/session", {{"username", "nobody"}, {"password", "not-the-password"}});
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(unknown.status, 401);
    EXPECT_EQ(wrong.header("content-type"), "application/problem+json; charset=utf-8");
    EXPECT_EQ(wrong.json().at("detail"), unknown.json().at("detail"));
    EXPECT_EQ(wrong.json().at("type"), "https://sanpi.example/problems/unauthorized");
    EXPECT_TRUE(wrong.header("set-cookie").empty());
}

TEST_P(AuthTest, LoginBodyMustBeJsonWithOnlyUsernameAndPassword) {
    auto client = anonymous();
    EXPECT_EQ(client->request("POST", "/api/v1/session", "{not json", {{"Content-Type", "application/json"}}).status,
              400);
    EXPECT_EQ(client->request("POST", "/api/v1/session", "username=province", {{"Content-Type", "text/plain"}}).status,
              415);
    auto extra = client->post("/api/v1/session", {{"username", "province"}, {"password", "x"}, {"admin", true}});
    EXPECT_EQ(extra.status, 400);
    EXPECT_EQ(extra.json().at("errors").at(0).at("field"), "admin");
    auto typed = client->post("/api/v1/session", {{"username", 7}, {"password", "x"}});
    EXPECT_EQ(typed.status, 400);
    EXPECT_EQ(typed.json().at("errors").at(0).at("field"), "username");
}

TEST_P(AuthTest, ApiEndpointsNeedCredentials) {
    for (const char* path : {"/api/v1/projects", "/api/v1/zones", "/api/v1/regions", "/api/v1/campaigns",
                             "/api/v1/projects/1", "/api/v1/session"}) {
        auto res = anonymous()->get(path);
        EXPECT_EQ(res.status, 401) << path;
        EXPECT_EQ(res.json().at("status"), 401) << path;
    }
    auto forged = anonymous()->get("/api/v1/projects", {{"Authorization", "Bearer not-a-token"}});
    EXPECT_EQ(forged.status, 401);
    auto basic = anonymous()->get("/api/v1/projects", {{"Authorization", "Basic cHJvdmluY2U6eA=="}});
    EXPECT_EQ(basic.status, 401);
    auto stale_cookie = anonymous()->get("/api/v1/projects", {{"Cookie", "sanpi_session=forged"}});
    EXPECT_EQ(stale_cookie.status, 401);
}

TEST_P(AuthTest, BearerTokenAuthenticatesWithoutCsrf) {
    auto client = as("province");
    auto session = client->get("/api/v1/session");
    ASSERT_EQ(session.status, 200) << session.body;
    EXPECT_EQ(session.json().at("user").at("name"), "province");
    EXPECT_TRUE(session.json().at("csrf_token").is_null());
    EXPECT_EQ(client->get("/api/v1/projects?page_size=1").status, 200);
}

TEST_P(AuthTest, CookieWritesNeedTheCsrfToken) {
    auto [account, id] = zone_account();
    auto client = anonymous();
    ASSERT_EQ(client->login(account, service::kDemoPassword).status, 200);
    const auto before = snapshot();
    auto project = client->get("/api/v1/projects/" + std::to_string(id));
    ASSERT_EQ(project.status, 200);
    const std::string etag = project.header("etag");
    const json::object change{{"responsible_post", "管委会副主任"}};

    client->set_header("X-CSRF-Token", "");
    auto missing = client->patch("/api/v1/projects/" + std::to_string(id), change, {{"If-Match", etag}});
    EXPECT_EQ(missing.status, 403) << missing.body;
    auto wrong = client->patch("/api/v1/projects/" + std::to_string(id), change,
                               {{"If-Match", etag}, {"X-CSRF-Token", "0123456789abcdef"}});
    EXPECT_EQ(wrong.status, 403);
    EXPECT_EQ(snapshot(), before);

    auto csrf = std::string(client->get("/api/v1/session").json().at("csrf_token").as_string());
    auto ok =
        client->patch("/api/v1/projects/" + std::to_string(id), change, {{"If-Match", etag}, {"X-CSRF-Token", csrf}});
    EXPECT_EQ(ok.status, 200) << ok.body;
}

TEST_P(AuthTest, LogoutEndsTheSessionAndClearsTheCookie) {
    auto client = anonymous();
    ASSERT_EQ(client->login("viewer", service::kDemoPassword).status, 200);
    auto without_csrf = client->request("DELETE", "/api/v1/session", {}, {{"X-CSRF-Token", "nope"}});
    EXPECT_EQ(without_csrf.status, 403);
    auto out = client->request("DELETE", "/api/v1/session");
    EXPECT_EQ(out.status, 204);
    EXPECT_NE(out.header("set-cookie").find("Max-Age=0"), std::string::npos);
    EXPECT_EQ(client->get("/api/v1/session").status, 401);  // the old cookie no longer works
}

INSTANTIATE_TEST_SUITE_P(Backends, AuthTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
