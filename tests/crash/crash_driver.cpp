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

}  // namespace

CrashResult run_crash(const CrashOptions& o) {
    const auto t0 = std::chrono::steady_clock::now();
    auto trace = [&](const std::string& what) {
        if (std::getenv("SANPI_CRASH_TRACE") == nullptr) return;
        std::cerr << std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() << " " << what
                  << std::endl;
    };
    CrashResult result;
    CrashDatabase db;
    if (!make_database(o, db, result.findings)) return result;
    trace("database made");
    Workload w;
    w.tag = "crash-" + std::to_string(o.seed % 1000000);
    w.import_min_rows = o.import_min_rows;
    w.import_max_rows = o.import_max_rows;
    std::mt19937_64 rng(o.seed);
    std::unique_ptr<ServerProcess> server;
    try {
        server = std::make_unique<ServerProcess>(db.url, kServeOptions);
    } catch (const std::exception& e) {
        result.findings.push_back(std::string("sanpi serve does not start: ") + e.what());
        return result;
    }
    if (!discover(*province(server->port(), db.token), w, result.findings)) return result;

    const int pg_kills = o.backend == "postgres" ? o.postmaster_kills : 0;
    const int rounds = o.kills + pg_kills;
    for (int round = 0; round < rounds && result.findings.empty(); ++round) {
        // The postmaster kills are spread over the run: round k of every rounds/pg_kills.
        const bool kill_postgres =
            pg_kills > 0 && (round + 1) % (rounds / pg_kills) == 0 && result.postmaster_kills < pg_kills;
        trace("round " + std::to_string(round));
        prepare_round(*province(server->port(), db.token), w, rng, result.findings);
        trace("prepared");
        if (!result.findings.empty()) break;
        const long acknowledged_before = w.acknowledged;
        std::atomic<bool> stop{false};
        SharedFindings found;
        const int kill_after = std::uniform_int_distribution<int>(o.min_ms, o.max_ms)(rng);
        w.import_delay_ms = std::uniform_int_distribution<int>(0, kill_after)(rng);
        const std::uint64_t client_seed = rng();
        std::thread load([&] { run_clients(server->port(), db.token, w, stop, client_seed, found); });
        std::this_thread::sleep_for(std::chrono::milliseconds(kill_after));

        if (kill_postgres) {
            db.cluster->kill_postmaster();
            std::this_thread::sleep_for(std::chrono::milliseconds(100));  // writes meet a dead database
        } else {
            server->kill();
        }
        stop = true;
        load.join();
        trace("killed");
        result.findings = found.take();
        if (kill_postgres && !db.cluster->start_after_crash()) result.findings.push_back("PostgreSQL does not restart");
        if (!result.findings.empty()) break;
        trace("database back");
        check_store(db.url, result.findings);
        trace("store checked");
        try {
            if (!kill_postgres) server = std::make_unique<ServerProcess>(db.url, kServeOptions);
        } catch (const std::exception& e) {
            result.findings.push_back(std::string("sanpi serve does not start after the kill: ") + e.what());
            break;
        }
        if (kill_postgres && !healthy_again(server->port())) {
            result.findings.push_back("sanpi serve does not recover after PostgreSQL restarted");
            break;
        }
        trace("server up");
        check_round(*province(server->port(), db.token), w, result.findings, result.outcomes);
        if (round == 0 && result.findings.empty()) self_check(*province(server->port(), db.token), w, result.findings);
        trace("round checked");
        if (!result.findings.empty()) {
            result.findings.insert(result.findings.begin(),
                                   std::string("after ") + (kill_postgres ? "postmaster" : "server") + " kill " +
                                       std::to_string(round + 1) + " of " + std::to_string(rounds));
            break;
        }
        (kill_postgres ? result.postmaster_kills : result.server_kills) += 1;
        result.acknowledged += w.acknowledged - acknowledged_before;
    }
    if (server) server->kill();
    return result;
}

}  // namespace sanpi::crash
