// The authorization matrix (issue 12, "Proof"): every route of the router's table, asked by
// every role in and out of the target's scope and with credentials that must fail, against the
// status written down in kMatrix. A route of the table without a row fails the test, and so
// does a row without a route. Every denied request is checked to have changed nothing: the audit
// chain's head after each one, and every data table's checksum over the whole denied phase.
//
// Cells: a number is the exact status; "ok" means the caller was let in: 2xx, or a refusal
// about the body or the object's state (400, 409, 412, 422) that comes after the check of who
// asks; "ok*" on rows that remove their target: let in, or 404 once an earlier cell removed it. Writes are sent with a
// stale If-Match where the route reads one, so that most allowed writes stop at 412 and the data stays as the demo made
// it; the others may write (creating a project, confirming an entry), which is why allowed cells run after every denied
// one.
#include <algorithm>
#include <set>

#include "authz_fixture.hpp"
#include "http/app.hpp"
#include "photo_fixture.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

struct MatrixRow {
    std::string_view method;
    std::string_view pattern;
    // province city_in city_out zone_in zone_out supervisor viewer viewer_out | anonymous
    // cookie_no_csrf revoked_token expired_session
    std::string_view cells;
};

// clang-format off
constexpr MatrixRow kMatrix[] = {
    // Columns: province city_in city_out zone_in zone_out supervisor viewer viewer_out |
    //          anonymous cookie_no_csrf revoked_token expired_session
    {"GET", "/healthz", "200 200 200 200 200 200 200 200 | 200 200 200 200"},
    {"GET", "/api/v1/regions", "200 200 200 200 200 200 200 200 | 401 200 401 401"},
    {"GET", "/api/v1/zones", "200 200 200 200 200 200 200 200 | 401 200 401 401"},
    {"GET", "/api/v1/industries", "200 200 200 200 200 200 200 200 | 401 200 401 401"},
    {"GET", "/api/v1/enterprises", "200 200 200 200 200 200 200 200 | 401 200 401 401"},
    {"POST", "/api/v1/enterprises", "ok 403 403 ok ok 403 403 403 | 401 403 401 401"},
    {"POST", "/api/v1/session", " ok  ok  ok  ok  ok  ok  ok  ok |  ok  ok  ok  ok"},
    {"GET", "/api/v1/session", "200 200 200 200 200 200 200 200 | 401 200 401 401"},
    {"DELETE", "/api/v1/session", " ok  ok  ok  ok  ok  ok  ok  ok | 401 403 401 401"},
    {"POST", "/api/v1/session/password", "422 422 422 422 422 422 422 422 | 401 403 401 401"},
    {"GET", "/api/v1/users", "200 200 200 403 403 403 403 403 | 401 200 401 401"},
    {"POST", "/api/v1/users", " ok  ok 403 403 403 403 403 403 | 401 403 401 401"},
    {"PATCH", "/api/v1/users/{id}", "ok ok 404 403 403 403 403 403 | 401 403 401 401"},
    {"GET", "/api/v1/tokens", "200 200 200 200 200 200 200 200 | 401 200 401 401"},
    {"POST", "/api/v1/tokens", " ok  ok  ok  ok  ok  ok  ok  ok | 401 403 401 401"},
    {"DELETE", "/api/v1/tokens/{id}", "404 404 404  ok 404 404 404 404 | 401 403 401 401"},
    {"GET", "/api/v1/projects", "200 200 200 200 200 200 200 200 | 401 200 401 401"},
    {"GET", "/api/v1/projects/export.xlsx", "200 200 200 200 200 200 200 200 | 401 200 401 401"},
    {"POST", "/api/v1/projects", " ok 403 403  ok 422 403 403 403 | 401 403 401 401"},
    {"GET", "/api/v1/projects/{id}", "200 200 404 200 404 200 200 404 | 401 200 401 401"},
    {"PATCH", "/api/v1/projects/{id}", "ok 403 403 ok 404 403 403 403 | 401 403 401 401"},
    {"POST", "/api/v1/projects/{id}/transitions", "ok 403 403 ok 404 403 403 403 | 401 403 401 401"},
    {"GET", "/api/v1/projects/{id}/history", "200 200 404 200 404 200 200 404 | 401 200 401 401"},
    {"GET", "/api/v1/campaigns", "200 200 200 200 200 200 200 200 | 401 200 401 401"},
    {"GET", "/api/v1/campaigns/{id}/summary", "200 200 200 200 200 200 200 200 | 401 200 401 401"},
    {"GET", "/api/v1/campaigns/{id}/summary.xlsx", "200 200 200 200 200 200 200 200 | 401 200 401 401"},
    {"GET", "/api/v1/campaigns/{id}/entries", "200 200 200 200 200 200 200 200 | 401 200 401 401"},
    {"GET", "/api/v1/campaigns/{id}/entries/export.xlsx", "200 200 200 200 200 200 200 200 | 401 200 401 401"},
    {"GET", "/api/v1/campaigns/{id}/bulletin", "200 200 200 200 200 200 200 200 | 401 200 401 401"},
    {"GET", "/api/v1/dashboard", "200 200 200 200 200 200 200 200 | 401 200 401 401"},
    {"POST", "/api/v1/campaigns", " ok 403 403 403 403 403 403 403 | 401 403 401 401"},
    {"GET", "/api/v1/campaigns/{id}", "200 200 200 200 200 200 200 200 | 401 200 401 401"},
    {"PATCH", "/api/v1/campaigns/{id}", "ok 403 403 403 403 403 403 403 | 401 403 401 401"},
    {"POST", "/api/v1/campaigns/{id}/hold", "ok 403 403 403 403 403 403 403 | 401 403 401 401"},
    {"POST", "/api/v1/campaigns/{id}/close", "ok 403 403 403 403 403 403 403 | 401 403 401 401"},
    {"POST", "/api/v1/campaigns/{id}/entries", "ok ok 404 ok 404 403 403 403 | 401 403 401 401"},
    {"POST", "/api/v1/campaigns/{id}/entries/{project_id}/{batch}/confirm",
     " ok ok 404 403 403 403 403 403 | 401 403 401 401"},
    {"POST", "/api/v1/campaigns/{id}/entries/{project_id}/{batch}/withdraw",
     "422 403 403 403 403 403 403 403 | 401 403 401 401"},
    {"DELETE", "/api/v1/campaigns/{id}/entries/{project_id}/{batch}",
     " ok ok* 404 ok* 404 403 403 403 | 401 403 401 401"},
    {"GET", "/api/v1/campaigns/{id}/changes", "409 409 409 409 409 409 409 409 | 401 409 401 401"},
    {"GET", "/api/v1/projects/{id}/reports", "200 200 404 200 404 200 200 404 | 401 200 401 401"},
    {"POST", "/api/v1/projects/{id}/reports", "422 403 403 422 404 403 403 403 | 401 403 401 401"},
    {"GET", "/api/v1/reports", "200 200 200 200 200 200 200 200 | 401 200 401 401"},
    {"GET", "/api/v1/reports/missing", "200 200 200 200 200 200 200 200 | 401 200 401 401"},
    {"GET", "/api/v1/reports/export.xlsx", "200 200 200 200 200 200 200 200 | 401 200 401 401"},
    {"GET", "/api/v1/reports/{id}", "200 200 404 200 404 200 200 404 | 401 200 401 401"},
    {"PATCH", "/api/v1/reports/{id}", "ok 403 403 ok 404 403 403 403 | 401 403 401 401"},
    {"POST", "/api/v1/reports/{id}/submit", "ok 403 403 ok 404 403 403 403 | 401 403 401 401"},
    {"POST", "/api/v1/reports/{id}/approve", "ok ok 404 403 403 403 403 403 | 401 403 401 401"},
    {"POST", "/api/v1/reports/{id}/return", "ok ok 404 403 403 403 403 403 | 401 403 401 401"},
    {"GET", "/api/v1/projects/{id}/coordination-items", "200 200 404 200 404 200 200 404 | 401 200 401 401"},
    {"POST", "/api/v1/projects/{id}/coordination-items", " ok  ok 404  ok 404 403 403 403 | 401 403 401 401"},
    {"GET", "/api/v1/coordination-items", "200 200 200 200 200 200 200 200 | 401 200 401 401"},
    {"GET", "/api/v1/coordination-items/export.xlsx", "200 200 200 200 200 200 200 200 | 401 200 401 401"},
    {"GET", "/api/v1/coordination-items/{id}", "200 200 404 200 404 200 200 404 | 401 200 401 401"},
    {"PATCH", "/api/v1/coordination-items/{id}", "ok ok 404 ok 404 403 403 403 | 401 403 401 401"},
    {"GET", "/api/v1/audit", "200 403 403 403 403 200 403 403 | 401 200 401 401"},
    {"GET", "/api/v1/projects/{id}/audit", "200 200 404 200 404 200 200 404 | 401 200 401 401"},
    {"POST", "/api/v1/reports/{id}/photos", "ok 403 403 ok 404 403 403 403 | 401 403 401 401"},
    {"GET", "/api/v1/reports/{id}/photos", "200 200 404 200 404 200 200 404 | 401 200 401 401"},
    {"POST", "/api/v1/projects/{id}/history/{change_id}/photos", " ok 403 403  ok 404 403 403 403 | 401 403 401 401"},
    {"GET", "/api/v1/photos/{id}", "200 200 404 200 404 200 200 404 | 401 200 401 401"},
    {"GET", "/api/v1/photos/{id}/thumbnail", "200 200 404 200 404 200 200 404 | 401 200 401 401"},
    {"DELETE", "/api/v1/photos/{id}", "ok 403 404 ok 404 403 403 404 | 401 403 401 401"},
    {"GET", "/api/v1/imports/template.xlsx", "200 200 200 200 200 200 200 200 | 401 200 401 401"},
    {"POST", "/api/v1/imports", " ok 403 403  ok  ok 403 403 403 | 401 403 401 401"},
    {"GET", "/api/v1/imports/{id}", "404 404 404 200 404 404 404 404 | 401 404 401 401"},
    {"GET", "/api/v1/imports/{id}/rejected.xlsx", "404 404 404 200 404 404 404 404 | 401 404 401 401"},
    {"POST", "/api/v1/imports/{id}/commit", "404 403 403  ok 404 403 403 403 | 401 403 401 401"},
    {"GET", "/api/v1/warning-rules", "200 200 200 200 200 200 200 200 | 401 200 401 401"},
    {"PUT", "/api/v1/warning-rules", "ok 403 403 403 403 403 403 403 | 401 403 401 401"},
    {"GET", "/api/v1/warnings", "200 200 200 200 200 200 200 200 | 401 200 401 401"},
    {"GET", "/api/v1/projects/{id}/lights", "200 200 404 200 404 200 200 404 | 401 200 401 401"},
    {"GET", "/api/v1/notices", "200 200 200 200 200 200 200 200 | 401 200 401 401"},
    {"POST", "/api/v1/notices", " ok  ok 422 403 403  ok 403 403 | 401 403 401 401"},
    {"GET", "/api/v1/notices/{id}", "200 200 404 200 404 200 200 404 | 401 200 401 401"},
    {"POST", "/api/v1/notices/{id}/respond", "403 403 404 ok 404 403 403 404 | 401 403 401 401"},
    {"POST", "/api/v1/notices/{id}/comment", "403 ok 404 403 404 403 403 404 | 401 403 401 401"},
    {"POST", "/api/v1/notices/{id}/close", "ok 403 404 403 404 ok 403 404 | 401 403 401 401"},
    {"POST", "/api/v1/notices/{id}/reopen", "ok 403 404 403 404 ok 403 404 | 401 403 401 401"},
    {"GET", "/api/v1/escalation-ladder", "200 200 200 200 200 200 200 200 | 401 200 401 401"},
    {"PUT", "/api/v1/escalation-ladder", "ok 403 403 403 403 403 403 403 | 401 403 401 401"},
    {"GET", "/api/v1/ranking-weights", "200 200 200 200 200 200 200 200 | 401 200 401 401"},
    {"PUT", "/api/v1/ranking-weights", "ok 403 403 403 403 403 403 403 | 401 403 401 401"},
    {"GET", "/api/v1/rankings", "200 200 200 200 200 200 200 200 | 401 200 401 401"},
    {"GET", "/api/v1/rankings/export.xlsx", "200 200 200 200 200 200 200 200 | 401 200 401 401"},
    {"GET", "/api/v1/chains/export.xlsx", "200 200 200 200 200 200 200 200 | 401 200 401 401"},
    {"POST", "/api/v1/chains/import", "422 403 403 403 403 403 403 403 | 401 403 401 401"},
    {"GET", "/api/v1/chains", "200 200 200 200 200 200 200 200 | 401 200 401 401"},
    {"POST", "/api/v1/chains", " ok 403 403 403 403 403 403 403 | 401 403 401 401"},
    {"GET", "/api/v1/chains/{id}", "200 200 200 200 200 200 200 200 | 401 200 401 401"},
    {"PATCH", "/api/v1/chains/{id}", "ok 403 403 403 403 403 403 403 | 401 403 401 401"},
    {"DELETE", "/api/v1/chains/{id}", "ok 403 403 403 403 403 403 403 | 401 403 401 401"},
    {"GET", "/api/v1/chains/{id}/suppliers", "200 200 200 200 200 200 200 200 | 401 200 401 401"},
    {"POST", "/api/v1/chains/{id}/suppliers", " ok 403 403 403 403 403 403 403 | 401 403 401 401"},
    {"PATCH", "/api/v1/chains/{id}/suppliers/{supplier_id}", "ok 403 403 403 403 403 403 403 | 401 403 401 401"},
    {"DELETE", "/api/v1/chains/{id}/suppliers/{supplier_id}", "ok 403 403 403 403 403 403 403 | 401 403 401 401"},
    {"GET", "/api/v1/chains/{id}/targets", "200 200 200 200 200 200 200 200 | 401 200 401 401"},
    {"POST", "/api/v1/chains/{id}/nodes", " ok 403 403 403 403 403 403 403 | 401 403 401 401"},
    {"GET", "/api/v1/chains/{id}/nodes/{node_id}", "200 200 200 200 200 200 200 200 | 401 200 401 401"},
    {"PATCH", "/api/v1/chains/{id}/nodes/{node_id}", " ok 403 403 403 403 403 403 403 | 401 403 401 401"},
    {"DELETE", "/api/v1/chains/{id}/nodes/{node_id}", "ok 403 403 403 403 403 403 403 | 401 403 401 401"},
    {"PUT", "/api/v1/chains/{id}/nodes/{node_id}/enterprises/{enterprise_id}",
     " ok 403 403 403 403 403 403 403 | 401 403 401 401"},
    {"DELETE", "/api/v1/chains/{id}/nodes/{node_id}/enterprises/{enterprise_id}",
     " ok 403 403 403 403 403 403 403 | 401 403 401 401"},
    {"PUT", "/api/v1/chains/{id}/owners/{enterprise_id}", " ok 403 403 403 403 403 403 403 | 401 403 401 401"},
    {"DELETE", "/api/v1/chains/{id}/owners/{enterprise_id}", " ok 403 403 403 403 403 403 403 | 401 403 401 401"},
    {"GET", "/api/v1/openapi.json", "200 200 200 200 200 200 200 200 | 200 200 200 200"},
    {"GET", "/metrics", "200 200 200 200 200 200 200 200 | 200 200 200 200"},
};
// clang-format on

// Cases where the server is wrong today in an area another branch (`scope`: fail-closed
// scopes, enterprise scoping, the duplicate-code oracle) is fixing. The matrix holds the
// correct status; these cells are expected to differ from it, and the test fails once one
// authz_matches (remove it from this list then). They run last, outside the no-change check.
struct KnownHole {
    std::string_view method;
    std::string_view pattern;
    Who who;
    std::string_view why;
};
const std::vector<KnownHole> kKnownHoles = {
    // None found by status today. The scope branch's areas (accounts without scope, enterprise
    // lookups, the duplicate-code oracle) answer 200 or 409 either way, so their holes show in
    // the content of answers, not in this table; see docs/security.md.
};

bool authz_is_hole(std::string_view method, std::string_view pattern, Who who) {
    return std::any_of(kKnownHoles.begin(), kKnownHoles.end(),
                       [&](const KnownHole& h) { return h.method == method && h.pattern == pattern && h.who == who; });
}

std::vector<std::string> authz_cells_of(std::string_view text) {
    std::vector<std::string> out;
    std::string word;
    for (char c : std::string(text) + " ") {
        if (c == ' ' || c == '|') {
            if (!word.empty()) out.push_back(word);
            word.clear();
        } else {
            word += c;
        }
    }
    return out;
}

// A cell that expects a 4xx expects a refusal: such a request must change nothing.
bool authz_denied(const std::string& cell) { return cell.size() == 3 && cell[0] == '4'; }

bool authz_matches(const std::string& cell, int status) {
    // "ok*": let in, or 404 because an earlier allowed cell of the row already removed the target.
    if (cell == "ok*") return status == 404 || authz_matches("ok", status);
    if (cell == "ok") {
        return (status >= 200 && status < 300) || status == 400 || status == 409 || status == 412 || status == 422;
    }
    return cell == std::to_string(status);
}

struct AuthzCell {
    const http::RouteInfo* route;
    Who who;
    std::string expected;
};

class AuthzMatrixTest : public AuthzTest {
protected:
    http::App app_{http::ServerConfig{},
                   http::Services{env().auth, env().catalog, env().projects, env().campaigns, env().reports,
                                  env().coordination, env().audit, env().photos, env().enterprises, env().imports,
                                  env().warnings, env().notices, env().rankings, env().chains}};

    HttpResponse ask(HttpClient& client, const AuthzCell& cell, int seq) {
        const auto& w = world();
        Recipe r = recipe_for(*cell.route, w, seq);
        HeaderList headers = w.credentials[static_cast<std::size_t>(cell.who)];
        headers.insert(headers.end(), r.headers.begin(), r.headers.end());
        return client.request(cell.route->method, r.target, r.body, headers);
    }

    static std::string where(const AuthzCell& c) {
        return c.route->method + " " + c.route->pattern + " as " + kWhoNames[static_cast<std::size_t>(c.who)];
    }
};

TEST_P(AuthzMatrixTest, EveryRouteHasARowAndEveryRowARoute) {
    std::set<std::string> rows;
    for (const auto& row : kMatrix) {
        const std::string key = std::string(row.method) + " " + std::string(row.pattern);
        EXPECT_TRUE(rows.insert(key).second) << "two rows for " << key;
        EXPECT_EQ(authz_cells_of(row.cells).size(), kWhoCount) << key;
    }
    std::set<std::string> routes;
    for (const auto& route : app_.router().routes()) {
        const std::string key = route.method + " " + route.pattern;
        routes.insert(key);
        EXPECT_TRUE(rows.contains(key)) << "the authorization matrix has no row for " << key;
    }
    for (const auto& key : rows) EXPECT_TRUE(routes.contains(key)) << "a row without a route: " << key;
}

TEST_P(AuthzMatrixTest, EveryCallerGetsTheStatusOfTheMatrixAndDeniedRequestsChangeNothing) {
    world();  // built before the first fingerprint: building it writes (tokens, an import)
    const auto routes = app_.router().routes();
    std::map<std::string, std::vector<std::string>> table;
    for (const auto& row : kMatrix)
        table[std::string(row.method) + " " + std::string(row.pattern)] = authz_cells_of(row.cells);
    // SANPI_AUTHZ_PRINT=1 prints what the server answers in the table's layout, to review.
    const bool print = std::getenv("SANPI_AUTHZ_PRINT") != nullptr;
    std::vector<AuthzCell> denials, reads, writes, holes;
    for (const auto& route : routes) {
        auto row = table.find(route.method + " " + route.pattern);
        std::vector<std::string> cells(kWhoCount, "?");  // SANPI_AUTHZ_PRINT of a route without its row
        if (row != table.end() && row->second.size() == kWhoCount) {
            cells = row->second;
        } else if (!print) {
            continue;  // EveryRouteHasARowAndEveryRowARoute says so
        }
        for (std::size_t i = 0; i < kWhoCount; ++i) {
            AuthzCell cell{&route, static_cast<Who>(i), cells[i]};
            auto& phase = authz_is_hole(route.method, route.pattern, cell.who) ? holes
                          : authz_denied(cell.expected)                        ? denials
                          : route.method == "GET"                              ? reads
                                                                               : writes;
            phase.push_back(cell);
        }
    }
    // Deletions last among the allowed writes: the others still find their targets.
    std::stable_partition(writes.begin(), writes.end(), [](const AuthzCell& c) { return c.route->method != "DELETE"; });
    std::map<std::string, std::vector<std::string>> seen;
    HttpClient client(port());
    int seq = 0;
    const std::string before = database_fingerprint(store());
    for (const auto& cell : denials) {
        const auto audit_before = audit_seq(store());
        auto res = ask(client, cell, ++seq);
        seen[cell.route->method + " " + cell.route->pattern].resize(kWhoCount);
        seen[cell.route->method + " " + cell.route->pattern][static_cast<std::size_t>(cell.who)] =
            std::to_string(res.status);
        EXPECT_TRUE(authz_matches(cell.expected, res.status)) << where(cell) << ": " << res.status << " " << res.body;
        EXPECT_EQ(audit_seq(store()), audit_before) << where(cell) << " wrote to the audit log";
    }
    EXPECT_EQ(database_fingerprint(store()), before) << "a denied request changed the database";
    for (const auto* phase : {&reads, &writes}) {
        for (const auto& cell : *phase) {
            auto res = ask(client, cell, ++seq);
            seen[cell.route->method + " " + cell.route->pattern].resize(kWhoCount);
            seen[cell.route->method + " " + cell.route->pattern][static_cast<std::size_t>(cell.who)] =
                std::to_string(res.status);
            EXPECT_TRUE(authz_matches(cell.expected, res.status))
                << where(cell) << ": " << res.status << " " << res.body;
            EXPECT_LT(res.status, 500) << where(cell) << ": " << res.body;
        }
    }
    for (const auto& cell : holes) {
        auto res = ask(client, cell, ++seq);
        std::cout << "[ known hole ] " << where(cell) << ": " << res.status << ", should be " << cell.expected << "\n";
        EXPECT_FALSE(authz_matches(cell.expected, res.status))
            << where(cell) << " now answers as the matrix says: remove it from kKnownHoles";
    }
    if (print) {
        for (const auto& route : routes) {
            auto& row = seen[route.method + " " + route.pattern];
            row.resize(kWhoCount);
            std::string cells;
            for (std::size_t i = 0; i < kWhoCount; ++i) cells += (i == 8 ? "| " : "") + row[i] + " ";
            std::cout << "{\"" << route.method << "\", \"" << route.pattern << "\", \"" << cells << "\"},\n";
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, AuthzMatrixTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
