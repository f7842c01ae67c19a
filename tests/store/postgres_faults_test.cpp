// The database going away under a running store: calls fail fast with kUnavailable (never hang,
// never crash) and succeed again through the same Store once the server is back.
// Each test process runs its own throwaway cluster (initdb in a temporary directory, free port),
// so stopping and restarting it never disturbs tests running in parallel on the shared cluster.
// Runs when scripts/with-postgres.sh has exported SANPI_TEST_PG_BIN (and SANPI_TEST_PG_USER).
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "store/store_fixture.hpp"

namespace sanpi::store_test {
namespace {

using Clock = std::chrono::steady_clock;

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v != nullptr ? v : "";
}

// A port nothing listens on right now: the kernel's pick for a socket bound to port 0.
int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    ::close(fd);
    return ntohs(addr.sin_port);
}

// initdb refuses to run as root, so as root the cluster belongs to SANPI_TEST_PG_USER.
class PrivateCluster {
public:
    PrivateCluster() : bin_(env("SANPI_TEST_PG_BIN")), port_(free_port()) {
        char dir[] = "/tmp/sanpi-pgfault.XXXXXX";
        data_ = ::mkdtemp(dir) != nullptr ? dir : "";
        if (::geteuid() == 0) {
            owner_ = env("SANPI_TEST_PG_USER").empty() ? "postgres" : env("SANPI_TEST_PG_USER");
            if (const passwd* pw = ::getpwnam(owner_.c_str())) (void)::chown(data_.c_str(), pw->pw_uid, pw->pw_gid);
        }
        ok_ = !data_.empty() && run("'" + bin_ + "/initdb' -D '" + data_ +
                                    "' -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync");
        if (ok_) {
            std::ofstream conf(data_ + "/postgresql.conf", std::ios::app);
            conf << "listen_addresses = '127.0.0.1'\nport = " << port_ << "\nunix_socket_directories = '" << data_
                 << "'\nfsync = off\n";
            ok_ = conf.good();
        }
        ok_ = ok_ && pg_ctl("start");
    }
    PrivateCluster(const PrivateCluster&) = delete;
    PrivateCluster& operator=(const PrivateCluster&) = delete;
    ~PrivateCluster() {
        run("'" + bin_ + "/pg_ctl' -D '" + data_ + "' -m immediate stop");
        std::error_code ec;
        if (!data_.empty()) std::filesystem::remove_all(data_, ec);
    }

    bool ok() const { return ok_; }
    std::string url() const { return "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/postgres"; }

    bool pg_ctl(const std::string& action) {
        std::string options = " -m fast -w -t 60 ";
        if (action != "stop") options += "-l '" + data_ + "/server.log' ";
        return run("'" + bin_ + "/pg_ctl' -D '" + data_ + "'" + options + action);
    }

private:
    bool run(std::string cmd) const {
        if (!owner_.empty()) cmd = "runuser -u '" + owner_ + "' -- " + cmd;
        return std::system((cmd + " >/dev/null 2>&1").c_str()) == 0;
    }

    std::string bin_;
    std::string owner_;
    std::string data_;
    int port_;
    bool ok_ = false;
};

class PostgresFaultTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (!testing::postgres_url() || env("SANPI_TEST_PG_BIN").empty()) {
            GTEST_SKIP() << "needs SANPI_TEST_PG and SANPI_TEST_PG_BIN (scripts/with-postgres.sh)";
        }
        cluster_ = std::make_unique<PrivateCluster>();
        ASSERT_TRUE(cluster_->ok()) << "could not start a private PostgreSQL cluster";
        store_ = must(store::open_store(cluster_->url()));
        must(store_->migrate());
        must(store_->write([](store::Tx& tx) { return tx.upsert_region(make_region("140000", "山西省", "Shanxi")); }));
    }
    void TearDown() override { store_.reset(); }

    Result<void> count_regions(std::size_t expected) {
        auto r =
            store::read_value<std::vector<domain::Region>>(*store_, [](store::Tx& tx) { return tx.list_regions(); });
        if (!r) return r.error();
        EXPECT_EQ(r->size(), expected);
        return {};
    }

    Result<void> add_industry(std::string code) {
        return store_->write([&](store::Tx& tx) { return tx.upsert_industry(make_industry(code)); });
    }

    std::unique_ptr<PrivateCluster> cluster_;
    std::unique_ptr<store::Store> store_;
};

void expect_unavailable_quickly(const std::function<Result<void>()>& call) {
    const auto started = Clock::now();
    auto r = call();
    EXPECT_LT(Clock::now() - started, std::chrono::seconds(8));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kUnavailable) << r.error().message.en;
    EXPECT_EQ(r.error().message.en, "the database is temporarily unavailable; try again");
}

TEST_F(PostgresFaultTest, CallsFailFastWhileTheServerIsDownAndSucceedOnceItIsBack) {
    must(count_regions(1));
    ASSERT_TRUE(cluster_->pg_ctl("stop"));
    expect_unavailable_quickly([&] { return count_regions(1); });
    expect_unavailable_quickly([&] { return add_industry("while_down"); });
    auto reopened = store::open_store(cluster_->url());
    ASSERT_FALSE(reopened);
    EXPECT_EQ(reopened.error().code, ErrorCode::kUnavailable);

    ASSERT_TRUE(cluster_->pg_ctl("start"));
    must(count_regions(1));
    must(add_industry("after_restart"));
}

TEST_F(PostgresFaultTest, RestartBetweenCallsIsInvisible) {
    must(count_regions(1));  // the pool now holds a session the restart will end
    ASSERT_TRUE(cluster_->pg_ctl("restart"));
    must(count_regions(1));
    must(add_industry("after_restart"));
}

TEST_F(PostgresFaultTest, ServerStoppingMidTransactionFailsThatTransactionOnly) {
    auto r = store_->write([&](store::Tx& tx) -> Result<void> {
        if (auto ok = tx.upsert_industry(make_industry("before_stop")); !ok) return ok;
        EXPECT_TRUE(cluster_->pg_ctl("stop"));
        auto after = tx.upsert_industry(make_industry("after_stop"));
        EXPECT_FALSE(after);
        return after;
    });
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
    ASSERT_TRUE(cluster_->pg_ctl("start"));
    auto industries =
        store::read_value<std::vector<domain::Industry>>(*store_, [](store::Tx& tx) { return tx.list_industries(); });
    ASSERT_TRUE(industries) << industries.error().message.en;
    EXPECT_TRUE(industries->empty()) << "the interrupted transaction must leave nothing";
}

}  // namespace
}  // namespace sanpi::store_test
