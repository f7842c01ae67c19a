// The shared HTTP test environment (see http_fixture.hpp) and checks of the environment itself.
#include <mutex>

#include "http_fixture.hpp"
#include "store/transact.hpp"

namespace sanpi::testing {

HttpEnv::HttpEnv(Backend backend, std::string web_root)
    : HttpEnv(make_demo_store(backend, service::FixedClock{kHttpTestNow}), std::move(web_root)) {}

HttpEnv::HttpEnv(DemoStore seeded, std::string web_root)
    : db(std::move(seeded.db)),
      auth(*db->store, clock),
      catalog(*db->store),
      projects(*db->store, clock),
      campaigns(*db->store, clock),
      reports(*db->store, clock),
      coordination(*db->store, clock),
      audit(*db->store),
      photos(*db->store, clock),
      enterprises(*db->store, clock),
      imports(*db->store, clock, projects, enterprises),
      warnings(*db->store, clock),
      notices(*db->store, clock),
      rankings(*db->store, clock),
      chains(*db->store, clock) {
    demo = seeded.demo;
    http::ServerConfig config;
    config.address = "127.0.0.1";
    config.port = 0;
    config.threads = 2;
    config.web_root = std::move(web_root);
    config.body_limit = kTestBodyLimit;
    config.read_timeout_seconds = kTestReadTimeoutSeconds;
    config.backend = std::string(db->store->backend());
    config.pool_use = [&s = *db->store] { return s.pool_use(); };
    server = std::make_unique<http::Server>(
        config, http::Services{auth, catalog, projects, campaigns, reports, coordination, audit, photos, enterprises,
                               imports, warnings, notices, rankings, chains});
    auto bound = server->start();
    if (!bound) throw std::runtime_error("server start: " + bound.error().message.en);
    port = *bound;
}

HttpEnv::~HttpEnv() {
    if (server) server->stop();
}

namespace {

std::mutex env_mutex;
std::map<Backend, std::unique_ptr<HttpEnv>> envs;

// Servers stop before static destructors run, while logging and the store still exist.
class StopServers : public ::testing::Environment {
public:
    void TearDown() override {
        std::lock_guard lock(env_mutex);
        envs.clear();
    }
};

const auto* const kStopServers = ::testing::AddGlobalTestEnvironment(new StopServers);

}  // namespace

HttpEnv& shared_env(Backend backend) {
    std::lock_guard lock(env_mutex);
    auto& env = envs[backend];
    if (!env) env = std::make_unique<HttpEnv>(backend);
    return *env;
}

std::unique_ptr<HttpClient> HttpTest::as(const std::string& name) {
    auto& token = env().tokens[name];
    if (token.empty()) {
        auto made = env().auth.create_api_token(name, "http test");
        EXPECT_TRUE(made) << "no demo user " << name;
        if (made) token = *made;
    }
    auto client = std::make_unique<HttpClient>(port());
    client->set_header("Authorization", "Bearer " + token);
    return client;
}

Snapshot HttpTest::snapshot() {
    Snapshot out;
    store::ProjectQuery q;
    q.limit = 500;  // the store may cap a page; walk them all
    for (;; q.offset += q.limit) {
        auto page = store::read_value<store::Page<domain::ProjectView>>(
            store(), [&](store::Tx& tx) { return tx.list_projects(store::Scope::all(), q); });
        EXPECT_TRUE(page);
        if (!page || page->items.empty()) break;
        for (const auto& v : page->items) out[v.project.id] = v.project.version;
    }
    return out;
}

std::vector<domain::Zone> HttpTest::all_zones() {
    auto zones = store::read_value<std::vector<domain::Zone>>(
        store(), [](store::Tx& tx) { return tx.list_zones(store::Scope::all()); });
    EXPECT_TRUE(zones && !zones->empty());
    return zones ? *zones : std::vector<domain::Zone>{};
}

std::int64_t HttpTest::project_in_zone(std::int64_t zone_id) {
    store::ProjectQuery q;
    q.zone_id = zone_id;
    q.limit = 1;
    auto page = store::read_value<store::Page<domain::ProjectView>>(
        store(), [&](store::Tx& tx) { return tx.list_projects(store::Scope::all(), q); });
    EXPECT_TRUE(page && !page->items.empty()) << "no project in zone " << zone_id;
    return page && !page->items.empty() ? page->items.front().project.id : 0;
}

std::int64_t HttpTest::project_outside_zone(std::int64_t zone_id) {
    for (const auto& z : all_zones()) {
        if (z.id != zone_id) return project_in_zone(z.id);
    }
    return 0;
}

domain::ProjectView HttpTest::read_project(std::int64_t id) {
    auto view = store::read_value<std::optional<domain::ProjectView>>(
        store(), [&](store::Tx& tx) { return tx.get_project(store::Scope::all(), id); });
    EXPECT_TRUE(view && *view) << "project " << id;
    return view && *view ? **view : domain::ProjectView{};
}

namespace {

class HttpEnvTest : public HttpTest {};

TEST_P(HttpEnvTest, HealthzIsPublicAndReportsOk) {
    auto res = anonymous()->get("/healthz");
    EXPECT_EQ(res.status, 200);
    EXPECT_EQ(res.json(), boost::json::parse(R"({"status":"ok"})"));
    EXPECT_EQ(res.header("x-request-id").size(), 16u);
}

TEST_P(HttpEnvTest, RequestIdsDiffer) {
    auto client = anonymous();
    EXPECT_NE(client->get("/healthz").header("x-request-id"), client->get("/healthz").header("x-request-id"));
}

INSTANTIATE_TEST_SUITE_P(Backends, HttpEnvTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
