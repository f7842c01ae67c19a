// Bad request bodies: every one answered with a 4xx naming the field, and nothing written.
#include "project_builders.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

class ProjectInputTest : public ProjectWriteTest {
protected:
    // PATCHes `body` onto the sample project; checks status and that nothing changed.
    json::object refused_patch(const std::string& body, int status, const HeaderList& extra = {}) {
        const auto before = snapshot();
        HeaderList headers{{"Content-Type", "application/json"}, {"If-Match", etag()}};
        headers.insert(headers.end(), extra.begin(), extra.end());
        auto res = writer()->request("PATCH", path(sample_), body, headers);
        EXPECT_EQ(res.status, status) << body << "\n" << res.body;
        EXPECT_EQ(snapshot(), before) << body;
        EXPECT_NE(res.status, 500);
        return res.header("content-type").starts_with("application/problem+json") ? res.json().as_object()
                                                                                  : json::object{};
    }

    std::vector<std::string> fields(const json::object& problem) {
        std::vector<std::string> out;
        if (!problem.contains("errors")) return out;
        for (const auto& e : problem.at("errors").as_array()) out.emplace_back(e.at("field").as_string());
        return out;
    }

    std::string etag() { return "\"" + std::to_string(read_project(sample_).project.version) + "\""; }
};

using Fields = std::vector<std::string>;

TEST_P(ProjectInputTest, MalformedJsonIs400) {
    for (const char* body : {"{", "", "[1,2]", "\"text\"", "{\"name\": \"x\",}", "{\"name\": \"\xff\xfe\"}"}) {
        auto problem = refused_patch(body, 400);
        EXPECT_EQ(problem.at("type"), "https://sanpi.example/problems/bad-request") << body;
    }
}

TEST_P(ProjectInputTest, WrongTypesAreAllNamed) {
    auto problem = refused_patch(R"({"name": 5, "zone_id": "3", "expected_jobs": 1.5, "tags": "a",
                                    "planned": [], "investor_ids": [1, "2"], "total_investment": 12.5,
                                    "land_area_mu": true, "chain_node_id": "x"})",
                                 400);
    EXPECT_EQ(fields(problem), (Fields{"name", "zone_id", "expected_jobs", "tags", "planned", "investor_ids[1]",
                                       "total_investment", "land_area_mu", "chain_node_id"}));
}

TEST_P(ProjectInputTest, UnknownAndReadOnlyFieldsAre400) {
    auto unknown = refused_patch(R"({"name": "x", "nmae": "y", "planned": {"begin": "2024-01-01"}})", 400);
    EXPECT_EQ(fields(unknown), (Fields{"nmae", "planned.begin"}));
    EXPECT_EQ(unknown.at("errors").at(0).at("message"), "未知字段");
    auto read_only = refused_patch(R"({"id": 1, "version": 9, "zone_name": "x", "actual": {}})", 400);
    EXPECT_EQ(fields(read_only), (Fields{"id", "version", "zone_name", "actual"}));
}

TEST_P(ProjectInputTest, UnacceptableValuesAre422NamingTheField) {
    auto money = refused_patch(R"({"total_investment": "十亿", "expected_tax": -5, "land_area_mu": "1.234"})", 422);
    EXPECT_EQ(fields(money), (Fields{"total_investment", "expected_tax", "land_area_mu"}));
    EXPECT_EQ(money.at("type"), "https://sanpi.example/problems/validation-error");
    auto dates = refused_patch(R"({"planned": {"start": "2024-02-30"}, "stage": "launched"})", 422);
    EXPECT_EQ(fields(dates), (Fields{"planned.start", "stage", "stage_date"}));
    auto lonely = refused_patch(R"({"stage_date": "2023-01-01"})", 422);
    EXPECT_EQ(fields(lonely), (Fields{"stage"}));
    auto name = refused_patch(R"({"name": "   "})", 422);
    EXPECT_EQ(fields(name), (Fields{"name"}));
    auto jobs = refused_patch(R"({"expected_jobs": 99999999999})", 422);
    EXPECT_EQ(fields(jobs), (Fields{"expected_jobs"}));
}

TEST_P(ProjectInputTest, FutureStageDateIs422NamingStageDate) {
    const auto id = create();  // a project in reserve, so only the date can be wrong
    const auto before = snapshot();
    auto res = writer()->patch(path(id), {{"stage", "signed"}, {"stage_date", "2030-01-01"}}, {{"If-Match", "1"}});
    EXPECT_EQ(res.status, 422) << res.body;
    auto named = fields(res.json().as_object());
    EXPECT_NE(std::find(named.begin(), named.end(), "stage_date"), named.end()) << res.body;
    EXPECT_EQ(snapshot(), before);
}

TEST_P(ProjectInputTest, BodyMustBeDeclaredAsJson) {
    refused_patch(R"({"name": "x"})", 415, {{"Content-Type", "text/plain"}});
    refused_patch(R"({"name": "x"})", 415, {{"Content-Type", "application/x-www-form-urlencoded"}});
    refused_patch(R"({"name": "x"})", 415, {{"Content-Type", ""}});
    const auto before = snapshot();
    auto post = writer()->request("POST", "/api/v1/projects", json::serialize(body()), {{"Content-Type", "text/json"}});
    EXPECT_EQ(post.status, 415);
    EXPECT_EQ(snapshot(), before);
}

TEST_P(ProjectInputTest, OversizedBodyIs413) {
    std::string big = R"({"construction_content": ")" + std::string(kTestBodyLimit + 1024, 'a') + "\"}";
    auto problem = refused_patch(big, 413);
    EXPECT_EQ(problem.at("type"), "https://sanpi.example/problems/payload-too-large");
    EXPECT_EQ(as("province")->get("/healthz").status, 200);  // the server carries on
}

TEST_P(ProjectInputTest, CreateCollectsEveryMissingField) {
    const auto before = snapshot();
    auto res = writer()->post("/api/v1/projects", json::object{{"name", "只有名称"}, {"zone_id", zone_id_}});
    EXPECT_EQ(res.status, 422) << res.body;
    auto named = fields(res.json().as_object());
    for (const char* field : {"industry", "total_investment"}) {
        EXPECT_NE(std::find(named.begin(), named.end(), field), named.end()) << field;
    }
    EXPECT_EQ(snapshot(), before);
}

TEST_P(ProjectInputTest, EnglishProblemsWhenPreferred) {
    auto problem = refused_patch(R"({"nmae": "x"})", 400, {{"Accept-Language", "en-US,en;q=0.9,zh;q=0.8"}});
    EXPECT_EQ(problem.at("title"), "Bad request");
    EXPECT_EQ(problem.at("errors").at(0).at("message"), "unknown field");
    auto res = writer()->get("/api/v1/projects/abc?lang=en");
    EXPECT_EQ(res.header("content-language"), "en");
    EXPECT_EQ(res.json().at("errors").at(0).at("message"), "must be a positive integer");
    auto zh = writer()->get("/api/v1/projects/abc", {{"Accept-Language", "zh-CN,en;q=0.5"}});
    EXPECT_EQ(zh.json().at("errors").at(0).at("message"), "须为正整数");
}

INSTANTIATE_TEST_SUITE_P(Backends, ProjectInputTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
