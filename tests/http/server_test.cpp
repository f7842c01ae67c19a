// Server lifecycle: start, stop, and the graceful shutdown on SIGTERM.
#include <signal.h>
#include <unistd.h>

#include <thread>

#include "http_fixture.hpp"

namespace sanpi::testing {
namespace {

class ServerTest : public HttpTest {
protected:
    std::unique_ptr<http::Server> make_server() {
        http::ServerConfig config;
        config.address = "127.0.0.1";
        config.port = 0;
        config.threads = 1;
        auto& e = env();
        return std::make_unique<http::Server>(
            config, http::Services{e.auth, e.catalog, e.projects, e.campaigns, e.reports, e.coordination, e.audit,
                                   e.photos, e.enterprises, e.imports, e.warnings, e.notices, e.rankings, e.chains});
    }

    static bool sigterm_handled() {
        for (int i = 0; i < 500; ++i) {
            struct sigaction current {};
            ::sigaction(SIGTERM, nullptr, &current);
            if (current.sa_handler != SIG_DFL) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return false;
    }

    static bool accepts(std::uint16_t port) {
        try {
            return HttpClient(port).get("/healthz").status == 200;
        } catch (const std::exception&) {
            return false;
        }
    }
};

TEST_P(ServerTest, StartsOnceAndStopsIdempotently) {
    auto server = make_server();
    auto port = server->start();
    ASSERT_TRUE(port);
    EXPECT_GT(*port, 0);
    EXPECT_TRUE(accepts(*port));
    EXPECT_FALSE(server->start());
    server->stop();
    EXPECT_FALSE(accepts(*port));
    server->stop();
}

TEST_P(ServerTest, RefusesAnUnusableAddress) {
    http::ServerConfig config;
    config.address = "not-an-address";
    auto& e = env();
    http::Server server(config, http::Services{e.auth, e.catalog, e.projects, e.campaigns, e.reports, e.coordination,
                                               e.audit, e.photos, e.enterprises, e.imports, e.warnings, e.notices, e.rankings, e.chains});
    EXPECT_FALSE(server.start());
}

TEST_P(ServerTest, SigtermStopsGracefully) {
    auto server = make_server();
    auto port = server->start();
    ASSERT_TRUE(port);
    std::thread waiter([&] { server->run_until_signal(); });
    // Signal only once the server's handler is installed: the default action would end the tests.
    if (!sigterm_handled()) {
        server->stop();
        waiter.join();
        FAIL() << "run_until_signal installed no SIGTERM handler";
    }
    ASSERT_EQ(::kill(::getpid(), SIGTERM), 0);
    waiter.join();
    EXPECT_FALSE(accepts(*port));
}

TEST_P(ServerTest, RunUntilSignalReturnsWhenStoppedElsewhere) {
    auto server = make_server();
    ASSERT_TRUE(server->start());
    std::thread waiter([&] { server->run_until_signal(); });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    server->stop();
    waiter.join();  // would hang if run_until_signal waited for a signal only
}

INSTANTIATE_TEST_SUITE_P(Backends, ServerTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
