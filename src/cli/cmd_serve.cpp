#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/store_config.hpp"
#include "http/server.hpp"
#include "service/daily_sweep.hpp"
#include "service/demo.hpp"
#include "store/open_store.hpp"

namespace sanpi::cli {

namespace {

// 0 means "derived from the core count" (see http::default_network_threads, store::default_pool_size).
struct ServeArgs {
    std::string address = "127.0.0.1";  // loopback unless told otherwise: the demo passwords are public
    std::uint16_t port = 8080;
    std::string public_url;              // https://…: cookies become Secure and __Host- prefixed
    int session_idle_minutes = 30;
    bool allow_demo_passwords = false;
    int threads = 0;
    int workers = 0;  // 0: as many as the store's connection pool
    std::size_t pool_size = 0;
    std::size_t queue_limit = http::ServerConfig::kDefaultQueueLimit;
    std::string web_root;
    bool secure_cookies = false;
    bool bench_baseline = false;
    std::string metrics_token;     // empty: /metrics for loopback callers only
    int sweep_check_seconds = 60;  // how often the daily sweep looks at the clock; 0: no sweep
};

// The built UI next to the working directory, if any; the server has a placeholder otherwise.
std::string default_web_root() {
    for (const char* candidate : {"web/dist", "../web/dist"}) {
        if (std::filesystem::is_regular_file(std::filesystem::path(candidate) / "index.html")) return candidate;
    }
    return {};
}

bool is_loopback(std::string_view address) {
    return address.starts_with("127.") || address == "::1" || address == "localhost";
}

// Listening beyond loopback while the demo's published password opens an account would hand the
// data to anyone on the network; refused unless the operator says so.
int check_demo_passwords(service::AuthService& auth, const ServeArgs& a) {
    if (is_loopback(a.address) || a.allow_demo_passwords) return 0;
    auto names = auth.accounts_with_password(service::kDemoPassword);
    if (!names) return report_error(names.error());
    if (names->empty()) return 0;
    std::string list;
    for (const auto& n : *names) list += (list.empty() ? "" : ", ") + n;
    std::cerr << "refusing to serve on " << a.address << ": accounts still have the public demo password (" << list
              << "). Change their passwords (sanpi user reset-password), serve on 127.0.0.1, or pass "
                 "--allow-demo-passwords.\n";
    return 2;
}

int serve(const GlobalOptions& global, const ServeArgs& a) {
    if (!a.public_url.empty() && !a.public_url.starts_with("https://") && !a.public_url.starts_with("http://")) {
        return report_error(Error::invalid_field("public-url", "须以 https:// 或 http:// 开头", "must start with https:// or http://"));
    }
    const std::size_t pool_size = a.pool_size > 0 ? a.pool_size : store::default_pool_size(database_url(global.db));
    auto store = open_configured_store(global.db, true, pool_size);
    if (!store) return report_error(store.error());
    service::SystemClock clock;
    service::AuthOptions auth_options;
    auth_options.idle_timeout = static_cast<store::Timestamp>(a.session_idle_minutes) * 60;
    service::AuthService auth(**store, clock, {}, auth_options);
    if (int rc = check_demo_passwords(auth, a); rc != 0) return rc;
    service::CatalogService catalog(**store);
    service::ProjectService projects(**store, clock);
    service::CampaignService campaigns(**store, clock);
    service::ReportService reports(**store, clock);
    service::CoordinationService coordination(**store, clock);
    service::AuditService audit(**store);
    service::PhotoService photos(**store, clock);
    service::EnterpriseService enterprises(**store, clock);
    service::ProjectImportService imports(**store, clock, projects, enterprises);
    service::WarningService warnings(**store, clock);
    service::NoticeService notices(**store, clock);
    service::RankingService rankings(**store, clock);
    service::ChainService chains(**store, clock);

    http::ServerConfig config;
    config.address = a.address;
    config.port = a.port;
    config.threads = a.threads;
    // One worker per pooled connection: a worker never waits for a connection another one holds.
    config.workers = a.workers > 0 ? a.workers : static_cast<int>(pool_size);
    // No more workers on writes than the store can carry out together, and never all of them:
    // one is always left for reads.
    config.write_lanes = static_cast<int>(std::min<std::size_t>(
        (*store)->concurrent_writes(), static_cast<std::size_t>(std::max(1, config.workers - 1))));
    config.queue_limit = a.queue_limit;
    config.bench_baseline = a.bench_baseline;
    config.web_root = a.web_root.empty() ? default_web_root() : a.web_root;
    config.secure_cookies = a.secure_cookies || a.public_url.starts_with("https://");
    config.metrics_token = a.metrics_token;
    config.backend = std::string((*store)->backend());
    config.pool_use = [&s = **store] { return s.pool_use(); };
    http::Server server(
        config, http::Services{auth, catalog, projects, campaigns, reports, coordination, audit, photos, enterprises, imports,
                                     warnings, notices, rankings, chains});
    auto port = server.start();
    if (!port) return report_error(port.error());
    const std::string host = a.address.find(':') != std::string::npos ? "[" + a.address + "]" : a.address;
    const std::string url = a.public_url.empty() ? "http://" + host + ":" + std::to_string(*port) : a.public_url;
    spdlog::info("sanpi serving on {} (database {}, {})", url, database_url(global.db), (*store)->backend());
    std::cout << "serving on " << url << std::endl;
    // Warning lights follow the passing of time: the first look after midnight (Asia/Shanghai) sweeps.
    service::DailySweep sweep(**store, clock, std::chrono::seconds(std::max(a.sweep_check_seconds, 1)));
    if (a.sweep_check_seconds > 0) {
        sweep.start([](const Result<service::SweepResult>& r) {
            if (!r) {
                spdlog::error("sweep of warning lights failed: {}", r.error().message.en);
            } else if (r->ran) {
                spdlog::info("sweep of warning lights for {}: {} projects, {} changed; notices: {} escalated, {} "
                             "issued by the escalation ladder",
                             r->day.iso(), r->projects, r->changed, r->notices_escalated, r->ladder_notices);
            }
        });
    }
    server.run_until_signal();
    sweep.stop();
    spdlog::info("sanpi stopped");
    return 0;
}

}  // namespace

void add_serve_command(CLI::App& app, const GlobalOptions& global, Action& action) {
    auto* cmd = app.add_subcommand("serve", "Run the web server / 启动服务");
    auto args = std::make_shared<ServeArgs>();
    cmd->add_option("--address", args->address,
                    "Address to listen on (0.0.0.0: every interface; refused while demo passwords remain, "
                    "unless --allow-demo-passwords)")
        ->envname("SANPI_ADDRESS")
        ->capture_default_str();
    cmd->add_option("--public-url", args->public_url,
                    "The URL people use (https://… behind a TLS proxy: Secure, __Host- session cookies)")
        ->envname("SANPI_PUBLIC_URL");
    cmd->add_option("--session-idle-minutes", args->session_idle_minutes,
                    "A browser session unused this long ends (its absolute limit is 12 hours)")
        ->envname("SANPI_SESSION_IDLE_MINUTES")
        ->capture_default_str()
        ->check(CLI::Range(2, 720));
    cmd->add_flag("--allow-demo-passwords", args->allow_demo_passwords,
                  "Serve beyond loopback even though accounts still have the public demo password");
    cmd->add_option("--port", args->port, "Port to listen on")
        ->envname("SANPI_PORT")
        ->capture_default_str()
        ->check(CLI::Range(1, 65535));
    cmd->add_option("--threads", args->threads, "Network threads (0: half the cores, at least 1)")
        ->capture_default_str()
        ->check(CLI::Range(0, 256));
    cmd->add_option("--workers", args->workers, "Threads running requests (0: the database pool size)")
        ->capture_default_str()
        ->check(CLI::Range(0, 1024));
    cmd->add_option("--pool-size", args->pool_size,
                    "Database connections (0: SQLite the cores and two more; PostgreSQL twice the cores, at least 4)")
        ->capture_default_str()
        ->check(CLI::Range(0, 1024));
    cmd->add_option("--queue-limit", args->queue_limit,
                    "Requests that may wait for a worker; beyond it the server answers 503 with Retry-After")
        ->capture_default_str()
        ->check(CLI::Range(0, 1'000'000));
    cmd->add_flag("--bench-baseline", args->bench_baseline,
                  "Expose GET /api/v1/bench/baseline (a trivial JSON answer) for the benchmark suite");
    cmd->add_option("--web", args->web_root, "Directory of the built web UI (default web/dist when present)")
        ->envname("SANPI_WEB");
    cmd->add_option("--sweep-check-seconds", args->sweep_check_seconds,
                    "How often the daily sweep of warning lights looks at the clock (0: no sweep in this server)")
        ->envname("SANPI_SWEEP_CHECK_SECONDS")
        ->capture_default_str()
        ->check(CLI::Range(0, 86400));
    cmd->add_option("--metrics-token", args->metrics_token,
                    "Bearer token that GET /metrics requires (then from any address); without it only loopback "
                    "callers not forwarded by a proxy may read /metrics")
        ->envname("SANPI_METRICS_TOKEN");
    cmd->add_flag("--secure-cookies", args->secure_cookies, "Mark session cookies Secure (when served over TLS)")
        ->envname("SANPI_SECURE_COOKIES");
    cmd->callback([&action, &global, args] { action = [&global, args] { return serve(global, *args); }; });
}

}  // namespace sanpi::cli
