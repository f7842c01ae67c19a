// Routing, HTTP-level limits and the built-in placeholder page.
#include <chrono>

#include "http/app.hpp"
#include "http/raw_request.hpp"
#include "http_fixture.hpp"

namespace sanpi::testing {
namespace {

class ProtocolTest : public HttpTest {};

TEST_P(ProtocolTest, UnknownApiPathsAre404Problems) {
    for (const char* target : {"/api/v1/nothing", "/api", "/api/v2/projects", "/api/v1/projects/1/2/3"}) {
        auto res = as("province")->get(target);
        EXPECT_EQ(res.status, 404) << target;
        EXPECT_EQ(res.header("content-type"), "application/problem+json; charset=utf-8") << target;
        EXPECT_EQ(res.json().at("type"), "https://sanpi.example/problems/not-found") << target;
    }
}

TEST_P(ProtocolTest, WrongMethodIs405WithAllow) {
    auto client = as("province");
    auto projects = client->request("DELETE", "/api/v1/projects");
    EXPECT_EQ(projects.status, 405);
    EXPECT_EQ(projects.header("allow"), "GET, HEAD, POST");
    auto project = client->request("PUT", "/api/v1/projects/1", "{}", {{"Content-Type", "application/json"}});
    EXPECT_EQ(project.status, 405);
    EXPECT_EQ(project.header("allow"), "GET, HEAD, PATCH");
    auto health = client->request("POST", "/healthz");
    EXPECT_EQ(health.status, 405);
    EXPECT_EQ(health.header("allow"), "GET, HEAD");
    EXPECT_EQ(client->request("POST", "/index.html").status, 405);
}

TEST_P(ProtocolTest, PlaceholderPageWithoutAWebRoot) {
    auto client = anonymous();
    for (const char* target : {"/", "/projects/12", "/dashboard?tab=2"}) {
        auto res = client->get(target);
        EXPECT_EQ(res.status, 200) << target;
        EXPECT_EQ(res.header("content-type"), "text/html; charset=utf-8");
        EXPECT_NE(res.body.find("三个一批 项目管理系统"), std::string::npos);
        EXPECT_NE(res.body.find("Sanpi"), std::string::npos);
        EXPECT_NE(res.body.find("href=\"/healthz\""), std::string::npos);
    }
    EXPECT_EQ(client->get("/assets/app.js").status, 404);
}

TEST_P(ProtocolTest, PathTraversalIsRefused) {
    auto client = anonymous();
    for (const char* target :
         {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E/etc/passwd", "/..%2f..%2fetc%2fpasswd",
          "/a%5c..%5c..%5cetc%5cpasswd", "/index.html%00.js", "/./etc/passwd"}) {
        auto res = client->get(target);
        EXPECT_TRUE(res.status == 400 || res.status == 404) << target << " " << res.status;
        EXPECT_EQ(res.body.find("root:"), std::string::npos) << target;
    }
}

TEST_P(ProtocolTest, MalformedRequestsGet400AndTheConnectionCloses) {
    EXPECT_EQ(send_raw(port(), "GARBAGE\r\n\r\n").rfind("HTTP/1.1 400", 0), 0u);
    EXPECT_EQ(
        send_raw(port(), "GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n").rfind("HTTP/1.1 400", 0),
        0u);
    auto absolute = as("province")->get("http://example.com/api/v1/projects");
    EXPECT_EQ(absolute.status, 400);
}

TEST_P(ProtocolTest, OversizedHeadersGet431) {
    std::string request = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n";
    EXPECT_EQ(send_raw(port(), request).rfind("HTTP/1.1 431", 0), 0u);
}

TEST_P(ProtocolTest, ClientsThatHangUpEndTheirSessions) {
    for (int i = 0; i < 20; ++i) {
        send_raw(port(), "");                                      // connect, then end of stream
        send_raw(port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n");  // half a request
    }
    EXPECT_EQ(anonymous()->get("/healthz").status, 200);
}

TEST_P(ProtocolTest, SilentClientsAreDisconnectedAfterTheReadTimeout) {
    // The shared server (and its demo data) exists before the clock starts: only the wait counts.
    const auto server_port = port();
    const auto started = std::chrono::steady_clock::now();
    EXPECT_EQ(send_raw(server_port, "GET /healthz HTTP/1.1\r\n", false), "");
    const auto waited = std::chrono::steady_clock::now() - started;
    EXPECT_GE(waited, std::chrono::seconds(kTestReadTimeoutSeconds) - std::chrono::milliseconds(100));
    EXPECT_LT(waited, std::chrono::seconds(kTestReadTimeoutSeconds + 3));
}

TEST_P(ProtocolTest, KeepAliveServesSeveralRequestsOnOneConnection) {
    const std::string two =
        "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
        "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    auto out = send_raw(port(), two);
    EXPECT_EQ(out.rfind("HTTP/1.1 200", 0), 0u);
    EXPECT_NE(out.find("HTTP/1.1 200", 12), std::string::npos) << out;
    auto http10 = send_raw(port(), "GET /healthz HTTP/1.0\r\n\r\n");  // closes after one answer
    EXPECT_EQ(http10.rfind("HTTP/1.0 200", 0), 0u) << http10;
}

TEST_P(ProtocolTest, ExpectContinueGetsTheGoAheadBeforeTheBody) {
    const std::string body = R"({"username":"nobody","password":"wrong-password"})";
    const std::string head =
        "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Expect: 100-continue\r\nConnection: close\r\nContent-Length: " +
        std::to_string(body.size()) + "\r\n\r\n";
    auto out = send_raw(port(), head + body);
    EXPECT_EQ(out.rfind("HTTP/1.1 100 Continue\r\n\r\n", 0), 0u) << out;
    EXPECT_NE(out.find("HTTP/1.1 401"), std::string::npos) << out;
    auto too_big = send_raw(port(),
                            "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                            "Content-Length: 99999999\r\n\r\n");
    EXPECT_EQ(too_big.rfind("HTTP/1.1 413", 0), 0u) << too_big;  // refused before the body is sent
}

TEST_P(ProtocolTest, ProblemsAreChineseByDefaultAndEnglishOnRequest) {
    auto zh = anonymous()->get("/api/v1/projects");
    EXPECT_EQ(zh.json().at("title"), "未登录或凭据无效");
    EXPECT_EQ(zh.header("content-language"), "zh-CN");
    auto en = anonymous()->get("/api/v1/projects", {{"Accept-Language", "en"}});
    EXPECT_EQ(en.json().at("title"), "Unauthorized");
    EXPECT_EQ(en.json().at("detail"), "sign in first");
    auto param = anonymous()->get("/api/v1/projects?lang=en", {{"Accept-Language", "zh-CN"}});
    EXPECT_EQ(param.json().at("title"), "Unauthorized");
}

// The HTTP fuzz target's way in (http/raw_request.hpp): bytes read as the session reads them and
// answered by the same App, with the session's refusals.
TEST_P(ProtocolTest, RawRequestReaderAnswersAsTheSession) {
    auto& e = env();
    http::App app({}, http::Services{e.auth, e.catalog, e.projects, e.campaigns, e.reports, e.coordination, e.audit,
                                     e.photos, e.enterprises, e.imports, e.warnings, e.notices, e.rankings, e.chains});
    const http::RawRequestLimits limits{1024, 64 * 1024};
    // No byte at all, and a request cut short, end the stream without an answer (the fuzzer's first
    // finding: an empty input reached Beast's put_eof, which asserts that some bytes came).
    EXPECT_FALSE(http::answer_raw_request(app, "", limits));
    EXPECT_FALSE(http::answer_raw_request(app, "GET /healthz HTTP/1.1\r\nHo", limits));
    EXPECT_FALSE(http::answer_raw_request(app, "POST /healthz HTTP/1.1\r\nContent-Length: 5\r\n\r\nab", limits));

    auto health = http::answer_raw_request(app, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", limits);
    ASSERT_TRUE(health);
    EXPECT_EQ(health->status, 200);
    auto chunked = http::answer_raw_request(
        app,
        "POST /api/v1/session HTTP/1.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        "2\r\n{}\r\n0\r\n\r\n",
        limits);
    ASSERT_TRUE(chunked);  // read whole and handled: the login refuses empty credentials
    EXPECT_EQ(chunked->status, 401);

    auto malformed = http::answer_raw_request(app, "GET /a b HTTP/1.1\r\n\r\n", limits);
    ASSERT_TRUE(malformed);
    EXPECT_EQ(malformed->status, 400);
    auto header = http::answer_raw_request(app, "GET / HTTP/1.1\r\nX: " + std::string(2000, 'a') + "\r\n\r\n", limits);
    ASSERT_TRUE(header);
    EXPECT_EQ(header->status, 431);
    auto body =
        http::answer_raw_request(app, "POST /api/v1/session HTTP/1.1\r\nContent-Length: 2000000\r\n\r\n", limits);
    ASSERT_TRUE(body);
    EXPECT_EQ(body->status, 413);
}

INSTANTIATE_TEST_SUITE_P(Backends, ProtocolTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
