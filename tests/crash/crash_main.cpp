// sanpi_crash: the crash-consistency driver (crash_driver.hpp), for the test command's short form
// (ctest: crash.sqlite, crash.postgres) and bench/crash's long one.
//
//   sanpi_crash --backend sqlite|postgres [--kills 20] [--postmaster-kills 4] [--seed N]
//               [--min-ms 50] [--max-ms 300] [--import-rows 10:200]
//
// PostgreSQL needs scripts/with-postgres.sh's SANPI_TEST_PG_BIN (the driver starts a cluster of
// its own); without it the run is skipped (exit 77), or fails under SANPI_REQUIRE_PG=1.
// Prints two lines per backend; on a failure, every finding and the command that repeats the run.
// SANPI_CRASH_TRACE=1 prints each round's steps and every write's answer and time on stderr.
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <random>
#include <string>

#include "crash/crash_driver.hpp"
#include "support/private_cluster.hpp"

namespace {

constexpr int kSkipped = 77;  // ctest's SKIP_RETURN_CODE

bool parse(int argc, char** argv, sanpi::crash::CrashOptions& o, bool& seeded) {
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        const std::string value = argv[i + 1];
        if (flag == "--backend") {
            o.backend = value;
        } else if (flag == "--kills") {
            o.kills = std::stoi(value);
        } else if (flag == "--postmaster-kills") {
            o.postmaster_kills = std::stoi(value);
        } else if (flag == "--seed") {
            o.seed = std::stoull(value);
            seeded = true;
        } else if (flag == "--min-ms") {
            o.min_ms = std::stoi(value);
        } else if (flag == "--max-ms") {
            o.max_ms = std::stoi(value);
        } else if (flag == "--import-rows") {
            o.import_min_rows = std::stoi(value.substr(0, value.find(':')));
            o.import_max_rows = std::stoi(value.substr(value.find(':') + 1));
        } else {
            return false;
        }
    }
    return argc % 2 == 1 && (o.backend == "sqlite" || o.backend == "postgres") && o.kills >= 0 && o.min_ms >= 0 &&
           o.max_ms >= o.min_ms && o.import_min_rows > 0 && o.import_max_rows >= o.import_min_rows;
}

std::string repeat_command(const sanpi::crash::CrashOptions& o) {
    return "sanpi_crash --backend " + o.backend + " --kills " + std::to_string(o.kills) + " --postmaster-kills " +
           std::to_string(o.postmaster_kills) + " --seed " + std::to_string(o.seed) + " --min-ms " +
           std::to_string(o.min_ms) + " --max-ms " + std::to_string(o.max_ms) + " --import-rows " +
           std::to_string(o.import_min_rows) + ":" + std::to_string(o.import_max_rows);
}

}  // namespace

int main(int argc, char** argv) {
    sanpi::crash::CrashOptions options;
    bool seeded = false;
    try {
        if (!parse(argc, argv, options, seeded)) throw std::invalid_argument("usage");
    } catch (const std::exception&) {
        std::cerr << "usage: sanpi_crash --backend sqlite|postgres [--kills N] [--postmaster-kills N] [--seed N] "
                     "[--min-ms N] [--max-ms N] [--import-rows MIN:MAX]\n";
        return 2;
    }
    if (!seeded) options.seed = std::random_device{}();
    if (options.backend == "postgres" && !sanpi::testing::PrivateCluster::available()) {
        const char* required = std::getenv("SANPI_REQUIRE_PG");
        std::cerr << "crash postgres: needs SANPI_TEST_PG_BIN (run under scripts/with-postgres.sh)\n";
        return required != nullptr && std::string(required) == "1" ? 1 : kSkipped;
    }
    std::cout << "crash " << options.backend << ": seed " << options.seed << std::endl;
    const auto started = std::chrono::steady_clock::now();
    const auto result = sanpi::crash::run_crash(options);
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << "crash " << options.backend << ": " << result.server_kills << " of " << options.kills
              << " server kills survived";
    if (options.backend == "postgres") {
        std::cout << ", " << result.postmaster_kills << " of " << options.postmaster_kills << " postmaster kills";
    }
    std::cout << ", " << result.acknowledged << " acknowledged writes checked, " << static_cast<int>(seconds)
              << " s, seed " << options.seed << "\n";
    const auto& seen = result.outcomes;
    std::cout << "crash " << options.backend << ": " << seen.unanswered << " writes cut off by a kill, " << seen.applied
              << " of them found applied whole and the rest not at all; imports found whole " << seen.imports_whole
              << ", cut off with no row " << seen.imports_dropped << "; campaigns held with every stage move "
              << seen.holds << "\n";
    if (result.findings.empty()) return 0;
    std::cout << "crash " << options.backend << ": FAILED (seed " << options.seed << ")\n";
    for (const auto& f : result.findings) std::cout << "  " << f << "\n";
    std::cout << "repeat with: " << repeat_command(options) << "\n";
    return 1;
}
