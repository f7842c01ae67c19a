// Before each round, untimed: the projects the clients need and the project table to commit.
#include <boost/json.hpp>
#include <cmath>

#include "crash/crash_load.hpp"

namespace sanpi::crash {

namespace json = boost::json;
using testing::HttpClient;
using testing::HttpResponse;

namespace {

constexpr std::string_view kCrashBoundary = "----sanpi-crash-boundary";

std::string project_text(const json::value& v) { return v.is_string() ? std::string(v.as_string()) : ""; }

// A reserve project named `name`; returns its answer (201 expected).
HttpResponse create_project(HttpClient& client, const Workload& w, const std::string& name) {
    return client.post("/api/v1/projects", json::object{{"name", name},
                                                        {"zone_id", w.zone_id},
                                                        {"industry", "new_energy"},
                                                        {"investor_ids", json::array{w.investor_id}},
                                                        {"total_investment", "12.5亿元"},
                                                        {"construction_content", name},
                                                        {"planned", {{"sign", "2024-03-01"}}}});
}

std::int64_t created_id(const HttpResponse& res, const std::string& name, Findings& out) {
    if (res.status != 201) {
        out.push_back("preparing " + name + ": " + std::to_string(res.status) + " " + res.body);
        return 0;
    }
    return res.json().at("id").as_int64();
}

// The project the report client files for: signed in 2005, so it may report every month since.
void new_reported_project(HttpClient& client, Workload& w, Findings& out) {
    const std::string name = w.name("r");
    auto res = create_project(client, w, name);
    const auto id = created_id(res, name, out);
    if (id == 0) return;
    auto signed_res =
        client.post("/api/v1/projects/" + std::to_string(id) + "/transitions",
                    json::object{{"to", "signed"}, {"date", "2005-01-10"}}, {{"If-Match", res.header("etag")}});
    if (signed_res.status != 200) {
        out.push_back("signing " + name + ": " + std::to_string(signed_res.status) + " " + signed_res.body);
        return;
    }
    w.reported = ReportedProject{};
    w.reported.id = id;
}

void upload_import(HttpClient& client, Workload& w, std::mt19937_64& rng, Findings& out) {
    CommittedImport i;
    // Eight random letters set every import's names far apart: numbered alone, a row of import 17
    // ("…-i-17-5") is one edit from a row of import 171 ("…-i-171-5"), and the preview rightly
    // offers it as a near-duplicate instead of a project to create.
    std::string letters(8, 'a');
    for (auto& c : letters) c = static_cast<char>('a' + std::uniform_int_distribution<int>(0, 25)(rng));
    i.prefix = w.name("i") + "-" + letters + "-";
    // Log-uniform: small tables, whose commit often finishes before the kill, as often as large
    // ones, whose commit the kill usually cuts off.
    const double u = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
    i.rows = static_cast<int>(w.import_min_rows * std::pow(double(w.import_max_rows) / w.import_min_rows, u));
    std::string csv = "项目名称,产业,总投资（万元）,计划开工\n";
    for (int row = 1; row <= i.rows; ++row) {
        csv += i.prefix + std::to_string(row) + ",新能源," + std::to_string(100 + row) + ",2027-09-01\n";
    }
    const std::string boundary(kCrashBoundary);
    std::string body = "--" + boundary +
                       "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"crash.csv\"\r\n"
                       "Content-Type: text/csv\r\n\r\n" +
                       csv + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"zone\"\r\n\r\n" +
                       w.import_zone_code + "\r\n--" + boundary + "--\r\n";
    auto res = client.request("POST", "/api/v1/imports", body,
                              {{"Content-Type", "multipart/form-data; boundary=" + boundary}});
    if (res.status != 201) {
        out.push_back("uploading " + i.prefix + ": " + std::to_string(res.status) + " " + res.body);
        return;
    }
    const auto preview = res.json();
    if (preview.at("counts").at("created").as_int64() != i.rows) {
        out.push_back("import " + i.prefix + " plans " + json::serialize(preview.at("counts")));
        return;
    }
    i.id = preview.at("id").as_int64();
    w.imports.push_back(i);
}

}  // namespace

bool discover(HttpClient& client, Workload& w, Findings& out) {
    auto projects = client.get("/api/v1/projects?page_size=1");
    auto zones = client.get("/api/v1/zones");
    if (projects.status != 200 || zones.status != 200) {
        out.push_back("listing projects and zones: " + std::to_string(projects.status) + ", " +
                      std::to_string(zones.status));
        return false;
    }
    const auto list = projects.json();
    const auto& sample = list.at("items").at(0);
    w.zone_id = sample.at("zone_id").as_int64();
    w.investor_id = sample.at("investor_ids").at(0).as_int64();
    const auto all = zones.json();
    for (const auto& zone : all.at("items").as_array()) {
        if (zone.at("id").as_int64() != w.zone_id) w.import_zone_code = project_text(zone.at("code"));
    }
    return !w.import_zone_code.empty();
}

void prepare_round(HttpClient& client, Workload& w, std::mt19937_64& rng, Findings& out) {
    while (w.edited.size() < 4 && out.empty()) {
        const std::string name = w.name("e");
        auto res = create_project(client, w, name);
        if (created_id(res, name, out) == 0) return;
        const auto p = res.json();
        w.edited.push_back({p.at("id").as_int64(), res.header("etag"), project_text(p.at("construction_content")),
                            project_text(p.at("total_investment")), std::nullopt});
    }
    std::size_t movable = 0;
    for (const auto& p : w.moved) movable += p.stage + 1 < kStages.size() ? 1 : 0;
    for (; movable < 5 && out.empty(); ++movable) {
        const std::string name = w.name("m");
        auto res = create_project(client, w, name);
        if (const auto id = created_id(res, name, out)) w.moved.push_back({id, res.header("etag"), 0, std::nullopt});
    }
    if (w.reported.id == 0 || w.reported.next_month > 200) new_reported_project(client, w, out);
    while (w.campaign_pool.size() < 6 && out.empty()) {
        const std::string name = w.name("c");
        if (const auto id = created_id(create_project(client, w, name), name, out)) w.campaign_pool.push_back(id);
    }
    if (out.empty()) upload_import(client, w, rng, out);
}

void check_round(HttpClient& client, Workload& w, Findings& out, Outcomes& seen) {
    check_edits(client, w.tag + "-e-", w.edited, out, seen);
    check_moves(client, w.tag + "-m-", w.moved, out, seen);
    check_reports(client, w.reported, out, seen);
    check_campaigns(client, w.tag + "-c-", w.campaigns, out, seen);
    check_imports(client, w.imports, out, seen);
}

}  // namespace sanpi::crash
