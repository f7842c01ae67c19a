// A running `sanpi serve` whose database runs out of disk, or turns read-only: writes get a 503
// that says why, reads keep working, no refused write is half applied, and writes succeed again
// once space (or write access) returns — without restarting the server.
//
// The disk is a small tmpfs mounted for the test (the test command runs as root): on SQLite it
// holds the database file and its WAL; on PostgreSQL it is the tablespace of the test's database
// (so the cluster's own WAL, elsewhere, never fills: the refusal is the relation that cannot grow).
#include <gtest/gtest.h>
#include <pwd.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "http/client.hpp"
#include "server_process.hpp"
#include "service/auth_service.hpp"
#include "support/demo_store.hpp"
#include "support/test_store.hpp"
#include "support/tmpfs_mount.hpp"

namespace sanpi::testing {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

// A size-limited tmpfs of the test's own, that can be filled up.
class SmallDisk : public TmpfsMount {
public:
    using TmpfsMount::TmpfsMount;

    // Takes every free byte (to the last 4 KiB block) with a filler file; false if none was taken.
    bool fill() {
        std::FILE* f = std::fopen((path() + "/filler").c_str(), "wb");
        if (f == nullptr) return false;
        std::setvbuf(f, nullptr, _IONBF, 0);
        std::size_t taken = 0;
        for (const std::size_t chunk : {std::size_t{1} << 20, std::size_t{4096}, std::size_t{512}}) {
            const std::vector<char> bytes(chunk, 'x');
            while (std::fwrite(bytes.data(), 1, chunk, f) == chunk) taken += chunk;
            std::clearerr(f);
        }
        std::fclose(f);
        return taken > 0;
    }
    void free_space() { fs::remove(path() + "/filler"); }
};

constexpr std::int64_t kProject = 1;  // a Shanxi project: in the province account's scope
const std::string kPath = "/api/v1/projects/" + std::to_string(kProject);

struct Edit {
    int status = 0;
    std::string detail;  // the problem's detail when refused
};

class StorageFull : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        service::SystemClock clock;
        demo_ = make_demo_store(GetParam(), service::FixedClock{kSharedDemoNow});
        token_ = service::AuthService(*demo_.db->store, clock).create_api_token("province", "storage test").value();
    }

    void TearDown() override {
        // The database before its tablespace, the tablespace before its disk.
        if (!tablespace_.empty()) {
            demo_.db.reset();
            postgres_admin("DROP TABLESPACE IF EXISTS " + tablespace_);
        }
        disk_.reset();
    }

    // Moves the test's database onto `disk`; returns the URL `serve` opens.
    std::string move_to(SmallDisk& disk) {
        if (GetParam() == Backend::kSqlite) {
            const std::string file = demo_.db->url.substr(std::string("sqlite:").size());
            demo_.db->store.reset();  // closed, so its WAL is folded into the file
            const std::string moved = disk.path() + "/sanpi.db";
            fs::copy_file(file, moved);
            return "sqlite:" + moved;
        }
        // PostgreSQL writes the tablespace as the cluster's OS user.
        const char* owner = std::getenv("SANPI_TEST_PG_USER");
        if (::geteuid() == 0) {
            if (const passwd* pw = ::getpwnam(owner != nullptr && *owner != '\0' ? owner : "postgres")) {
                EXPECT_EQ(::chown(disk.path().c_str(), pw->pw_uid, pw->pw_gid), 0);
            }
        }
        tablespace_ = "sanpi_small_" + std::to_string(::getpid());
        postgres_admin("CREATE TABLESPACE " + tablespace_ + " LOCATION '" + disk.path() + "'");
        demo_.db->store.reset();  // no session may be open on a database that moves
        postgres_admin("ALTER DATABASE " + demo_.db->pg_database + " SET TABLESPACE " + tablespace_);
        return demo_.db->url;
    }

    HttpResponse get(std::uint16_t port, const std::string& path) const {
        HttpClient c(port);
        c.set_header("Authorization", "Bearer " + token_);
        return c.get(path);
    }

    // PATCHes the responsible post with the current ETag; on 200 remembers the value and the new ETag.
    Edit edit(std::uint16_t port, const std::string& post) {
        HttpClient c(port);
        c.set_header("Authorization", "Bearer " + token_);
        c.set_header("Accept-Language", "en");
        auto res = c.patch(kPath, json::object{{"responsible_post", post}}, {{"If-Match", etag_}});
        if (res.status == 200) {
            etag_ = res.header("etag");
            acknowledged_ = post;
            return {200, {}};
        }
        std::string detail;
        if (res.header("content-type").rfind("application/problem+json", 0) == 0) {
            detail = std::string(res.json().at("detail").as_string());
        }
        return {res.status, detail};
    }

    std::string stored_post(std::uint16_t port) {
        auto res = get(port, kPath);
        EXPECT_EQ(res.status, 200) << res.body;
        if (res.status != 200) return {};
        etag_ = res.header("etag");
        return std::string(res.json().at("responsible_post").as_string());
    }

    DemoStore demo_;
    std::unique_ptr<SmallDisk> disk_;
    std::string token_;
    std::string tablespace_;
    std::string etag_;
    std::string acknowledged_;
};

TEST_P(StorageFull, WritesGet503WhileTheDiskIsFullReadsWorkAndWritesResumeWhenSpaceReturns) {
    disk_ = std::make_unique<SmallDisk>("256m");
    auto& disk = *disk_;
    ASSERT_TRUE(disk.ok()) << disk.error();
    const std::string url = move_to(disk);
    ServerProcess server(url, {"--sweep-check-seconds", "0"});
    acknowledged_ = stored_post(server.port());
    ASSERT_EQ(edit(server.port(), "before the disk filled").status, 200);

    ASSERT_TRUE(disk.fill());
    // A write that fits in pages already allocated still succeeds; the first that needs a new
    // page is refused. Every answer is one or the other, never a 500.
    Edit refused;
    for (int i = 0; i < 3000 && refused.status == 0; ++i) {
        auto e = edit(server.port(), "while full " + std::to_string(i));
        if (e.status != 200) refused = e;
    }
    ASSERT_EQ(refused.status, 503) << refused.detail;
    EXPECT_NE(refused.detail.find("disk is full"), std::string::npos) << refused.detail;

    // Reads keep working, and show the last acknowledged write: the refused one left nothing.
    EXPECT_EQ(stored_post(server.port()), acknowledged_);
    EXPECT_EQ(get(server.port(), "/api/v1/projects?page_size=5").status, 200);
    EXPECT_EQ(get(server.port(), "/api/v1/dashboard").status, 200);
    EXPECT_EQ(edit(server.port(), "still full").status, 503);

    disk.free_space();
    const auto resumed = edit(server.port(), "after space returned");
    EXPECT_EQ(resumed.status, 200) << resumed.detail;
    EXPECT_EQ(stored_post(server.port()), "after space returned");
    EXPECT_EQ(server.stop(), 0);

    std::string out;
    EXPECT_EQ(run_sanpi({"audit", "verify", "--db", url}, &out), 0) << out;
}

INSTANTIATE_TEST_SUITE_P(Backends, StorageFull, ::testing::ValuesIn(all_backends()), backend_param_name);

// A SQLite database on a file system mounted read-only is served read-only: reads work (with an
// API token, and with a session last seen minutes ago, whose new last-seen time cannot be saved),
// a write or a log-in gets a 503 saying the database is read-only, and once the file system is
// writable again the next write succeeds without a restart. (Turning it read-only under a running
// server cannot be staged: Linux refuses to remount a file system read-only while a file on it is
// open for writing.)
class ReadOnlyFileSystem : public StorageFull {};

TEST_P(ReadOnlyFileSystem, ServesReadsRefusesWritesAndWritesOnceWritable) {
    disk_ = std::make_unique<SmallDisk>("256m");
    auto& disk = *disk_;
    ASSERT_TRUE(disk.ok()) << disk.error();
    const auto now = static_cast<store::Timestamp>(std::time(nullptr));
    const auto session = service::AuthService(*demo_.db->store, service::FixedClock{now - 180})
                             .login("taiyuan", "sanpi-demo-2022")
                             .value()
                             .session_token;
    const std::string url = move_to(disk);
    ASSERT_TRUE(disk.set_read_only(true)) << std::strerror(errno);
    ServerProcess server(url, {"--sweep-check-seconds", "0"});
    const auto port = server.port();

    acknowledged_ = stored_post(port);
    EXPECT_EQ(get(port, "/api/v1/projects?page_size=5").status, 200);
    EXPECT_EQ(get(port, "/api/v1/dashboard").status, 200);
    HttpClient browser(port);
    browser.set_header("Cookie", "sanpi_session=" + session);
    const auto seen = browser.get("/api/v1/session");
    EXPECT_EQ(seen.status, 200) << seen.body;

    const auto refused = edit(port, "while read-only");
    EXPECT_EQ(refused.status, 503);
    EXPECT_NE(refused.detail.find("the database is read-only"), std::string::npos) << refused.detail;
    HttpClient visitor(port);
    visitor.set_header("Accept-Language", "en");
    const auto login =
        visitor.post("/api/v1/session", json::object{{"username", "province"}, {"password", "sanpi-demo-2022"}});
    EXPECT_EQ(login.status, 503) << login.body;
    EXPECT_EQ(stored_post(port), acknowledged_);

    ASSERT_TRUE(disk.set_read_only(false)) << std::strerror(errno);
    const auto resumed = edit(port, "writable again");
    EXPECT_EQ(resumed.status, 200) << resumed.detail;
    EXPECT_EQ(stored_post(port), "writable again");
    EXPECT_EQ(server.stop(), 0);

    std::string out;
    EXPECT_EQ(run_sanpi({"audit", "verify", "--db", url}, &out), 0) << out;
}

INSTANTIATE_TEST_SUITE_P(Backends, ReadOnlyFileSystem, ::testing::Values(Backend::kSqlite), backend_param_name);

// A database that turns read-only under a running server (here PostgreSQL's
// default_transaction_read_only for the database, as on a standby): writes get a 503 saying so,
// reads work, and writes resume when it is writable again.
class ReadOnlyDatabase : public ::testing::TestWithParam<Backend> {};

TEST_P(ReadOnlyDatabase, WritesGet503ReadsWorkAndWritesResumeWhenWritable) {
    service::SystemClock clock;
    auto demo = make_demo_store(GetParam(), service::FixedClock{kSharedDemoNow});
    const auto token = service::AuthService(*demo.db->store, clock).create_api_token("province", "ro test").value();
    ServerProcess server(demo.db->url, {"--sweep-check-seconds", "0"});
    // A fresh connection each time, like a browser after a failure.
    const auto send = [&](const std::string& method, const std::string& post, const std::string& etag) {
        HttpClient c(server.port());
        c.set_header("Authorization", "Bearer " + token);
        c.set_header("Accept-Language", "en");
        if (method == "GET") return c.get(kPath);
        return c.patch(kPath, json::object{{"responsible_post", post}}, {{"If-Match", etag}});
    };
    const auto etag = send("GET", {}, {}).header("etag");

    // New sessions of the database start read-only; the server's open ones are ended so its pool
    // opens new ones (their loss answers a 503 too, which is why the loops below retry).
    const auto& db = demo.db->pg_database;
    const auto end_sessions = [&] {
        postgres_admin("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '" + db + "'");
    };
    postgres_admin("ALTER DATABASE " + db + " SET default_transaction_read_only = on");
    end_sessions();
    HttpResponse refused;
    for (int i = 0; i < 20; ++i) {
        refused = send("PATCH", "read-only", etag);
        if (refused.body.find("read-only") != std::string::npos) break;
        ASSERT_EQ(refused.status, 503) << refused.body;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    EXPECT_EQ(refused.status, 503);
    EXPECT_NE(refused.body.find("the database is read-only"), std::string::npos) << refused.body;
    auto read = send("GET", {}, {});
    EXPECT_EQ(read.status, 200) << read.body;
    EXPECT_NE(std::string(read.json().at("responsible_post").as_string()), "read-only");

    postgres_admin("ALTER DATABASE " + db + " RESET default_transaction_read_only");
    end_sessions();
    int status = 0;
    for (int i = 0; i < 20 && status != 200; ++i) {
        status = send("PATCH", "writable", etag).status;
        if (status != 200) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    EXPECT_EQ(status, 200);
    EXPECT_EQ(server.stop(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReadOnlyDatabase, ::testing::ValuesIn(postgres_only()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
