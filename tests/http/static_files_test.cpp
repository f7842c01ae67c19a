// Serving a built UI from a web root: types, SPA fallback, revalidation, no escape from the root.
#include <filesystem>
#include <fstream>

#include "http_fixture.hpp"

namespace sanpi::testing {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::TestWithParam<Backend> {
protected:
    static void write(const fs::path& path, const std::string& text) {
        fs::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << text;
    }

    void SetUp() override {
        base_ = fs::temp_directory_path() /
                ("sanpi-web-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                 std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        write(base_ / "secret.txt", "root:x:0:0\n");
        write(base_ / "web/index.html", "<!doctype html><title>app</title>");
        write(base_ / "web/assets/app.js", "console.log(1)");
        write(base_ / "web/assets/app.css", "body{}");
        write(base_ / "web/logo.svg", "<svg/>");
        write(base_ / "web/assets/index-B2x9_kQe.js", "export{}");
        fs::create_symlink(base_ / "secret.txt", base_ / "web/leak.txt");
        env_ = std::make_unique<HttpEnv>(GetParam(), (base_ / "web").string());
        client_ = std::make_unique<HttpClient>(env_->port);
    }

    void TearDown() override {
        client_.reset();
        env_.reset();
        fs::remove_all(base_);
    }

    fs::path base_;
    std::unique_ptr<HttpEnv> env_;
    std::unique_ptr<HttpClient> client_;
};

TEST_P(StaticFilesTest, ServesFilesWithTheirContentType) {
    struct Case {
        const char* target;
        const char* type;
        const char* body;
    };
    for (const auto& c :
         {Case{"/", "text/html; charset=utf-8", "<!doctype html><title>app</title>"},
          Case{"/assets/app.js", "text/javascript; charset=utf-8", "console.log(1)"},
          Case{"/assets/app.css", "text/css; charset=utf-8", "body{}"}, Case{"/logo.svg", "image/svg+xml", "<svg/>"}}) {
        auto res = client_->get(c.target);
        EXPECT_EQ(res.status, 200) << c.target;
        EXPECT_EQ(res.header("content-type"), c.type) << c.target;
        EXPECT_EQ(res.body, c.body) << c.target;
    }
}

TEST_P(StaticFilesTest, UnknownRoutesFallBackToTheAppButMissingAssetsDoNot) {
    auto route = client_->get("/projects/42/edit");
    EXPECT_EQ(route.status, 200);
    EXPECT_EQ(route.body, "<!doctype html><title>app</title>");
    EXPECT_EQ(client_->get("/assets/missing.js").status, 404);
}

TEST_P(StaticFilesTest, RevalidatesWithETag) {
    auto first = client_->get("/assets/app.js");
    ASSERT_FALSE(first.header("etag").empty());
    auto again = client_->get("/assets/app.js", {{"If-None-Match", first.header("etag")}});
    EXPECT_EQ(again.status, 304);
    EXPECT_TRUE(again.body.empty());
}

TEST_P(StaticFilesTest, ContentNamedAssetsAreCachedForAYearEverythingElseRevalidated) {
    auto hashed = client_->get("/assets/index-B2x9_kQe.js");
    EXPECT_EQ(hashed.status, 200);
    EXPECT_EQ(hashed.header("cache-control"), "public, max-age=31536000, immutable");
    for (const char* target : {"/", "/index.html", "/projects/42", "/assets/app.js", "/logo.svg"}) {
        auto res = client_->get(target);
        EXPECT_EQ(res.status, 200) << target;
        EXPECT_EQ(res.header("cache-control"), "no-cache") << target;
    }
}

TEST_P(StaticFilesTest, NothingOutsideTheRootIsServed) {
    for (const char* target : {"/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt",
                               "/assets%5c..%5c..%5csecret.txt", "/leak.txt"}) {
        auto res = client_->get(target);
        EXPECT_TRUE(res.status == 400 || res.status == 404) << target << " " << res.status;
        EXPECT_EQ(res.body.find("root:"), std::string::npos) << target;
    }
}

// One test for all of these: each test of this suite loads the demo into a server of its own.
TEST_P(StaticFilesTest, DotfilesAndTraversalFindNothingAndEveryAnswerCarriesTheSecurityHeaders) {
    write(base_ / "web/.env", "DB_PASSWORD=hunter2\n");
    write(base_ / "web/.git/config", "[core]\nDB_PASSWORD=hunter2\n");
    write(base_ / "web/assets/.hidden.js", "DB_PASSWORD=hunter2");
    for (const char* target : {"/.env", "/.git/config", "/assets/.hidden.js", "/%2eenv", "/%2Egit/config", "/.git/",
                               "/assets/%2ehidden.js"}) {
        auto res = client_->get(target);
        EXPECT_EQ(res.status, 404) << target;
        EXPECT_EQ(res.body.find("hunter2"), std::string::npos) << target;
    }
    for (const char* target :
         {"/..%2fsecret.txt", "/%2e%2e/secret.txt", "/%2e%2e%2fsecret.txt", "/assets/..%2f..%2fsecret.txt",
          "/assets/..%5c..%5csecret.txt", "/assets\\..\\..\\secret.txt", "/%c0%ae%c0%ae/secret.txt",
          "/%c0%ae%c0%ae%c0%af%c0%ae%c0%ae%c0%afsecret.txt", "/assets/%00../secret.txt", "/./../secret.txt",
          "/%252e%252e/secret.txt", "/assets/..;/secret.txt"}) {
        auto res = client_->get(target);
        EXPECT_LT(res.status, 500) << target;
        EXPECT_EQ(res.body.find("root:x"), std::string::npos) << target;
        EXPECT_EQ(res.body.find("/tmp/"), std::string::npos) << target;
    }
    // API answers and errors, files, the SPA fallback, a 405, a HEAD, a malformed request.
    const std::pair<std::string, std::string> kAnswers[] = {{"GET", "/healthz"},
                                                            {"GET", "/api/v1/projects"},
                                                            {"GET", "/api/v1/nope"},
                                                            {"GET", "/"},
                                                            {"GET", "/assets/app.js"},
                                                            {"GET", "/dashboard"},
                                                            {"GET", "/missing.png"},
                                                            {"POST", "/dashboard"},
                                                            {"HEAD", "/"},
                                                            {"GET", "/.env"},
                                                            {"GET", "/%2e%2e/x"}};
    for (const auto& [method, target] : kAnswers) {
        auto res = client_->request(method, target);
        const std::string what = method + " " + target;
        EXPECT_EQ(res.header("x-content-type-options"), "nosniff") << what;
        EXPECT_EQ(res.header("referrer-policy"), "no-referrer") << what;
        EXPECT_EQ(res.header("x-frame-options"), "DENY") << what;
        const std::string csp = res.header("content-security-policy");
        for (const char* directive : {"default-src 'self'", "script-src 'self';", "frame-ancestors 'none'",
                                      "object-src 'none'", "base-uri 'none'"}) {
            EXPECT_NE(csp.find(directive), std::string::npos) << what << ": " << csp;
        }
        EXPECT_EQ(csp.find("unsafe-eval"), std::string::npos) << what;
        EXPECT_EQ(csp.find("script-src 'self' 'unsafe-inline'"), std::string::npos) << what;
    }
    const std::string raw = send_raw(env_->port, "GET /\x01 HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_NE(raw.find("Content-Security-Policy: "), std::string::npos) << raw.substr(0, 200);
    EXPECT_NE(raw.find("X-Content-Type-Options: nosniff"), std::string::npos) << raw.substr(0, 200);
}

INSTANTIATE_TEST_SUITE_P(Backends, StaticFilesTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
