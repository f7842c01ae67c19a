// GET /api/v1/openapi.json: the document is the router's table, route for route, and the main
// shapes it describes are what the server really answers (validated with support/json_schema).
#include <boost/json/parse.hpp>
#include <set>

#include "http/app.hpp"
#include "http_fixture.hpp"
#include "support/json_schema.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

const std::set<std::string> kOpenApiMethods = {"get", "put", "post", "delete", "patch", "head", "options", "trace"};

// Every (method, pattern) of the table a server with default settings serves. The benchmark's
// /api/v1/bench/baseline exists only with --bench-baseline and is not part of the API.
std::set<std::string> table_routes(HttpEnv& e) {
    http::App app(http::ServerConfig{},
                  http::Services{e.auth, e.catalog, e.projects, e.campaigns, e.reports, e.coordination, e.audit,
                                 e.photos, e.enterprises, e.imports, e.warnings, e.notices, e.rankings, e.chains});
    std::set<std::string> out;
    for (const auto& route : app.router().routes()) out.insert(route.method + " " + route.pattern);
    return out;
}

std::set<std::string> documented_routes(const json::value& doc) {
    std::set<std::string> out;
    for (const auto& [path, item] : doc.at("paths").as_object()) {
        for (const auto& [method, operation] : item.as_object()) {
            if (!kOpenApiMethods.contains(std::string(method))) continue;
            std::string upper(method);
            for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            out.insert(upper + " " + std::string(path));
        }
    }
    return out;
}

class OpenApiTest : public HttpTest {
protected:
    const json::value& document() {
        if (doc_.is_null()) {
            auto res = anonymous()->get("/api/v1/openapi.json");
            EXPECT_EQ(res.status, 200);
            EXPECT_EQ(res.header("content-type"), "application/json; charset=utf-8");
            doc_ = json::parse(res.body);
        }
        return doc_;
    }

    // The schema of the 200/201 JSON answer of `method path` in the document.
    const json::value& answer_schema(const std::string& path, const std::string& method, const std::string& status) {
        return document()
            .at("paths")
            .at(path)
            .at(method)
            .at("responses")
            .at(status)
            .at("content")
            .at("application/json")
            .at("schema");
    }

    // Validates `body` against the schema; each disagreement is a failure naming where.
    void expect_fits(const json::value& body, const json::value& schema, const std::string& what) {
        JsonSchemaValidator validator(document());
        const auto errors = validator.validate(body, schema);
        for (const auto& e : errors) ADD_FAILURE() << what << ": " << e;
    }

    void expect_get_fits(HttpClient& client, const std::string& target, const std::string& path) {
        auto res = client.get(target);
        ASSERT_EQ(res.status, 200) << target << " " << res.body;
        const json::value body = res.json();
        expect_fits(body, answer_schema(path, "get", "200"), target);
    }

    json::value doc_;
};

TEST_P(OpenApiTest, IsAPublicOpenApi31Document) {
    const auto& doc = document();
    EXPECT_EQ(doc.at("openapi"), "3.1.0");
    EXPECT_TRUE(doc.at("info").as_object().contains("title"));
    // The same bytes for a signed-in caller and for HEAD's length.
    auto signed_in = as("viewer")->get("/api/v1/openapi.json");
    EXPECT_EQ(json::parse(signed_in.body), doc);
}

TEST_P(OpenApiTest, DescribesExactlyTheRoutesOfTheTable) {
    const auto table = table_routes(env());
    const auto described = documented_routes(document());
    for (const auto& route : table) EXPECT_TRUE(described.contains(route)) << "not in docs/openapi.json: " << route;
    for (const auto& route : described) EXPECT_TRUE(table.contains(route)) << "no such route in the server: " << route;
    EXPECT_GT(table.size(), 90U);
}

TEST_P(OpenApiTest, EveryPathParameterIsDeclaredAndEveryRefResolves) {
    const auto& doc = document();
    JsonSchemaValidator validator(doc);
    for (const auto& [path, item] : doc.at("paths").as_object()) {
        for (const auto& [method, operation] : item.as_object()) {
            std::set<std::string> declared;
            if (const auto* params = operation.as_object().if_contains("parameters")) {
                for (const auto& p : params->as_array()) {
                    if (p.as_object().contains("in") && p.at("in") == "path")
                        declared.insert(std::string(p.at("name").as_string()));
                }
            }
            std::set<std::string> in_path;
            const std::string text(path);
            for (auto open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
                in_path.insert(text.substr(open + 1, text.find('}', open) - open - 1));
            }
            EXPECT_EQ(declared, in_path) << method << " " << path;
            EXPECT_TRUE(operation.as_object().contains("responses")) << method << " " << path;
        }
    }
    for (const auto& [name, schema] : doc.at("components").at("schemas").as_object()) {
        for (const auto& unknown : unknown_schema_keywords(schema, std::string(name))) {
            ADD_FAILURE() << "keyword the validator does not know: " << unknown;
        }
        // Any $ref below must resolve: validating null walks each reachable schema's $ref.
        EXPECT_NO_THROW(validator.validate(json::value(nullptr), schema)) << name;
    }
}

TEST_P(OpenApiTest, ProjectsAndTheirListFitTheirSchemas) {
    auto client = as("province");
    expect_get_fits(*client, "/api/v1/projects?page_size=200", "/api/v1/projects");
    expect_get_fits(*client, "/api/v1/projects?page_size=50&sort=total_investment&order=desc", "/api/v1/projects");
    const auto first = client->get("/api/v1/projects?page_size=5").json();
    expect_get_fits(*client, "/api/v1/projects?page_size=5&cursor=" + std::string(first.at("next_cursor").as_string()),
                    "/api/v1/projects");
    for (const auto& item : first.at("items").as_array()) {
        expect_get_fits(*client, "/api/v1/projects/" + std::to_string(item.at("id").as_int64()),
                        "/api/v1/projects/{id}");
    }
    // A zone user's answers too (code names, narrower scope).
    expect_get_fits(*as("taiyuan-zgq"), "/api/v1/projects?page_size=100", "/api/v1/projects");
}

TEST_P(OpenApiTest, CampaignsAndTheirSummaryFitTheirSchemas) {
    auto client = as("province");
    const std::string id = std::to_string(demo_campaign_id());
    expect_get_fits(*client, "/api/v1/campaigns", "/api/v1/campaigns");
    expect_get_fits(*client, "/api/v1/campaigns/" + id, "/api/v1/campaigns/{id}");
    expect_get_fits(*client, "/api/v1/campaigns/" + id + "/summary", "/api/v1/campaigns/{id}/summary");
    expect_get_fits(*client, "/api/v1/campaigns/" + id + "/summary?lang=en", "/api/v1/campaigns/{id}/summary");
    expect_get_fits(*as("taiyuan"), "/api/v1/campaigns/" + id + "/summary", "/api/v1/campaigns/{id}/summary");
}

TEST_P(OpenApiTest, ReportsCoordinationItemsWarningsAndNoticesFitTheirSchemas) {
    auto client = as("province");
    expect_get_fits(*client, "/api/v1/reports?page_size=200", "/api/v1/reports");
    expect_get_fits(*client, "/api/v1/coordination-items?page_size=200", "/api/v1/coordination-items");
    expect_get_fits(*client, "/api/v1/warnings?page_size=200", "/api/v1/warnings");
    expect_get_fits(*client, "/api/v1/notices?page_size=100", "/api/v1/notices");
    const auto reports = client->get("/api/v1/reports?page_size=3").json();
    for (const auto& item : reports.at("items").as_array()) {
        expect_get_fits(*client, "/api/v1/reports/" + std::to_string(item.at("id").as_int64()), "/api/v1/reports/{id}");
    }
    const auto items = client->get("/api/v1/coordination-items?page_size=3").json();
    for (const auto& item : items.at("items").as_array()) {
        expect_get_fits(*client, "/api/v1/coordination-items/" + std::to_string(item.at("id").as_int64()),
                        "/api/v1/coordination-items/{id}");
    }
    const auto notices = client->get("/api/v1/notices?page_size=3").json();
    for (const auto& item : notices.at("items").as_array()) {
        expect_get_fits(*client, "/api/v1/notices/" + std::to_string(item.at("id").as_int64()), "/api/v1/notices/{id}");
    }
}

TEST_P(OpenApiTest, DashboardsFitTheirSchema) {
    auto client = as("province");
    expect_get_fits(*client, "/api/v1/dashboard", "/api/v1/dashboard");
    expect_get_fits(*client, "/api/v1/dashboard?city=140100", "/api/v1/dashboard");
    expect_get_fits(*client, "/api/v1/dashboard?as_of=2023-01-01", "/api/v1/dashboard");
    expect_get_fits(*as("taiyuan-zgq"), "/api/v1/dashboard", "/api/v1/dashboard");
    expect_get_fits(*client, "/api/v1/session", "/api/v1/session");
    expect_get_fits(*client, "/api/v1/audit?limit=50", "/api/v1/audit");
}

TEST_P(OpenApiTest, ProblemsFitTheProblemSchema) {
    auto client = as("province");
    const auto& schema = JsonSchemaValidator(document()).component("Problem");
    for (const char* target :
         {"/api/v1/projects/abc", "/api/v1/projects?stage=nope", "/api/v1/projects/999999999", "/api/v1/nowhere"}) {
        auto res = client->get(target);
        EXPECT_EQ(res.header("content-type"), "application/problem+json; charset=utf-8") << target;
        expect_fits(res.json(), schema, target);
    }
    auto unauthenticated = anonymous()->get("/api/v1/projects");
    expect_fits(unauthenticated.json(), schema, "401");
    auto invalid = client->post("/api/v1/projects", json::object{{"name", ""}});
    EXPECT_EQ(invalid.status, 422);
    expect_fits(invalid.json(), schema, "422");
    EXPECT_FALSE(invalid.json().at("errors").as_array().empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, OpenApiTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
