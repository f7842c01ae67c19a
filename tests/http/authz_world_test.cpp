// The authorization matrix's world (authz_fixture.hpp): built through the API as the demo's
// accounts would, plus the credentials that must fail. A check that every target was found.
#include <mutex>
#include <stdexcept>

#include "authz_fixture.hpp"
#include "photo_fixture.hpp"
#include "project_builders.hpp"
#include "service/demo.hpp"
#include "service/demo_catalog.hpp"
#include "store/checksum.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

std::string authz_bearer_of(HttpEnv& env, const std::string& user) {
    auto& token = env.tokens[user];
    if (token.empty()) {
        auto made = env.auth.create_api_token(user, "authz matrix");
        if (!made) throw std::runtime_error("no token for " + user + ": " + made.error().message.en);
        token = *made;
    }
    return "Bearer " + token;
}

json::value authz_get_json(HttpClient& client, const std::string& target) {
    auto res = client.get(target);
    if (res.status != 200) throw std::runtime_error("authz world: GET " + target + " -> " + std::to_string(res.status));
    return res.json();
}

std::string authz_first_id(const json::value& list, const char* field = "id") {
    const auto& items = list.at("items").as_array();
    return items.empty() ? std::string("999999") : std::to_string(items.front().at(field).as_int64());
}

std::string authz_city_slug(std::string_view code) {
    for (const auto& c : service::demo::shanxi_cities()) {
        if (c.code == code) return std::string(c.slug);
    }
    throw std::runtime_error("authz world: no demo city " + std::string(code));
}

// The home zone: the zone of the first report with a photo, so that every kind of object exists in it.
struct AuthzHome {
    domain::Zone zone;
    std::string report;
    std::string photo;
};

AuthzHome authz_find_home(HttpEnv& env, HttpClient& province) {
    const auto reports = authz_get_json(province, "/api/v1/reports?page_size=100");
    for (const auto& r : reports.at("items").as_array()) {
        const auto id = std::to_string(r.at("id").as_int64());
        const auto photos = authz_get_json(province, "/api/v1/reports/" + id + "/photos");
        if (photos.at("items").as_array().empty()) continue;
        auto zones = store::read_value<std::vector<domain::Zone>>(
            *env.db->store, [](store::Tx& tx) { return tx.list_zones(store::Scope::all()); });
        for (const auto& z : *zones) {
            if (z.id == r.at("zone_id").as_int64()) return {z, id, authz_first_id(photos)};
        }
    }
    throw std::runtime_error("authz world: no report with a photo in the demo");
}

domain::Zone authz_zone_of_other_city(HttpEnv& env, const domain::Zone& home) {
    auto zones = store::read_value<std::vector<domain::Zone>>(
        *env.db->store, [](store::Tx& tx) { return tx.list_zones(store::Scope::all()); });
    for (const auto& z : *zones) {
        if (z.region.city() != home.region.city()) return z;
    }
    throw std::runtime_error("authz world: one city only");
}

std::string authz_cookie_of(const std::string& session_token) {
    return std::string(http::kSessionCookie) + "=" + session_token;
}

void authz_add_credentials(HttpEnv& env, AuthzWorld& w, const domain::Zone& home, const domain::Zone& other) {
    const std::string city_in = authz_city_slug(home.region.city().str());
    const std::string city_out_code(other.region.city().str());
    const std::string city_out = authz_city_slug(city_out_code);
    const std::string viewer_out = "authz-viewer-" + city_out;
    auto users = env.auth.all_users();
    const bool exists =
        users && std::any_of(users->begin(), users->end(), [&](const auto& u) { return u.name == viewer_out; });
    if (!exists && !env.auth.add_user(viewer_out, domain::Role::kViewer, city_out_code, "authz-matrix-viewer-9")) {
        throw std::runtime_error("authz world: cannot add " + viewer_out);
    }
    const std::pair<Who, std::string> bearers[] = {
        {Who::kProvince, "province"}, {Who::kCityIn, city_in},       {Who::kCityOut, city_out},
        {Who::kZoneIn, home.slug},    {Who::kZoneOut, other.slug},   {Who::kSupervisor, "supervisor"},
        {Who::kViewer, "viewer"},     {Who::kViewerOut, viewer_out},
    };
    for (const auto& [who, user] : bearers) {
        w.credentials[static_cast<std::size_t>(who)] = {{"Authorization", authz_bearer_of(env, user)}};
    }
    auto session = env.auth.login("province", service::kDemoPassword);
    if (!session) throw std::runtime_error("authz world: province cannot log in");
    w.credentials[static_cast<std::size_t>(Who::kNoCsrf)] = {{"Cookie", authz_cookie_of(session->session_token)}};
    auto revoked = env.auth.create_api_token("province", "authz matrix, revoked");
    if (!revoked || !env.auth.revoke_api_token(*revoked)) throw std::runtime_error("authz world: cannot revoke");
    w.credentials[static_cast<std::size_t>(Who::kRevoked)] = {{"Authorization", "Bearer " + *revoked}};
    // A session opened two days before the test's "now": past its absolute lifetime.
    service::FixedClock past{kHttpTestNow - 2 * 24 * 3600};
    service::AuthService old_auth(*env.db->store, past);
    auto old = old_auth.login("province", service::kDemoPassword);
    if (!old) throw std::runtime_error("authz world: no past session");
    w.credentials[static_cast<std::size_t>(Who::kExpired)] = {{"Cookie", authz_cookie_of(old->session_token)}};
}

// A planned campaign of the matrix's own (the demo's is held: its entries are locked for every
// caller alike, which would hide the scope checks behind a 409), with an entry of the home zone.
void authz_add_campaign(AuthzWorld& w, HttpClient& province, HttpClient& zone) {
    auto campaign = province.post("/api/v1/campaigns", {{"name", "授权矩阵活动"}, {"date", "2024-03-01"}});
    if (campaign.status != 201) throw std::runtime_error("authz world: campaign " + campaign.body);
    w.ids["campaign"] = std::to_string(campaign.json().at("id").as_int64());
    const auto projects = authz_get_json(province, "/api/v1/projects?page_size=50&zone=" + w.ids["zone"]);
    for (const auto& p : projects.at("items").as_array()) {
        for (const char* batch : {"sign", "start", "produce"}) {
            const auto id = p.at("id").as_int64();
            auto entry = zone.post("/api/v1/campaigns/" + w.ids["campaign"] + "/entries",
                                   {{"project_id", id}, {"batch", batch}});
            if (entry.status != 201) continue;
            w.ids["entry_project"] = std::to_string(id);
            w.ids["batch"] = batch;
            return;
        }
    }
    throw std::runtime_error("authz world: no project of the home zone can enter a campaign");
}

// A notice about the home zone's project, issued by the supervisor.
void authz_add_notice(AuthzWorld& w, HttpEnv& env) {
    HttpClient supervisor(env.port);
    supervisor.set_header("Authorization", authz_bearer_of(env, "supervisor"));
    auto notice = supervisor.post("/api/v1/notices", {{"target", "project"},
                                                      {"target_id", std::stoll(w.ids["project"])},
                                                      {"problem", "授权矩阵"},
                                                      {"action_requested", "核实"},
                                                      {"deadline", "2024-03-01"}});
    if (notice.status != 201) throw std::runtime_error("authz world: notice " + notice.body);
    w.ids["notice"] = std::to_string(notice.json().at("id").as_int64());
}

// A pause of another project of the home zone: evidence photos hang on a pause or a restart,
// and the demo records none.
void authz_add_pause(AuthzWorld& w, const json::value& projects, HttpClient& zone) {
    for (const auto& p : projects.at("items").as_array()) {
        const std::string id = std::to_string(p.at("id").as_int64());
        if (id == w.ids["project"] || p.at("status").as_string() != "active") continue;
        const std::string path = "/api/v1/projects/" + id;
        const std::string etag = zone.get(path).header("etag");
        auto paused =
            zone.post(path + "/transitions", {{"to", "suspended"}, {"date", "2024-01-10"}, {"reason", "授权矩阵"}},
                      {{"If-Match", etag}});
        if (paused.status != 200) continue;
        w.ids["change_project"] = id;
        w.ids["change"] = authz_first_id(authz_get_json(zone, path + "/history"));
        return;
    }
    throw std::runtime_error("authz world: no project of the home zone could be paused");
}

// One object of every kind in the home zone, found or made through the API.
void authz_add_ids(HttpEnv& env, AuthzWorld& w, const AuthzHome& home, HttpClient& province, HttpClient& zone) {
    const std::string z = std::to_string(home.zone.id);
    w.ids["zone"] = z;
    w.ids["report"] = home.report;
    w.ids["photo"] = home.photo;
    const auto projects = authz_get_json(province, "/api/v1/projects?page_size=50&zone=" + z);
    w.ids["project"] = authz_first_id(projects);
    w.ids["investor"] = std::to_string(projects.at("items").at(0).at("investor_ids").at(0).as_int64());
    authz_add_pause(w, projects, zone);
    w.ids["item"] = authz_first_id(authz_get_json(province, "/api/v1/coordination-items?page_size=1&zone=" + z));
    authz_add_campaign(w, province, zone);
    authz_add_notice(w, env);
    // The demo records three known suppliers for the owners of each chain that has owners; the
    // world's chain is the first of those, so every chain route has a real target.
    const auto chains = authz_get_json(province, "/api/v1/chains");
    for (const auto& chain : chains.at("items").as_array()) {
        const auto id = std::to_string(chain.at("id").as_int64());
        const auto suppliers = authz_get_json(province, "/api/v1/chains/" + id + "/suppliers");
        if (suppliers.at("items").as_array().empty()) continue;
        w.ids["chain"] = id;
        w.ids["supplier"] = authz_first_id(suppliers);
        w.ids["owner"] = std::to_string(suppliers.at("items").at(0).at("owner").at("id").as_int64());
        break;
    }
    if (w.ids["chain"].empty()) throw std::runtime_error("authz world: no demo chain has known suppliers");
    const auto tree = authz_get_json(province, "/api/v1/chains/" + w.ids["chain"]);
    w.ids["node"] = std::to_string(tree.at("nodes").at(0).at("id").as_int64());
    w.ids["enterprise"] = w.ids["investor"];
    auto investor = store::read_value<std::optional<domain::Enterprise>>(
        *env.db->store, [&](store::Tx& tx) { return tx.get_enterprise(std::stoll(w.ids["investor"])); });
    w.ids["credit_code"] = investor && *investor ? (*investor)->credit_code.str() : "";
    const auto users =
        authz_get_json(province, "/api/v1/users");  // kept: a range-for over a temporary's member dangles
    for (const auto& u : users.at("items").as_array()) {
        if (u.at("name").as_string() == home.zone.slug) w.ids["user"] = std::to_string(u.at("id").as_int64());
    }
    auto token = zone.post("/api/v1/tokens", {{"label", "authz matrix target"}, {"days", 30}});
    w.ids["token"] = token.status == 201 ? std::string(token.json().at("id").as_string()) : "0";
    const std::string csv = "项目名称,产业,总投资（万元）,计划开工\n授权矩阵导入项目,新能源,800,2024-09-01\n";
    auto import = zone.request("POST", "/api/v1/imports", authz_multipart(csv, "projects"), authz_multipart_headers());
    w.ids["import"] = import.status == 201 ? std::to_string(import.json().at("id").as_int64()) : "999999";
}

// The PUT routes take back what their GET gives: a body that parses, so that only the caller decides.
void authz_add_bodies(AuthzWorld& w, HttpClient& province) {
    for (const char* path : {"/api/v1/warning-rules", "/api/v1/escalation-ladder", "/api/v1/ranking-weights"}) {
        auto current = authz_get_json(province, path).as_object();
        for (const char* read_only : {"version", "created_by", "created_at"}) current.erase(read_only);
        w.bodies[std::string("PUT ") + path] = json::serialize(current);
    }
}

AuthzWorld authz_build_world(HttpEnv& env) {
    AuthzWorld w;
    HttpClient province(env.port);
    province.set_header("Authorization", authz_bearer_of(env, "province"));
    const AuthzHome home = authz_find_home(env, province);
    w.zone_code = home.zone.code;
    authz_add_credentials(env, w, home.zone, authz_zone_of_other_city(env, home.zone));
    HttpClient zone(env.port);
    zone.set_header("Authorization", authz_bearer_of(env, home.zone.slug));
    authz_add_ids(env, w, home, province, zone);
    authz_add_bodies(w, province);
    return w;
}

std::string authz_fill(std::string text, const AuthzWorld& w, int seq) {
    auto replace = [&text](const std::string& from, const std::string& to) {
        for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
            text.replace(at, from.size(), to);
        }
    };
    replace("{SEQ}", std::to_string(seq));
    replace("{ZONE_CODE}", w.zone_code);
    for (const auto& [name, value] : w.ids) replace("{" + name + "}", value);
    return text;
}

// The object family of a path's {id}, by its prefix.
std::string authz_family_of(std::string_view pattern) {
    static const std::pair<std::string_view, std::string_view> kFamilies[] = {
        {"/api/v1/campaigns/", "campaign"}, {"/api/v1/reports/", "report"}, {"/api/v1/coordination-items/", "item"},
        {"/api/v1/notices/", "notice"},     {"/api/v1/chains/", "chain"},   {"/api/v1/photos/", "photo"},
        {"/api/v1/imports/", "import"},     {"/api/v1/users/", "user"},     {"/api/v1/tokens/", "token"},
    };
    for (const auto& [prefix, family] : kFamilies) {
        if (pattern.starts_with(prefix)) return std::string(family);
    }
    return "project";
}

std::string authz_target_of(std::string_view pattern) {
    std::string out(pattern);
    auto replace = [&out](const std::string& from, const std::string& to) {
        if (auto at = out.find(from); at != std::string::npos) out.replace(at, from.size(), to);
    };
    replace("{id}/history/{change_id}", "{change_project}/history/{change}");
    replace("{id}", "{" + authz_family_of(pattern) + "}");
    replace("{project_id}", "{entry_project}");
    replace("{node_id}", "{node}");
    replace("{supplier_id}", "{supplier}");
    replace("{enterprise_id}", "{enterprise}");
    replace("{change_id}", "{change}");
    static const std::map<std::string_view, std::string_view> kQueries = {
        {"/api/v1/enterprises", "?credit_code={credit_code}"},
        {"/api/v1/imports/template.xlsx", "?kind=projects"},
        // Exports narrowed to the home zone: the whole province's workbook takes seconds.
        {"/api/v1/reports/export.xlsx", "?zone={zone}"},
        {"/api/v1/projects/export.xlsx", "?zone={zone}"},
        {"/api/v1/coordination-items/export.xlsx", "?zone={zone}"},
        {"/api/v1/reports/missing", "?month=2022-07"},
        {"/api/v1/rankings", "?period=2022Q2"},
        {"/api/v1/rankings/export.xlsx", "?period=2022Q2"},
        {"/api/v1/chains/import", "?dry_run=true"},
    };
    if (auto q = kQueries.find(pattern); q != kQueries.end()) out += q->second;
    return out;
}

// Bodies of the write routes: each parses, so that the answer depends on who asks.
const std::map<std::string, std::string>& authz_json_bodies() {
    static const std::map<std::string, std::string> kBodies = {
        {"POST /api/v1/session", R"({"username":"viewer","password":"sanpi-demo-2022"})"},
        {"POST /api/v1/session/password",
         R"({"current_password":"not-the-password-1","new_password":"authz-matrix-new-9"})"},
        {"POST /api/v1/users", R"({"name":"authz-made-{SEQ}","role":"zone","scope":"{ZONE_CODE}"})"},
        {"PATCH /api/v1/users/{id}", R"({"display_name":"授权矩阵"})"},
        {"POST /api/v1/tokens", R"({"label":"authz {SEQ}","days":1})"},
        {"POST /api/v1/campaigns", R"({"name":"授权矩阵活动{SEQ}","date":"2024-03-01"})"},
        {"PATCH /api/v1/campaigns/{id}", R"({"name":"授权矩阵"})"},
        {"POST /api/v1/campaigns/{id}/entries", R"({"project_id":{project},"batch":"sign"})"},
        {"POST /api/v1/campaigns/{id}/entries/{project_id}/{batch}/withdraw", R"({"reason":"授权矩阵"})"},
        {"POST /api/v1/enterprises", R"({"name":"授权矩阵企业{SEQ}","credit_code":"{credit_code}"})"},
        {"POST /api/v1/chains", R"({"name":"授权矩阵链{SEQ}","industry":"new_energy"})"},
        {"PATCH /api/v1/chains/{id}", R"({"name":"授权矩阵链"})"},
        {"POST /api/v1/chains/{id}/nodes", R"({"name":"授权矩阵节点{SEQ}","segment":"upstream"})"},
        {"PATCH /api/v1/chains/{id}/nodes/{node_id}", R"({"name":"授权矩阵节点"})"},
        {"POST /api/v1/chains/{id}/suppliers",
         R"({"owner_id":{owner},"node_id":{node},"name":"授权矩阵供应商{SEQ}","region":"320500"})"},
        {"PATCH /api/v1/chains/{id}/suppliers/{supplier_id}", R"({"name":"授权矩阵供应商"})"},
        {"POST /api/v1/projects/{id}/coordination-items",
         R"({"category":"land","description":"授权矩阵","level":"zone","responsible_department":"自然资源局","deadline":"2024-03-01"})"},
        {"PATCH /api/v1/coordination-items/{id}", R"({"resolution":"授权矩阵"})"},
        {"POST /api/v1/notices",
         R"({"target":"project","target_id":{project},"problem":"授权矩阵","action_requested":"核实","deadline":"2024-03-01"})"},
        {"POST /api/v1/notices/{id}/respond", R"({"response":"授权矩阵"})"},
        {"POST /api/v1/notices/{id}/comment", R"({"comment":"授权矩阵"})"},
        {"POST /api/v1/notices/{id}/close", R"({"note":"授权矩阵"})"},
        {"POST /api/v1/notices/{id}/reopen", R"({"reason":"授权矩阵"})"},
        {"PATCH /api/v1/projects/{id}", R"({"name":"授权矩阵项目"})"},
        {"POST /api/v1/projects/{id}/transitions", R"({"to":"suspended","date":"2024-01-10","reason":"授权矩阵"})"},
        {"POST /api/v1/projects/{id}/reports", R"({"month":"2023-12","investment_completed":"100万元"})"},
        {"PATCH /api/v1/reports/{id}", R"({"progress_text":"授权矩阵"})"},
        {"POST /api/v1/reports/{id}/return", R"({"reason":"授权矩阵"})"},
    };
    return kBodies;
}

std::mutex world_mutex;
std::map<HttpEnv*, std::unique_ptr<AuthzWorld>> worlds;
std::map<Backend, std::unique_ptr<HttpEnv>> authz_envs;

// Servers stop before static destructors run, while logging and the store still exist.
class StopAuthzServers : public ::testing::Environment {
public:
    void TearDown() override {
        std::lock_guard lock(world_mutex);
        worlds.clear();
        authz_envs.clear();
    }
};

const auto* const kStopAuthzServers = ::testing::AddGlobalTestEnvironment(new StopAuthzServers);

}  // namespace

std::string authz_multipart(const std::string& csv, const std::string& kind) {
    std::string body =
        "--authz-boundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
        "Content-Type: text/csv\r\n\r\n" +
        csv + "\r\n";
    if (!kind.empty()) {
        body += "--authz-boundary\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n";
    }
    return body + "--authz-boundary--\r\n";
}

HeaderList authz_multipart_headers() { return {{"Content-Type", "multipart/form-data; boundary=authz-boundary"}}; }

Recipe recipe_for(const http::RouteInfo& route, const AuthzWorld& w, int seq) {
    const std::string key = route.method + " " + route.pattern;
    Recipe r{authz_fill(authz_target_of(route.pattern), w, seq), {}, {}};
    if (route.method == "GET") return r;
    r.headers.emplace_back("If-Match", "\"999999\"");
    if (auto body = authz_json_bodies().find(key); body != authz_json_bodies().end()) {
        r.body = authz_fill(body->second, w, seq);
        r.headers.emplace_back("Content-Type", "application/json");
    } else if (auto put = w.bodies.find(key); put != w.bodies.end()) {
        r.body = put->second;
        r.headers.emplace_back("Content-Type", "application/json");
    } else if (key == "POST /api/v1/projects") {
        r.body = json::serialize(make_project_body(std::stoll(w.ids.at("zone")), std::stoll(w.ids.at("investor"))));
        r.headers.emplace_back("Content-Type", "application/json");
    } else if (key == "POST /api/v1/imports") {
        r.body = authz_multipart(
            "项目名称,产业,总投资（万元）,计划开工\n授权矩阵" + std::to_string(seq) + ",新能源,800,2024-09-01\n",
            "projects");
        for (auto& h : authz_multipart_headers()) r.headers.push_back(h);
    } else if (key == "POST /api/v1/chains/import") {
        r.body = authz_multipart("产业链,环节,节点\n", "");
        for (auto& h : authz_multipart_headers()) r.headers.push_back(h);
    } else if (key.ends_with("/photos")) {
        r.body = jpeg(64, 48);
        r.headers.emplace_back("Content-Type", "image/jpeg");
    }
    return r;
}

// Every data table but those that authenticating itself writes (sessions seen, tokens used).
std::string database_fingerprint(store::Store& s) {
    auto sums = store::table_checksums(s);
    EXPECT_TRUE(sums);
    std::string out;
    if (!sums) return out;
    for (const auto& t : *sums) {
        if (t.table == "sessions" || t.table == "api_tokens" || t.table == "login_attempts") continue;
        out += t.table + ":" + std::to_string(t.rows) + ":" + t.digest + "\n";
    }
    return out;
}

HttpEnv& authz_env(Backend backend) {
    std::lock_guard lock(world_mutex);
    auto& env = authz_envs[backend];
    if (!env) env = std::make_unique<HttpEnv>(backend);
    return *env;
}

const AuthzWorld& authz_world(HttpEnv& env) {
    std::lock_guard lock(world_mutex);
    auto& w = worlds[&env];
    if (!w) w = std::make_unique<AuthzWorld>(authz_build_world(env));
    return *w;
}

namespace {

class AuthzWorldTest : public AuthzTest {};

TEST_P(AuthzWorldTest, EveryTargetExistsAndEveryBrokenCredentialFails) {
    const auto& w = world();
    for (const char* kind : {"project", "report", "photo", "item", "notice", "chain", "node", "user", "import",
                             "entry_project", "change"}) {
        ASSERT_TRUE(w.ids.contains(kind)) << kind;
        EXPECT_NE(w.ids.at(kind), "999999") << "no " << kind << " in the home zone";
    }
    EXPECT_NE(w.ids.at("token"), "0");
    HttpClient client(port());
    for (auto who : {Who::kRevoked, Who::kExpired}) {
        EXPECT_EQ(client.get("/api/v1/session", w.credentials[static_cast<std::size_t>(who)]).status, 401)
            << kWhoNames[static_cast<std::size_t>(who)];
    }
    EXPECT_EQ(client.get("/api/v1/session", w.credentials[static_cast<std::size_t>(Who::kNoCsrf)]).status, 200);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuthzWorldTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
