#pragma once
// A real `sanpi serve` process for end-to-end tests: started with posix_spawn, ready when
// /healthz answers, stopped with SIGTERM (and its exit status checked).
#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace sanpi::testing {

// The sanpi binary built alongside the tests.
std::string sanpi_binary();

class ServerProcess {
public:
    // Runs `sanpi serve --db <db> --port <free port> --threads 4 <extra…>`; waits up to 20 s for /healthz.
    // `extra`: more `serve` options, e.g. {"--sweep-check-seconds", "0"}.
    explicit ServerProcess(const std::string& db, const std::vector<std::string>& extra = {});
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    std::uint16_t port() const { return port_; }
    // SIGTERM, then waits (up to 15 s) for a graceful exit; returns the exit code (-1: killed).
    int stop();
    // SIGKILL, as a crash would end it: no shutdown of any kind; waits until it is gone.
    void kill();
    // Where the server's stdout and stderr go (kept for diagnosis unless it stopped cleanly).
    std::string log_path() const;

private:
    pid_t pid_ = -1;
    std::uint16_t port_ = 0;
};

// Runs the sanpi binary with `args` and returns its exit code; stdout+stderr into `output`.
int run_sanpi(const std::vector<std::string>& args, std::string* output = nullptr);

}  // namespace sanpi::testing
