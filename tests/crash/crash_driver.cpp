#include "crash/crash_driver.hpp"

#include <unistd.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

#include "crash/crash_load.hpp"
#include "e2e/server_process.hpp"
#include "service/audit_service.hpp"
#include "service/auth_service.hpp"
#include "service/clock.hpp"
#include "service/figures_check.hpp"
#include "service/gen.hpp"
#include "store/open_store.hpp"
#include "support/private_cluster.hpp"

namespace sanpi::crash {

namespace {

using testing::HttpClient;
using testing::PrivateCluster;
using testing::ServerProcess;

const std::vector<std::string> kServeOptions{"--sweep-check-seconds", "0"};

// The database of one run: a SQLite file, or a PostgreSQL cluster of its own (so that its
// postmaster can be killed without touching the test command's shared cluster).
struct CrashDatabase {
    std::unique_ptr<PrivateCluster> cluster;
    std::string sqlite_path;
    std::string url;
    std::string token;  // the province's API token

    ~CrashDatabase() {
        if (sqlite_path.empty()) return;
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(sqlite_path + suffix, ec);
    }
};

// Migrated, a small synthetic dataset (`sanpi gen`: every region, a few thousand zones, 300
// projects, written in bulk in a second or two; the demo's audited writes take 10–40 s), a token
// for the province (Shanxi).
bool make_database(const CrashOptions& o, CrashDatabase& db, Findings& out) {
    if (o.backend == "postgres") {
        db.cluster = std::make_unique<PrivateCluster>();
        if (!db.cluster->ok()) {
            out.push_back("cannot start a private PostgreSQL cluster");
            return false;
        }
        db.url = db.cluster->url();
    } else {
        db.sqlite_path = "/tmp/sanpi-crash-" + std::to_string(::getpid()) + "-" + std::to_string(o.seed) + ".db";
        db.url = "sqlite:" + db.sqlite_path;
    }
    auto store = store::open_store(db.url);
    if (!store || !(*store)->migrate()) {
        out.push_back("cannot open and migrate " + db.url);
        return false;
    }
    if (!service::generate_national(**store, service::GenOptions{300, 2, o.seed})) {
        out.push_back("cannot write the dataset into " + db.url);
        return false;
    }
    service::SystemClock clock;
    auto token = service::AuthService(**store, clock).create_api_token("province", "crash driver");
    if (!token) {
        out.push_back("cannot make an API token");
        return false;
    }
    db.token = *token;
    return true;
}

// Opening the store is the first check: a database that does not open after a crash is lost.
void check_store(const std::string& url, Findings& out) {
    auto store = store::open_store(url);
    if (!store) {
        out.push_back("the database does not open: " + store.error().message.en);
        return;
    }
    auto audit = service::AuditService(**store).verify();
    if (!audit) {
        out.push_back("audit verify could not run: " + audit.error().message.en);
    } else if (audit->broken) {
        out.push_back("audit chain broken at entry " + std::to_string(audit->broken->seq) + ": " +
                      audit->broken->message.en);
    }
    auto figures = service::check_figures(**store);
    if (!figures) {
        out.push_back("figures check could not run: " + figures.error().message.en);
    } else if (!figures->equal()) {
        out.push_back("kept figures differ from a full recount: " + std::to_string(figures->stage_rows) + " stage, " +
                      std::to_string(figures->industry_rows) + " industry, " + std::to_string(figures->batch_rows) +
                      " batch, " + std::to_string(figures->campaign_industry_rows) + " campaign industry, " +
                      std::to_string(figures->band_rows) + " band rows, " + std::to_string(figures->stale_entries) +
                      " stale entries");
    }
}

std::unique_ptr<HttpClient> province(std::uint16_t port, const std::string& token) {
    auto client = std::make_unique<HttpClient>(port);
    client->set_header("Authorization", "Bearer " + token);
    return client;
}

// Waits for the server to answer /healthz again (after PostgreSQL came back).
bool healthy_again(std::uint16_t port) {
    for (int attempt = 0; attempt < 100; ++attempt) {
        try {
            if (HttpClient(port).get("/healthz").status == 200) return true;
        } catch (const std::exception&) {
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
}

// The checks must be able to fail: a project edit they were not told about must be reported. Made
// once, after the first round's checks; the edit is then recorded as acknowledged, as it was.
void self_check(HttpClient& client, Workload& w, Findings& out) {
    auto& p = w.edited.front();
    const std::string content = w.tag + "-unrecorded";
    auto res = client.patch("/api/v1/projects/" + std::to_string(p.id),
                            boost::json::object{{"construction_content", content}}, {{"If-Match", p.etag}});
    if (res.status != 200) {
        out.push_back("self-check edit: " + std::to_string(res.status) + " " + res.body);
        return;
    }
    auto unaware = w.edited;
    Findings found;
    Outcomes ignored;
    check_edits(client, w.tag + "-e-", unaware, found, ignored);
    if (found.size() != 1 || found.front().find(std::to_string(p.id)) == std::string::npos) {
        out.push_back("self-check: the checks did not report an edit they were not told about");
    }
    p.content = content;
    p.etag = res.header("etag");
}

// One run: the database, the server, the clients' record, round after round.
class CrashRun {
public:
    explicit CrashRun(const CrashOptions& o) : o_(o), rng_(o.seed), started_(std::chrono::steady_clock::now()) {
        w_.tag = "crash-" + std::to_string(o.seed % 1000000);
        w_.import_min_rows = o.import_min_rows;
        w_.import_max_rows = o.import_max_rows;
    }
    ~CrashRun() {
        if (server_) server_->kill();
    }

    CrashResult run() {
        if (!start()) return std::move(result_);
        const int pg_kills = o_.backend == "postgres" ? o_.postmaster_kills : 0;
        const int rounds = o_.kills + pg_kills;
        for (int round = 0; round < rounds && result_.findings.empty(); ++round) {
            // The postmaster kills are spread over the run: every (rounds / pg_kills)-th round.
            const bool kill_postgres =
                pg_kills > 0 && (round + 1) % (rounds / pg_kills) == 0 && result_.postmaster_kills < pg_kills;
            const long acknowledged_before = w_.acknowledged;
            if (load_and_kill(kill_postgres) && restart(kill_postgres)) check(round);
            if (!result_.findings.empty()) {
                result_.findings.insert(result_.findings.begin(),
                                        std::string("at ") + (kill_postgres ? "postmaster" : "server") + " kill " +
                                            std::to_string(round + 1) + " of " + std::to_string(rounds));
                break;
            }
            (kill_postgres ? result_.postmaster_kills : result_.server_kills) += 1;
            result_.acknowledged += w_.acknowledged - acknowledged_before;
        }
        return std::move(result_);
    }

private:
    void trace(const std::string& what) const {
        if (std::getenv("SANPI_CRASH_TRACE") == nullptr) return;
        std::cerr << std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count() << " " << what
                  << std::endl;
    }

    bool start() {
        if (!make_database(o_, db_, result_.findings)) return false;
        trace("database made");
        try {
            server_ = std::make_unique<ServerProcess>(db_.url, kServeOptions);
        } catch (const std::exception& e) {
            result_.findings.push_back(std::string("sanpi serve does not start: ") + e.what());
            return false;
        }
        return discover(*province(server_->port(), db_.token), w_, result_.findings);
    }

    // Prepares the round, starts the clients and kills the server or the postmaster under them.
    bool load_and_kill(bool kill_postgres) {
        prepare_round(*province(server_->port(), db_.token), w_, rng_, result_.findings);
        trace("prepared");
        if (!result_.findings.empty()) return false;
        std::atomic<bool> stop{false};
        SharedFindings found;
        const int kill_after = std::uniform_int_distribution<int>(o_.min_ms, o_.max_ms)(rng_);
        w_.import_delay_ms = std::uniform_int_distribution<int>(0, kill_after)(rng_);
        const std::uint64_t client_seed = rng_();
        std::thread load([&] { run_clients(server_->port(), db_.token, w_, stop, client_seed, found); });
        std::this_thread::sleep_for(std::chrono::milliseconds(kill_after));
        if (kill_postgres) {
            db_.cluster->kill_postmaster();
            std::this_thread::sleep_for(std::chrono::milliseconds(100));  // writes meet a dead database
        } else {
            server_->kill();
        }
        stop = true;
        load.join();
        trace("killed");
        result_.findings = found.take();
        if (kill_postgres && !db_.cluster->start_after_crash())
            result_.findings.push_back("PostgreSQL does not restart");
        return result_.findings.empty();
    }

    // The database must open and verify; then the server must start on it (or, after a
    // postmaster kill, the running one recover).
    bool restart(bool kill_postgres) {
        check_store(db_.url, result_.findings);
        trace("store checked");
        try {
            if (!kill_postgres) server_ = std::make_unique<ServerProcess>(db_.url, kServeOptions);
        } catch (const std::exception& e) {
            result_.findings.push_back(std::string("sanpi serve does not start after the kill: ") + e.what());
            return false;
        }
        if (kill_postgres && !healthy_again(server_->port())) {
            result_.findings.push_back("sanpi serve does not recover after PostgreSQL restarted");
            return false;
        }
        return true;
    }

    void check(int round) {
        check_round(*province(server_->port(), db_.token), w_, result_.findings, result_.outcomes);
        if (round == 0 && result_.findings.empty()) {
            self_check(*province(server_->port(), db_.token), w_, result_.findings);
        }
        trace("round checked");
    }

    const CrashOptions& o_;
    std::mt19937_64 rng_;
    std::chrono::steady_clock::time_point started_;
    CrashDatabase db_;
    Workload w_;
    std::unique_ptr<ServerProcess> server_;
    CrashResult result_;
};

}  // namespace

CrashResult run_crash(const CrashOptions& o) { return CrashRun(o).run(); }

}  // namespace sanpi::crash
