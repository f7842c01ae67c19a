// User administration, the forced password change, API tokens, session expiry and log-in
// throttling over HTTP, on both backends.
#include <unistd.h>

#include <atomic>
#include <set>

#include "coordination_fixture.hpp"
#include "http_fixture.hpp"
#include "service/demo.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

// Names unique in the shared database of this test program.
std::string unique_account(std::string_view stem) {
    static std::atomic<int> next{0};
    return std::string(stem) + "-" + std::to_string(::getpid() % 10000) + "-" + std::to_string(next++);
}

constexpr std::string_view kNewPassword = "Correct-Horse-Battery-7";

class AccountsHttpTest : public HttpTest {
protected:
    // A zone of Taiyuan (the demo city account `taiyuan`) and a zone of another city.
    domain::Zone zone_in(std::string_view city_prefix, bool inside) {
        for (const auto& z : all_zones()) {
            if (z.region.str().starts_with(city_prefix) == inside) return z;
        }
        ADD_FAILURE() << "no zone";
        return all_zones().front();
    }
    json::object create(HttpClient& admin, const json::object& body, int expect = 201) {
        auto res = admin.post("/api/v1/users", body);
        EXPECT_EQ(res.status, expect) << res.body;
        json::value parsed = res.json();
        return parsed.as_object();
    }
    // A new zone account of Taiyuan made by the province; its temporary password.
    std::pair<json::object, std::string> new_zone_account() {
        auto created = create(*as("province"), {{"name", unique_account("zone-user")},
                                                {"role", "zone"},
                                                {"scope", zone_in("1401", true).code},
                                                {"display_name", "开发区管委会"}});
        return {created, std::string(created.at("temporary_password").as_string())};
    }
    // Signs in and changes the temporary password; the client keeps its session.
    std::unique_ptr<HttpClient> signed_in(const std::string& name, const std::string& temporary) {
        auto client = anonymous();
        EXPECT_EQ(client->login(name, temporary).status, 200);
        auto changed =
            client->post("/api/v1/session/password", {{"current_password", temporary}, {"new_password", kNewPassword}});
        EXPECT_EQ(changed.status, 204) << changed.body;
        return client;
    }
};

TEST_P(AccountsHttpTest, ProvinceListsEveryAccountCityOnlyItsZonesOthersAreRefused) {
    auto all = as("province")->get("/api/v1/users");
    ASSERT_EQ(all.status, 200) << all.body;
    json::value all_json = all.json();
    std::set<std::string> names;
    for (const auto& u : all_json.at("items").as_array()) names.insert(std::string(u.at("name").as_string()));
    EXPECT_TRUE(names.contains("province") && names.contains("taiyuan") && names.contains("supervisor"));
    for (const auto& u : all_json.at("items").as_array()) EXPECT_FALSE(u.as_object().contains("password_hash"));

    auto city = as("taiyuan")->get("/api/v1/users");
    ASSERT_EQ(city.status, 200) << city.body;
    json::value city_json = city.json();
    ASSERT_FALSE(city_json.at("items").as_array().empty());
    for (const auto& u : city_json.at("items").as_array()) {
        EXPECT_EQ(u.at("role"), "zone");
        bool in_taiyuan = false;
        for (const auto& z : all_zones()) {
            if (z.code == u.at("scope").as_string()) in_taiyuan = z.region.str().starts_with("1401");
        }
        EXPECT_TRUE(in_taiyuan) << u;
    }
    for (const char* other : {"supervisor", "viewer"}) EXPECT_EQ(as(other)->get("/api/v1/users").status, 403) << other;
    EXPECT_EQ(as(zone_in("1401", true).slug)->get("/api/v1/users").status, 403);
    EXPECT_EQ(anonymous()->get("/api/v1/users").status, 401);
}

TEST_P(AccountsHttpTest, TemporaryPasswordForcesAChangeBeforeAnythingElse) {
    auto [created, temporary] = new_zone_account();
    EXPECT_EQ(created.at("must_change_password"), true);
    EXPECT_EQ(temporary.size(), 16u);
    const std::string name(created.at("name").as_string());

    auto client = anonymous();
    auto login = client->login(name, temporary);
    ASSERT_EQ(login.status, 200) << login.body;
    EXPECT_EQ(login.json().at("user").at("must_change_password"), true);
    EXPECT_EQ(client->get("/api/v1/session").json().at("user").at("must_change_password"), true);
    auto refused = client->get("/api/v1/projects");
    EXPECT_EQ(refused.status, 403);
    EXPECT_NE(refused.json().at("detail").as_string().find("password"), json::string::npos) << refused.body;
    EXPECT_EQ(client->get("/api/v1/tokens").status, 403);

    auto wrong = client->post("/api/v1/session/password",
                              {{"current_password", "not-the-password"}, {"new_password", kNewPassword}});
    EXPECT_EQ(wrong.status, 422);
    EXPECT_EQ(wrong.json().at("errors").at(0).at("field"), "current_password");
    for (const char* weak : {"short-1", "password1234", "123456789012", "qwertyuiop123"}) {
        auto res = client->post("/api/v1/session/password", {{"current_password", temporary}, {"new_password", weak}});
        EXPECT_EQ(res.status, 422) << weak;
        EXPECT_EQ(res.json().at("errors").at(0).at("field"), "new_password") << weak;
    }
    auto missing = client->post("/api/v1/session/password", {{"new_password", kNewPassword}});
    EXPECT_EQ(missing.status, 422);
    auto typed = client->post("/api/v1/session/password", {{"current_password", 5}, {"new_password", kNewPassword}});
    EXPECT_EQ(typed.status, 400);

    auto changed =
        client->post("/api/v1/session/password", {{"current_password", temporary}, {"new_password", kNewPassword}});
    ASSERT_EQ(changed.status, 204) << changed.body;
    EXPECT_EQ(client->get("/api/v1/projects").status, 200);
    EXPECT_EQ(client->get("/api/v1/session").json().at("user").at("must_change_password"), false);
    EXPECT_EQ(anonymous()->login(name, temporary).status, 401);
    EXPECT_EQ(anonymous()->login(name, std::string(kNewPassword)).status, 200);
}

TEST_P(AccountsHttpTest, PasswordChangeEndsEveryOtherSession) {
    auto [created, temporary] = new_zone_account();
    const std::string name(created.at("name").as_string());
    auto first = signed_in(name, temporary);
    auto second = anonymous();
    ASSERT_EQ(second->login(name, std::string(kNewPassword)).status, 200);
    auto third = anonymous();
    ASSERT_EQ(third->login(name, std::string(kNewPassword)).status, 200);
    auto changed = second->post("/api/v1/session/password",
                                {{"current_password", kNewPassword}, {"new_password", "An-Other-Long-Phrase-9"}});
    ASSERT_EQ(changed.status, 204) << changed.body;
    EXPECT_EQ(second->get("/api/v1/session").status, 200);
    EXPECT_EQ(first->get("/api/v1/session").status, 401);
    EXPECT_EQ(third->get("/api/v1/session").status, 401);
}

TEST_P(AccountsHttpTest, CityCreatesOnlyZoneAccountsOfItsOwnZones) {
    auto city = as("taiyuan");
    auto province_account =
        create(*city, {{"name", unique_account("city-made")}, {"role", "province"}, {"scope", "140000"}}, 403);
    EXPECT_EQ(province_account.at("errors").at(0).at("field"), "role");
    auto other_city = create(
        *city, {{"name", unique_account("city-made")}, {"role", "zone"}, {"scope", zone_in("1401", false).code}}, 403);
    EXPECT_EQ(other_city.at("errors").at(0).at("field"), "scope");
    auto own =
        create(*city, {{"name", unique_account("city-made")}, {"role", "zone"}, {"scope", zone_in("1401", true).code}});
    EXPECT_EQ(own.at("role"), "zone");
    EXPECT_EQ(
        create(*as(zone_in("1401", true).slug), {{"name", unique_account("x")}, {"role", "zone"}, {"scope", "x"}}, 403)
            .at("status"),
        403);
    EXPECT_EQ(create(*as("supervisor"), {{"name", unique_account("x")}, {"role", "viewer"}, {"scope", "140000"}}, 403)
                  .at("status"),
              403);
}

TEST_P(AccountsHttpTest, CreateRefusesBadInputNamingTheField) {
    auto admin = as("province");
    const auto before = admin->get("/api/v1/users").json().at("items").as_array().size();
    struct Case {
        json::object body;
        int status;
        const char* field;
    };
    const std::string zone = zone_in("1401", true).code;
    const std::vector<Case> cases = {
        {{{"name", "Bad Name"}, {"role", "zone"}, {"scope", zone}}, 422, "name"},
        {{{"name", unique_account("u")}, {"role", "emperor"}, {"scope", zone}}, 422, "role"},
        {{{"name", unique_account("u")}, {"role", "zone"}, {"scope", "no-such-zone"}}, 422, "scope"},
        {{{"name", unique_account("u")}, {"role", "city"}, {"scope", "140000"}}, 422, "scope"},
        {{{"name", unique_account("u")}, {"role", "zone"}}, 422, "scope"},
        {{{"name", unique_account("u")}, {"role", "zone"}, {"scope", zone}, {"password", "short"}}, 422, "password"},
        {{{"name", unique_account("u")}, {"role", "zone"}, {"scope", zone}, {"password", "iloveyou2022"}},
         422,
         "password"},
        {{{"name", 12}, {"role", "zone"}, {"scope", zone}}, 400, "name"},
        {{{"name", unique_account("u")}, {"role", "zone"}, {"scope", zone}, {"admin", true}}, 400, "admin"},
        {{{"name", "province"}, {"role", "zone"}, {"scope", zone}}, 409, nullptr},
    };
    for (const auto& c : cases) {
        auto res = admin->post("/api/v1/users", c.body);
        EXPECT_EQ(res.status, c.status) << json::serialize(c.body) << " " << res.body;
        if (c.field != nullptr && res.status == c.status) {
            EXPECT_EQ(res.json().at("errors").at(0).at("field"), c.field) << res.body;
        }
    }
    EXPECT_EQ(admin->request("POST", "/api/v1/users", "{nope", {{"Content-Type", "application/json"}}).status, 400);
    EXPECT_EQ(admin->get("/api/v1/users").json().at("items").as_array().size(), before);
}

TEST_P(AccountsHttpTest, PatchDisablesEnablesResetsAndChangesScopeWithIfMatch) {
    auto admin = as("province");
    auto [created, temporary] = new_zone_account();
    const std::string name(created.at("name").as_string());
    const std::string path = "/api/v1/users/" + std::to_string(created.at("id").as_int64());
    auto user = signed_in(name, temporary);
    // The password change moved the account's version on.
    json::value listed = admin->get("/api/v1/users").json();
    for (const auto& u : listed.at("items").as_array()) {
        if (u.at("name").as_string() == name) created = u.as_object();
    }
    ASSERT_EQ(created.at("version"), 2);

    EXPECT_EQ(admin->patch(path, {{"active", false}}).status, 428);
    EXPECT_EQ(admin->patch(path, {{"active", false}}, {{"If-Match", "\"99\""}}).status, 409);
    auto version = [&] { return std::to_string(created.at("version").as_int64()); };
    auto disabled = admin->patch(path, {{"active", false}}, {{"If-Match", version()}});
    ASSERT_EQ(disabled.status, 200) << disabled.body;
    created = disabled.json().as_object();
    EXPECT_EQ(created.at("active"), false);
    EXPECT_EQ(user->get("/api/v1/session").status, 401);
    EXPECT_EQ(anonymous()->login(name, std::string(kNewPassword)).status, 401);

    auto enabled = admin->patch(path, {{"active", true}}, {{"If-Match", version()}});
    ASSERT_EQ(enabled.status, 200);
    created = enabled.json().as_object();
    EXPECT_EQ(anonymous()->login(name, std::string(kNewPassword)).status, 200);

    auto reset = admin->patch(path, {{"reset_password", true}}, {{"If-Match", version()}});
    ASSERT_EQ(reset.status, 200) << reset.body;
    created = reset.json().as_object();
    const std::string fresh(created.at("temporary_password").as_string());
    EXPECT_EQ(created.at("must_change_password"), true);
    EXPECT_EQ(anonymous()->login(name, std::string(kNewPassword)).status, 401);
    auto again = anonymous();
    ASSERT_EQ(again->login(name, fresh).status, 200);
    EXPECT_EQ(again->get("/api/v1/projects").status, 403);

    const std::string other_zone = zone_in("1401", false).code;
    auto moved = admin->patch(path, {{"scope", other_zone}, {"display_name", "新名称"}}, {{"If-Match", version()}});
    ASSERT_EQ(moved.status, 200) << moved.body;
    created = moved.json().as_object();
    EXPECT_EQ(created.at("scope").as_string(), other_zone);
    EXPECT_EQ(created.at("display_name"), "新名称");
    auto bad_role = admin->patch(path, {{"role", "city"}}, {{"If-Match", version()}});
    EXPECT_EQ(bad_role.status, 422);
    EXPECT_EQ(bad_role.json().at("errors").at(0).at("field"), "scope");
    EXPECT_EQ(admin->patch(path, {{"active", "no"}}, {{"If-Match", version()}}).status, 400);
    EXPECT_EQ(admin->patch("/api/v1/users/999999999", {{"active", true}}, {{"If-Match", "1"}}).status, 404);
    EXPECT_EQ(admin->patch("/api/v1/users/abc", {{"active", true}}, {{"If-Match", "1"}}).status, 400);
}

TEST_P(AccountsHttpTest, CityCannotSeeOrChangeAccountsOutsideItsZones) {
    auto city = as("taiyuan");
    auto users = as("province")->get("/api/v1/users").json();
    for (const auto& u : users.at("items").as_array()) {
        if (u.at("name") != "province" && u.at("name") != "datong") continue;
        const std::string path = "/api/v1/users/" + std::to_string(u.at("id").as_int64());
        const std::string version = std::to_string(u.at("version").as_int64());
        EXPECT_EQ(city->patch(path, {{"active", false}}, {{"If-Match", version}}).status, 404) << u;
    }
    // Moving one of its own zone accounts into another city's zone is refused, naming the scope.
    auto own =
        create(*city, {{"name", unique_account("city-made")}, {"role", "zone"}, {"scope", zone_in("1401", true).code}});
    const std::string path = "/api/v1/users/" + std::to_string(own.at("id").as_int64());
    auto moved = city->patch(path, {{"scope", zone_in("1401", false).code}}, {{"If-Match", "1"}});
    EXPECT_EQ(moved.status, 403);
    EXPECT_EQ(moved.json().at("errors").at(0).at("field"), "scope");
    auto province = as("province")->get("/api/v1/users").json();
    for (const auto& u : province.at("items").as_array()) {
        if (u.at("id") == own.at("id")) {
            EXPECT_EQ(u.at("version"), 1);
        }
    }
}

TEST_P(AccountsHttpTest, TokensAreShownOnceListedWithoutTheSecretAndRevocable) {
    auto [created, temporary] = new_zone_account();
    auto user = signed_in(std::string(created.at("name").as_string()), temporary);
    auto made = user->post("/api/v1/tokens", {{"label", "nightly export"}, {"days", 30}});
    ASSERT_EQ(made.status, 201) << made.body;
    json::value made_json = made.json();
    const std::string token(made_json.at("token").as_string());
    const std::string id(made_json.at("id").as_string());
    EXPECT_EQ(token.size(), 64u);

    auto listed = user->get("/api/v1/tokens");
    ASSERT_EQ(listed.status, 200);
    EXPECT_EQ(listed.body.find(token), std::string::npos);
    json::value listed_json = listed.json();
    ASSERT_EQ(listed_json.at("items").as_array().size(), 1u);
    EXPECT_EQ(listed_json.at("items").at(0).at("label"), "nightly export");
    EXPECT_EQ(listed_json.at("items").at(0).at("id").as_string(), id);

    HttpClient bearer(port());
    bearer.set_header("Authorization", "Bearer " + token);
    EXPECT_EQ(bearer.get("/api/v1/projects").status, 200);
    // Another user's token id is not found; revoking it changes nothing.
    EXPECT_EQ(as("province")->request("DELETE", "/api/v1/tokens/" + id).status, 404);
    EXPECT_EQ(bearer.get("/api/v1/projects").status, 200);

    EXPECT_EQ(user->request("DELETE", "/api/v1/tokens/" + id).status, 204);
    EXPECT_EQ(bearer.get("/api/v1/projects").status, 401);
    EXPECT_EQ(user->request("DELETE", "/api/v1/tokens/" + id).status, 404);
    EXPECT_TRUE(user->get("/api/v1/tokens").json().at("items").as_array().empty());

    for (const auto& body : {json::object{{"label", "x"}, {"days", 0}}, json::object{{"label", "x"}, {"days", 367}},
                             json::object{{"label", ""}, {"days", 3}}, json::object{{"days", 3}}}) {
        auto res = user->post("/api/v1/tokens", body);
        EXPECT_EQ(res.status, 422) << json::serialize(body) << res.body;
    }
    EXPECT_EQ(user->post("/api/v1/tokens", {{"label", "x"}, {"days", "3"}}).status, 400);
    EXPECT_EQ(user->post("/api/v1/tokens", {{"label", "x"}, {"days", -1}}).status, 422);
    EXPECT_EQ(anonymous()->get("/api/v1/tokens").status, 401);
}

TEST_P(AccountsHttpTest, AnExpiredTokenIsRefused) {
    auto [created, temporary] = new_zone_account();
    auto user = signed_in(std::string(created.at("name").as_string()), temporary);
    auto made = user->post("/api/v1/tokens", {{"label", "one day"}, {"days", 1}});
    ASSERT_EQ(made.status, 201);
    HttpClient bearer(port());
    bearer.set_header("Authorization", "Bearer " + std::string(made.json().at("token").as_string()));
    ClockShift later(env().clock, kHttpTestNow + 86400 + 1);
    EXPECT_EQ(bearer.get("/api/v1/projects").status, 401);
}

TEST_P(AccountsHttpTest, SessionsEndWhenIdleAndAtTheirAbsoluteLimit) {
    auto [created, temporary] = new_zone_account();
    const std::string name(created.at("name").as_string());
    auto idle = signed_in(name, temporary);
    {
        ClockShift later(env().clock, kHttpTestNow + service::AuthOptions::kDefaultIdleTimeout + 1);
        EXPECT_EQ(idle->get("/api/v1/session").status, 401);
    }
    EXPECT_EQ(idle->get("/api/v1/session").status, 401);  // purged or not, it stays ended

    auto active = anonymous();
    ASSERT_EQ(active->login(name, std::string(kNewPassword)).status, 200);
    // A request every 20 minutes keeps it alive, until 12 hours after the log-in.
    store::Timestamp t = kHttpTestNow;
    for (; t < kHttpTestNow + service::AuthService::kSessionLifetime - 1200; t += 1200) {
        ClockShift at(env().clock, t);
        ASSERT_EQ(active->get("/api/v1/session").status, 200) << (t - kHttpTestNow);
    }
    ClockShift past(env().clock, kHttpTestNow + service::AuthService::kSessionLifetime);
    EXPECT_EQ(active->get("/api/v1/session").status, 401);
}

TEST_P(AccountsHttpTest, LogoutEndsTheSessionOnTheServer) {
    auto client = anonymous();
    auto login = client->login("province", service::kDemoPassword);
    ASSERT_EQ(login.status, 200);
    const std::string cookie = login.header("set-cookie").substr(0, login.header("set-cookie").find(';'));
    HttpClient copy(port());
    copy.set_header("Cookie", cookie);
    ASSERT_EQ(copy.get("/api/v1/session").status, 200);
    EXPECT_EQ(client->request("DELETE", "/api/v1/session").status, 204);
    // The cookie a browser would have kept (or a thief copied) no longer opens anything.
    EXPECT_EQ(copy.get("/api/v1/session").status, 401);
}

TEST_P(AccountsHttpTest, RepeatedFailuresGet429WithBackOffAndTheSameAnswerForUnknownNames) {
    for (const std::string& name : {std::string("province"), unique_account("nobody-at-all")}) {
        auto attempt = [&](std::string_view password) {
            return anonymous()->post("/api/v1/session", {{"username", name}, {"password", password}});
        };
        // Failures already counted for this name (earlier tests) do not matter: the sixth in a row locks.
        ClockShift fresh(env().clock, kHttpTestNow + 10 * 86400);
        for (int i = 0; i < service::LoginThrottle::kFreeFailuresPerName; ++i) {
            EXPECT_EQ(attempt("wrong-password").status, 401) << name << " " << i;
        }
        EXPECT_EQ(attempt("wrong-password").status, 401);  // the sixth fails and locks for 2 s
        auto locked = attempt(service::kDemoPassword);
        EXPECT_EQ(locked.status, 429) << name;
        EXPECT_EQ(locked.header("retry-after"), "2") << name;
        EXPECT_EQ(locked.json().at("status"), 429);
        {
            ClockShift later(env().clock, kHttpTestNow + 10 * 86400 + 2);
            EXPECT_EQ(attempt("wrong-password").status, 401);  // seventh: locks for 4 s
            EXPECT_EQ(attempt("wrong-password").header("retry-after"), "4") << name;
        }
        ClockShift much_later(env().clock, kHttpTestNow + 10 * 86400 + 2 + 4);
        if (name == "province") {
            EXPECT_EQ(attempt(service::kDemoPassword).status, 200);
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountsHttpTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
