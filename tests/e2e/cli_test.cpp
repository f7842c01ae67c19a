// The sanpi command line as scripts use it: spellings, help, configuration precedence.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "http/client.hpp"
#include "server_process.hpp"

namespace sanpi::testing {
namespace {

namespace fs = std::filesystem;

class CliTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("sanpi-cli-" + std::to_string(::getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        ::unsetenv("SANPI_DB");
    }
    void TearDown() override {
        ::unsetenv("SANPI_DB");
        fs::remove_all(dir_);
    }
    std::string path(const std::string& name) const { return (dir_ / name).string(); }

    fs::path dir_;
};

std::string last_line(const std::string& text) {
    auto end = text.find_last_not_of('\n');
    auto start = text.rfind('\n', end);
    return text.substr(start == std::string::npos ? 0 : start + 1, end - (start == std::string::npos ? 0 : start + 1) + 1);
}

TEST_F(CliTest, HelpDescribesEverySubcommand) {
    std::string out;
    ASSERT_EQ(run_sanpi({"--help"}, &out), 0);
    for (const char* cmd : {"migrate", "demo", "serve", "user", "backup", "restore", "copy"}) {
        EXPECT_NE(out.find(cmd), std::string::npos) << cmd;
    }
    for (std::vector<std::string> args : std::vector<std::vector<std::string>>{
             {"demo", "--help"}, {"serve", "--help"}, {"migrate", "--help"}, {"user", "add", "--help"},
             {"user", "token", "--help"}}) {
        EXPECT_EQ(run_sanpi(args, &out), 0) << args[0];
        EXPECT_NE(out.find("--"), std::string::npos) << args[0];
    }
    EXPECT_NE(run_sanpi({"no-such-command"}, &out), 0);
}

TEST_F(CliTest, DatabaseComesFromFlagThenEnvironmentThenConfigFile) {
    std::ofstream(path("sanpi.conf")) << "db = \"sqlite:" << path("from-file.db") << "\"\n";
    ASSERT_EQ(run_sanpi({"migrate", "--config", path("sanpi.conf")}), 0);
    EXPECT_TRUE(fs::exists(path("from-file.db")));

    ::setenv("SANPI_DB", ("sqlite:" + path("from-env.db")).c_str(), 1);
    ASSERT_EQ(run_sanpi({"migrate", "--config", path("sanpi.conf")}), 0);
    EXPECT_TRUE(fs::exists(path("from-env.db")));

    ASSERT_EQ(run_sanpi({"migrate", "--config", path("sanpi.conf"), "--db", path("from-flag.db")}), 0);
    EXPECT_TRUE(fs::exists(path("from-flag.db")));
}

TEST_F(CliTest, ConfigFileErrorsNameTheSetting) {
    std::string out;
    std::ofstream(path("typo.conf")) << "dbb = \"sqlite:x.db\"\n";
    EXPECT_NE(run_sanpi({"migrate", "--config", path("typo.conf"), "--db", path("x.db")}, &out), 0);
    EXPECT_NE(out.find("config.dbb"), std::string::npos) << out;
    std::ofstream(path("port.conf")) << "[serve]\nport = 99999\n";
    EXPECT_NE(run_sanpi({"serve", "--config", path("port.conf"), "--db", path("x.db")}, &out), 0);
    EXPECT_NE(out.find("config.serve.port"), std::string::npos) << out;
    // The concurrency settings are read from the file too (a bad value names its key).
    std::ofstream(path("workers.conf")) << "[serve]\nworkers = 4\npool-size = 4\nqueue-limit = -1\n";
    EXPECT_NE(run_sanpi({"serve", "--config", path("workers.conf"), "--db", path("x.db")}, &out), 0);
    EXPECT_NE(out.find("config.serve.queue-limit"), std::string::npos) << out;
    EXPECT_NE(run_sanpi({"migrate", "--config", path("missing.conf")}, &out), 0);
    EXPECT_NE(out.find("config"), std::string::npos) << out;
}

TEST_F(CliTest, DemoUserAndTokenWorkAgainstARunningServer) {
    const std::string db = "sqlite:" + path("demo.db");
    std::string out;
    ASSERT_EQ(run_sanpi({"demo", "--db", db}, &out), 0) << out;
    ASSERT_EQ(run_sanpi({"user", "add", "--db", db, "--user", "ops-bot", "--role", "viewer", "--scope", "140100",
                         "--password", "a-long-password"}, &out), 0) << out;
    ASSERT_EQ(run_sanpi({"user", "token", "--db", db, "--user", "ops-bot"}, &out), 0) << out;
    const std::string token = last_line(out);
    EXPECT_EQ(token.size(), 64u);

    // No daily sweep: under the real clock its first run writes the escalation ladder's notices for
    // the demo's red projects in one long transaction, and the CLI's writes below waited it out
    // until "database is locked" (a CI run of 2026-12-02 on a loaded machine).
    ServerProcess server(db, {"--sweep-check-seconds", "0"});
    HttpClient client(server.port());
    EXPECT_EQ(client.get("/api/v1/projects").status, 401);
    client.set_header("Authorization", "Bearer " + token);
    auto list = client.get("/api/v1/projects?page_size=500");
    ASSERT_EQ(list.status, 200);
    const auto body = list.json();
    ASSERT_FALSE(body.at("items").as_array().empty());
    for (const auto& item : body.at("items").as_array()) {
        EXPECT_EQ(item.at("city_code").as_string(), "140100");  // the viewer's scope
    }

    // Revoked by another process: the running server stops accepting the token once its
    // credential cache's bound (2 s, tested exactly in credential_cache_test) has passed.
    ASSERT_EQ(run_sanpi({"user", "revoke-token", "--db", db, "--token", token}, &out), 0) << out;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    int status = 200;
    while (status == 200 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        status = client.get("/api/v1/projects?page_size=1").status;
    }
    EXPECT_EQ(status, 401);
    EXPECT_NE(run_sanpi({"user", "revoke-token", "--db", db, "--token", token}, &out), 0) << "already revoked";
    EXPECT_EQ(server.stop(), 0);
}

TEST_F(CliTest, BadInputIsAClearErrorWithNonZeroExit) {
    const std::string db = "sqlite:" + path("bad.db");
    std::string out;
    ASSERT_EQ(run_sanpi({"demo", "--db", db}, &out), 0);
    EXPECT_NE(run_sanpi({"user", "add", "--db", db, "--user", "x y", "--role", "city", "--scope", "140100",
                         "--password", "short"}, &out), 0);
    EXPECT_NE(out.find("user"), std::string::npos) << out;
    EXPECT_NE(out.find("password"), std::string::npos) << out;
    EXPECT_NE(run_sanpi({"user", "add", "--db", db, "--user", "ok-name", "--role", "mayor", "--scope", "140100"}, &out),
              0);
    EXPECT_NE(out.find("role"), std::string::npos) << out;
    EXPECT_NE(run_sanpi({"user", "token", "--db", db, "--user", "nobody"}, &out), 0);
    EXPECT_NE(run_sanpi({"serve", "--db", "sqlite:" + path("missing-dir/x.db"), "--port", "1"}, &out), 0);
    EXPECT_NE(run_sanpi({"migrate", "--db", "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2"}, &out), 0);
    EXPECT_NE(out.find("db"), std::string::npos) << out;
}

}  // namespace
}  // namespace sanpi::testing
