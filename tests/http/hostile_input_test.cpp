// Hostile input (issue 12, "Proof"): SQL meta-characters, NUL bytes, invalid UTF-8, overlong
// strings, numbers at and past int64 and amounts past the cap in every field of every write
// route's body (the authorization matrix's recipes), in every query parameter the OpenAPI
// document gives a read route, and in every path parameter; traversal in API paths. Never a 5xx,
// never SQL, a stack trace or a file path in an error, and a refused request writes nothing.
#include "authz_fixture.hpp"
#include "http/app.hpp"
#include "photo_fixture.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

// Hostile JSON values, as JSON text (raw bytes where JSON itself cannot carry them).
const std::vector<std::string>& hostile_json_values() {
    static const std::vector<std::string> kValues = {
        R"("'; DROP TABLE projects; --")",
        R"("\" OR \"1\"=\"1")",
        R"("%' OR 1=1 --")",
        R"("a\u0000b")",
        "\"\xC3\x28\"",          // invalid UTF-8: a lead byte without its continuation
        "\"\xC0\xAE\xC0\xAE\"",  // overlong encoding of ".."
        "\"\xED\xA0\x80\"",      // a UTF-16 surrogate in UTF-8
        "\"" + std::string(20000, 'x') + "\"",
        "\"" + std::string(3000, '\xE4') + "\"",  // lead bytes only
        R"("../../../../etc/passwd")",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775809",
        "1e400",
        "-0.0",
        R"("9999999999999999999亿元")",
        R"("9223372036854775807万元")",
        R"("1e30")",
        "[]",
        "{}",
        "null",
    };
    return kValues;
}

// Hostile query and path values, already percent-encoded for a target.
const std::vector<std::string>& hostile_url_values() {
    static const std::vector<std::string> kValues = {
        "%27%3B%20DROP%20TABLE%20projects%3B%20--",
        "%22%20OR%201%3D1",
        "a%00b",
        "%C3%28",
        "%C0%AE%C0%AE",
        std::string(3000, 'x'),
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775809",
        "1e400",
        "..%2F..%2Fetc%2Fpasswd",
        "%E2%80%AE",
        "-1",
        "0",
        "%EF%BC%91",  // full-width 1
    };
    return kValues;
}

// Words that would betray the server's inside in an error body.
constexpr std::string_view kLeaks[] = {"sqlite",  "SQLITE",    "postgres", "PostgreSQL",  "syntax error",
                                       "SELECT ", "INSERT ",   "UPDATE ",  "DELETE FROM", "constraint",
                                       "/work/",  "/tmp/",     ".cpp",     "std::",       "exception",
                                       "what()",  "terminate", "libpq",    "root:x"};

std::string leak_in(const std::string& body) {
    for (auto word : kLeaks) {
        if (body.find(word) != std::string::npos) return std::string(word);
    }
    return {};
}

class HostileInputTest : public AuthzTest {
protected:
    http::App app_{http::ServerConfig{},
                   http::Services{env().auth, env().catalog, env().projects, env().campaigns, env().reports,
                                  env().coordination, env().audit, env().photos, env().enterprises, env().imports,
                                  env().warnings, env().notices, env().rankings, env().chains}};

    HeaderList province() { return world().credentials[static_cast<std::size_t>(Who::kProvince)]; }

    // One hostile request: never a 5xx; a refusal leaks nothing and writes nothing.
    void check(HttpClient& client, const std::string& method, const std::string& target, const std::string& body,
               HeaderList headers, const std::string& what) {
        const auto audit_before = audit_seq(store());
        auto res = client.request(method, target, body, headers);
        ++asked_;
        EXPECT_LT(res.status, 500) << what << ": " << res.body.substr(0, 300);
        EXPECT_NE(res.status, 0) << what << ": no answer";
        if (res.status < 400) return;
        EXPECT_EQ(leak_in(res.body), "") << what << ": " << res.body.substr(0, 300);
        EXPECT_EQ(audit_seq(store()), audit_before) << what << ": refused, yet the audit log moved";
    }

    int asked_ = 0;
};

TEST_P(HostileInputTest, EveryFieldOfEveryWriteBody) {
    const auto& w = world();
    HttpClient client(port());
    int seq = 100000;
    for (const auto& route : app_.router().routes()) {
        if (route.method == "GET" || route.pattern == "/api/v1/session") continue;  // log-in: its own test below
        const Recipe r = recipe_for(route, w, ++seq);
        json::error_code ec;
        auto parsed = json::parse(r.body, ec);
        if (ec || !parsed.is_object()) continue;  // no JSON body: images, multipart, none
        HeaderList headers = province();
        headers.insert(headers.end(), r.headers.begin(), r.headers.end());
        for (const auto& field : parsed.as_object()) {
            for (const auto& value : hostile_json_values()) {
                json::object other = parsed.as_object();
                other.erase(field.key());
                std::string body = json::serialize(other);
                body.insert(body.size() - 1,
                            std::string(other.empty() ? "" : ",") + "\"" + std::string(field.key()) + "\":" + value);
                check(client, route.method, r.target, body, headers,
                      route.method + " " + route.pattern + " " + std::string(field.key()) + "=" + value.substr(0, 40));
            }
        }
    }
    EXPECT_GT(asked_, 500);
}

// Regression: a project named with a NUL was stored, and SQLite's full-text index then answered
// "database disk image is malformed" to every later project write (a 500 for everyone).
TEST_P(HostileInputTest, ANulInATextFieldIsRefusedNamingTheFieldAndWritesGoOn) {
    const auto& w = world();
    HttpClient client(port());
    http::RouteInfo create{"POST", "/api/v1/projects"};
    HeaderList headers = province();
    auto body = json::parse(recipe_for(create, w, 300000).body).as_object();
    body["name"] = std::string("授权\0矩阵", 13);
    headers.emplace_back("Content-Type", "application/json");
    const auto audit_before = audit_seq(store());
    auto refused = client.request("POST", "/api/v1/projects", json::serialize(body), headers);
    EXPECT_EQ(refused.status, 422) << refused.body;
    EXPECT_NE(refused.body.find("\"name\""), std::string::npos) << refused.body;
    EXPECT_EQ(audit_seq(store()), audit_before);
    body["name"] = "授权矩阵 NUL 之后";
    auto created = client.request("POST", "/api/v1/projects", json::serialize(body), headers);
    EXPECT_EQ(created.status, 201) << created.body;
}

TEST_P(HostileInputTest, LogInWithHostileNamesAndPasswords) {
    HttpClient client(port());
    for (const auto& value : hostile_json_values()) {
        for (const auto& body : {R"({"username":)" + value + R"(,"password":"sanpi-demo-2022"})",
                                 R"({"username":"viewer","password":)" + value + "}"}) {
            auto res = client.request("POST", "/api/v1/session", body, {{"Content-Type", "application/json"}});
            EXPECT_LT(res.status, 500) << body.substr(0, 60);
            EXPECT_NE(res.status, 200) << body.substr(0, 60);
            EXPECT_EQ(leak_in(res.body), "") << res.body.substr(0, 300);
        }
    }
}

// The query parameters of each read route, as the OpenAPI document names them.
std::map<std::string, std::vector<std::string>> query_parameters(HttpClient& client) {
    std::map<std::string, std::vector<std::string>> out;
    const auto doc = client.get("/api/v1/openapi.json").json();
    for (const auto& [path, item] : doc.at("paths").as_object()) {
        const auto* get = item.as_object().if_contains("get");
        if (!get) continue;
        const auto* params = get->as_object().if_contains("parameters");
        if (!params) continue;
        for (const auto& p : params->as_array()) {
            const auto* ref = p.as_object().if_contains("$ref");
            const json::value* param = &p;
            if (ref) {  // "#/components/parameters/Name"
                const std::string name(ref->as_string().subview().substr(ref->as_string().subview().rfind('/') + 1));
                param = &doc.at("components").at("parameters").at(name);
            }
            if (param->at("in") == "query") out[std::string(path)].emplace_back(param->at("name").as_string());
        }
    }
    return out;
}

TEST_P(HostileInputTest, EveryQueryParameterOfEveryReadRoute) {
    const auto& w = world();
    HttpClient client(port());
    const auto params = query_parameters(client);
    int routes_with_params = 0;
    for (const auto& route : app_.router().routes()) {
        if (route.method != "GET") continue;
        auto found = params.find(route.pattern);
        if (found == params.end()) continue;
        ++routes_with_params;
        const std::string path = recipe_for(route, w, 0).target;
        const std::string base = path.substr(0, path.find('?'));
        for (const auto& name : found->second) {
            for (const auto& value : hostile_url_values()) {
                check(client, "GET", base + "?" + name + "=" + value, {}, province(),
                      route.pattern + "?" + name + "=" + value.substr(0, 40));
            }
        }
    }
    EXPECT_GT(routes_with_params, 10);
}

TEST_P(HostileInputTest, EveryPathParameterOfEveryRoute) {
    const auto& w = world();
    HttpClient client(port());
    int seq = 200000;
    for (const auto& route : app_.router().routes()) {
        if (route.pattern.find('{') == std::string::npos) continue;
        const Recipe r = recipe_for(route, w, ++seq);
        HeaderList headers = province();
        headers.insert(headers.end(), r.headers.begin(), r.headers.end());
        // Each segment the pattern captures, in turn, replaced by each hostile value.
        const auto pattern_segments = http::split_path(route.pattern);
        const auto target_segments = http::split_path(r.target.substr(0, r.target.find('?')));
        for (std::size_t i = 0; i < pattern_segments.size(); ++i) {
            if (!pattern_segments[i].starts_with("{")) continue;
            for (const auto& value : hostile_url_values()) {
                std::string target;
                for (std::size_t k = 0; k < target_segments.size(); ++k) {
                    target += "/" + (k == i ? value : target_segments[k]);
                }
                check(client, route.method, target, r.body, headers,
                      route.method + " " + route.pattern + " " + pattern_segments[i] + "=" + value.substr(0, 40));
            }
        }
    }
}

TEST_P(HostileInputTest, TraversalInApiPathsFindsNothing) {
    HttpClient client(port());
    for (const char* target :
         {"/api/v1/../../etc/passwd", "/api/v1/%2e%2e/%2e%2e/etc/passwd", "/api/v1/projects/..%2f..%2fetc%2fpasswd",
          "/api/v1/projects/%2e%2e", "/api/v1/projects/1/..", "/api/v1/projects/1/%2e%2e/%2e%2e/users",
          "/api/v1\\..\\..\\etc\\passwd", "/api/v1/projects/%5c..%5c..%5cetc%5cpasswd",
          "/api/v1/projects/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd", "/api/%2e%2e/etc/passwd", "/api/v1/projects/1%00",
          "/api/v1/projects/1%2f..%2f2", "/api/v1//projects", "/api/v1/projects/./1", "/api/v1/projects/1;2",
          "/api/v1/projects?page_size=1&page_size=2"}) {
        check(client, "GET", target, {}, province(), target);
        auto res = client.get(target, province());
        EXPECT_EQ(res.body.find("root:"), std::string::npos) << target;
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, HostileInputTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
