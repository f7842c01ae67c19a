#pragma once
// A real server on 127.0.0.1:<ephemeral> over a real store per backend, with the demo loaded
// once per test program (each backend's environment is built on first use and kept).
// Implemented in http_env_test.cpp (the test glob only picks up *_test.cpp).
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "client.hpp"
#include "domain/zone.hpp"
#include "http/server.hpp"
#include "service/audit_service.hpp"
#include "service/auth_service.hpp"
#include "service/campaign_service.hpp"
#include "service/catalog_service.hpp"
#include "service/coordination_service.hpp"
#include "service/demo.hpp"
#include "service/enterprise_service.hpp"
#include "service/photo_service.hpp"
#include "service/project_service.hpp"
#include "service/report_service.hpp"
#include "support/demo_store.hpp"

namespace sanpi::testing {

// 2024-01-15 08:00 in Beijing: after every demo date, so "today" checks are deterministic.
inline constexpr store::Timestamp kHttpTestNow = 1705276800;
inline constexpr std::size_t kTestBodyLimit = 64 * 1024;
inline constexpr int kTestReadTimeoutSeconds = 2;

struct HttpEnv {
    explicit HttpEnv(Backend backend, std::string web_root = {});
    ~HttpEnv();

    std::unique_ptr<TestStore> db;
    service::FixedClock clock{kHttpTestNow};
    service::AuthService auth;
    service::CatalogService catalog;
    service::ProjectService projects;
    service::CampaignService campaigns;
    service::ReportService reports;
    service::CoordinationService coordination;
    service::AuditService audit;
    service::PhotoService photos;
    service::EnterpriseService enterprises;
    service::ProjectImportService imports;
    service::WarningService warnings;
    service::NoticeService notices;
    service::RankingService rankings;
    service::ChainService chains;
    service::DemoReport demo;
    std::unique_ptr<http::Server> server;
    std::uint16_t port = 0;
    std::map<std::string, std::string> tokens;  // bearer token per user, made on first use

private:
    HttpEnv(DemoStore seeded, std::string web_root);
};

HttpEnv& shared_env(Backend backend);

// id -> version of every project, to prove a refused request changed nothing.
using Snapshot = std::map<std::int64_t, std::int64_t>;

class HttpTest : public ::testing::TestWithParam<Backend> {
protected:
    HttpEnv& env() { return shared_env(GetParam()); }
    std::uint16_t port() { return env().port; }
    store::Store& store() { return *env().db->store; }

    // A client authenticated with a bearer token of the demo user `name`.
    std::unique_ptr<HttpClient> as(const std::string& name);
    std::unique_ptr<HttpClient> anonymous() { return std::make_unique<HttpClient>(port()); }

    Snapshot snapshot();
    std::vector<domain::Zone> all_zones();
    // A project id inside the zone, and one outside it.
    std::int64_t project_in_zone(std::int64_t zone_id);
    std::int64_t project_outside_zone(std::int64_t zone_id);
    domain::ProjectView read_project(std::int64_t id);
    std::int64_t demo_campaign_id() { return env().demo.campaign_id; }
};

}  // namespace sanpi::testing
