#pragma once
// A throwaway PostgreSQL cluster of a test's own (initdb in a temporary directory, free port),
// for tests that stop and restart the server: doing that to the shared cluster would break tests
// running in parallel. Needs SANPI_TEST_PG_BIN (and, as root, SANPI_TEST_PG_USER), which
// scripts/with-postgres.sh exports.
#include <string>

namespace sanpi::testing {

class PrivateCluster {
public:
    // True when the environment names PostgreSQL's binaries (tests skip otherwise).
    static bool available();

    PrivateCluster();   // initdb + start; check ok()
    ~PrivateCluster();  // immediate stop, directory removed
    PrivateCluster(const PrivateCluster&) = delete;
    PrivateCluster& operator=(const PrivateCluster&) = delete;

    bool ok() const { return ok_; }
    std::string url() const;
    // "start", "stop" or "restart" (fast mode, waits until done).
    bool pg_ctl(const std::string& action);
    // SIGKILL to the postmaster (a crash, not a stop): its backends notice and exit on their own.
    bool kill_postmaster();
    // Starts the cluster after a crash, retrying while the killed backends still hold the old
    // shared memory (up to 30 s); PostgreSQL then replays its WAL.
    bool start_after_crash();

private:
    bool run(std::string cmd) const;

    std::string bin_;
    std::string owner_;   // as root: the OS user the cluster belongs to (initdb refuses root)
    std::string data_;
    int port_ = 0;
    bool ok_ = false;
};

}  // namespace sanpi::testing
