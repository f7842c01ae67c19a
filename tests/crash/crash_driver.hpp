#pragma once
// The crash driver: `sanpi serve` on a demo database, five clients writing, SIGKILL at a random
// moment (to the server, or to PostgreSQL's postmaster), then the checks after each restart — the
// database opens, the audit chain verifies, the kept figures equal a full recount, every
// acknowledged write is there with its content and nothing unanswered is half applied.
#include <cstdint>
#include <string>

#include "crash/crash_track.hpp"

namespace sanpi::crash {

struct CrashOptions {
    std::string backend = "sqlite";  // or "postgres" (a private cluster; needs SANPI_TEST_PG_BIN)
    int kills = 20;                  // SIGKILLs of `sanpi serve`
    int postmaster_kills = 0;        // SIGKILLs of PostgreSQL's postmaster under load (postgres only)
    std::uint64_t seed = 0;          // kill moments, amounts, import sizes
    int min_ms = 50;                 // a kill comes this long after the load starts, at the earliest
    int max_ms = 300;                // and at the latest
    int import_min_rows = 10;        // rows of the project table committed in a round (log-uniform)
    int import_max_rows = 200;
};

struct CrashResult {
    int server_kills = 0;      // survived: every check passed after the restart
    int postmaster_kills = 0;  // likewise
    long acknowledged = 0;     // writes acknowledged and then checked after a kill
    Outcomes outcomes;         // what the unanswered writes turned out to be
    Findings findings;         // empty when every check passed
};

CrashResult run_crash(const CrashOptions& options);

}  // namespace sanpi::crash
