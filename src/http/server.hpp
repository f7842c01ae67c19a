#pragma once
// The HTTP server. Beast and Asio stay behind this header (pimpl) so that nothing outside
// src/http pays for compiling them.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "domain/error.hpp"
#include "http/message.hpp"
#include "service/audit_service.hpp"
#include "service/auth_service.hpp"
#include "service/campaign_service.hpp"
#include "service/catalog_service.hpp"
#include "service/coordination_service.hpp"
#include "service/enterprise_service.hpp"
#include "service/photo_service.hpp"
#include "service/project_import.hpp"
#include "service/project_service.hpp"
#include "service/ranking_service.hpp"
#include "service/report_service.hpp"
#include "service/notice_service.hpp"
#include "service/warning_service.hpp"
#include "service/chain_service.hpp"

namespace sanpi::http {

struct Services {
    service::AuthService& auth;
    service::CatalogService& catalog;
    service::ProjectService& projects;
    service::CampaignService& campaigns;
    service::ReportService& reports;
    service::CoordinationService& coordination;
    service::AuditService& audit;
    service::PhotoService& photos;
    service::EnterpriseService& enterprises;
    service::ProjectImportService& imports;
    service::WarningService& warnings;
    service::NoticeService& notices;
    service::RankingService& rankings;
    service::ChainService& chains;
};

// Defaults from the core count. Network threads only parse and write, so half the cores do;
// workers mostly wait on the database, so the CLI sizes them to the store's connection pool.
int default_network_threads();
int default_workers();

struct ServerConfig {
    static constexpr std::size_t kDefaultQueueLimit = 256;

    std::string address = "0.0.0.0";
    std::uint16_t port = 8080;  // 0: pick a free port (tests)
    int threads = 0;            // network (io) threads; 0: default_network_threads()
    int workers = 0;            // threads running handlers; 0: default_workers()
    // Workers that may run writes at once (http/workers.hpp); 0: all but one. SQLite: 1.
    int write_lanes = 0;
    // Requests waiting for a worker, beyond those running; one more gets 503 with Retry-After.
    std::size_t queue_limit = kDefaultQueueLimit;
    bool bench_baseline = false;  // GET /api/v1/bench/baseline for the benchmark suite
    // Tests only: runs on the worker before each request's handler (to hold a worker).
    std::function<void(const Request&)> before_handler;
    std::string web_root;              // directory with the built UI; empty: built-in placeholder
    std::size_t body_limit = 1 << 20;  // bytes; larger bodies get 413
    int read_timeout_seconds = 30;
    bool secure_cookies = false;  // set the Secure attribute (behind TLS)
    // GET /metrics: with a token, only "Authorization: Bearer <token>" may read it; without one,
    // only loopback callers not forwarded by a proxy (handlers_metrics.cpp).
    std::string metrics_token;
    std::string backend;                       // for sanpi_build_info ("sqlite", "postgresql")
    std::function<store::PoolUse()> pool_use;  // the store's pool, read at each scrape; null: zeros
};

class Server {
public:
    Server(ServerConfig config, Services services);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Binds and starts serving on background threads; returns the bound port.
    Result<std::uint16_t> start();
    // Stops accepting, lets in-flight requests finish (bounded), joins the threads.
    void stop();
    // Blocks until SIGINT/SIGTERM, then stops gracefully.
    void run_until_signal();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace sanpi::http
