#pragma once
// The crash driver's load: five clients writing at once as the province — project edits, stage
// moves, monthly reports, a campaign being entered and held, a project table being committed —
// each recording what was acknowledged (crash_track.hpp).
#include <atomic>
#include <cstdint>
#include <mutex>
#include <random>
#include <string>
#include <vector>

#include "crash/crash_track.hpp"
#include "http/client.hpp"

namespace sanpi::crash {

struct Workload {
    std::string tag;  // "crash-<seed>": every name the driver writes starts with it (ASCII, for `q`)
    std::int64_t zone_id = 0;
    std::string import_zone_code;  // another zone: a long commit there holds none of the others' figure rows
    std::int64_t investor_id = 0;
    int import_min_rows = 20;
    int import_max_rows = 200;
    // How long the import client waits before committing: on SQLite the commit holds the one write
    // lock throughout, so starting it at a random moment lets the other clients' writes through first.
    int import_delay_ms = 0;

    std::vector<EditedProject> edited;
    std::vector<MovedProject> moved;
    ReportedProject reported;
    std::vector<HeldCampaign> campaigns;
    std::vector<std::int64_t> campaign_pool;  // reserve projects waiting for a campaign
    std::vector<CommittedImport> imports;
    std::atomic<int> serial{0};  // numbers the names (several clients take numbers at once)

    std::atomic<long> acknowledged{0};  // writes acknowledged (each checked after the next kill)

    std::string name(const std::string& kind) { return tag + "-" + kind + "-" + std::to_string(++serial); }
};

// Findings from several threads.
class SharedFindings {
public:
    void add(std::string what) {
        std::lock_guard lock(mutex_);
        items_.push_back(std::move(what));
    }
    Findings take() {
        std::lock_guard lock(mutex_);
        return std::move(items_);
    }

private:
    std::mutex mutex_;
    Findings items_;
};

// Finds the zone and investor the driver writes with (the demo's first zone).
bool discover(testing::HttpClient& client, Workload& w, Findings& out);
// Before a round, nothing timed: the projects each client needs and the import to commit.
void prepare_round(testing::HttpClient& client, Workload& w, std::mt19937_64& rng, Findings& out);
// Runs the five clients until `stop` (each also stops after its first unanswered write).
void run_clients(std::uint16_t port, const std::string& token, Workload& w, const std::atomic<bool>& stop,
                 std::uint64_t seed, SharedFindings& out);
// After a restart: every check of crash_track.hpp.
void check_round(testing::HttpClient& client, Workload& w, Findings& out, Outcomes& seen);

}  // namespace sanpi::crash
