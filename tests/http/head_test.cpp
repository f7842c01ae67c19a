// HEAD for every GET of the router's table: the same status and headers as GET (Content-Length
// that of the GET body), and no body.
#include <map>

#include "http/app.hpp"
#include "http_fixture.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

class HeadTest : public HttpTest {
protected:
    // An id of the first item a list answers, or "1" when the list is empty (then GET and HEAD
    // both answer 404, which still must agree).
    std::string first_id(HttpClient& client, const std::string& list, const char* field = "id") {
        auto res = client.get(list);
        if (res.status != 200) return "1";
        const json::value body = res.json();
        const auto* items = body.as_object().if_contains("items");
        if (!items || items->as_array().empty()) return "1";
        return std::to_string(items->as_array().front().at(field).as_int64());
    }

    // The path of `pattern` with ids from the demo data, and the query a route needs.
    std::map<std::string, std::string> head_ids(HttpClient& client) {
        std::map<std::string, std::string> ids;
        ids["project"] = first_id(client, "/api/v1/projects?page_size=1");
        ids["campaign"] = std::to_string(demo_campaign_id());
        ids["report"] = first_id(client, "/api/v1/reports?page_size=1");
        ids["item"] = first_id(client, "/api/v1/coordination-items?page_size=1");
        ids["notice"] = first_id(client, "/api/v1/notices?page_size=1");
        ids["chain"] = first_id(client, "/api/v1/chains");
        ids["photo"] = first_id(client, "/api/v1/reports/" + ids["report"] + "/photos");
        return ids;
    }

    static std::string head_target(const std::string& pattern, std::map<std::string, std::string>& ids) {
        std::string family = "project";
        for (const auto& [prefix, name] : std::map<std::string, std::string>{{"/api/v1/campaigns/", "campaign"},
                                                                             {"/api/v1/reports/", "report"},
                                                                             {"/api/v1/coordination-items/", "item"},
                                                                             {"/api/v1/notices/", "notice"},
                                                                             {"/api/v1/chains/", "chain"},
                                                                             {"/api/v1/photos/", "photo"},
                                                                             {"/api/v1/imports/", "import"}}) {
            if (pattern.starts_with(prefix)) family = name;
        }
        std::string out = pattern;
        auto replace = [&out](const std::string& from, const std::string& to) {
            if (auto at = out.find(from); at != std::string::npos) out.replace(at, from.size(), to);
        };
        replace("{id}", ids.contains(family) ? ids[family] : "1");
        replace("{node_id}", "1");
        replace("{project_id}", ids["project"]);
        replace("{batch}", "sign");
        static const std::map<std::string, std::string> kQueries = {
            {"/api/v1/enterprises", "?credit_code=91140100MA0GRX1X3K"},
            {"/api/v1/reports/missing", "?month=2022-07"},
            {"/api/v1/rankings", "?period=2022Q2"},
            {"/api/v1/rankings/export.xlsx", "?period=2022Q2"},
        };
        if (auto q = kQueries.find(pattern); q != kQueries.end()) out += q->second;
        return out;
    }
};

TEST_P(HeadTest, EveryGetRouteAnswersHeadLikeGetWithoutTheBody) {
    auto& e = env();
    http::App app(http::ServerConfig{},
                  http::Services{e.auth, e.catalog, e.projects, e.campaigns, e.reports, e.coordination, e.audit,
                                 e.photos, e.enterprises, e.imports, e.warnings, e.notices, e.rankings, e.chains});
    auto client = as("province");
    auto ids = head_ids(*client);
    int walked = 0;
    for (const auto& route : app.router().routes()) {
        if (route.method != "GET") continue;
        const std::string target = head_target(route.pattern, ids);
        auto get = client->get(target);
        auto head = client->request("HEAD", target);
        ++walked;
        EXPECT_EQ(head.status, get.status) << target;
        EXPECT_TRUE(head.body.empty()) << target;
        // Bodies that differ from one answer to the next by design: the metrics count each request,
        // and a workbook or document records the time it was made (its zipped length may move by a
        // byte). Their HEAD still announces a length.
        const std::string type = get.header("content-type");
        const bool varies = route.pattern == "/metrics" || type.find("openxmlformats") != std::string::npos;
        for (const auto& [name, value] : get.headers) {
            if (name == "x-request-id" || (varies && name == "content-length")) continue;
            EXPECT_EQ(head.header(name), value) << target << " header " << name;
        }
        EXPECT_EQ(head.headers.size(), get.headers.size()) << target;
        if (varies) {
            EXPECT_FALSE(head.header("content-length").empty()) << target;
        } else {
            EXPECT_EQ(head.header("content-length"), std::to_string(get.body.size())) << target;
        }
    }
    EXPECT_GT(walked, 50);
}

TEST_P(HeadTest, HeadOfAPathWithoutGetIs405AndStaticPagesAnswerHead) {
    auto client = as("province");
    auto head = client->request("HEAD", "/api/v1/projects/1/transitions");
    EXPECT_EQ(head.status, 405);
    EXPECT_EQ(head.header("allow"), "POST");
    EXPECT_TRUE(head.body.empty());
    auto page = client->get("/");
    auto page_head = client->request("HEAD", "/");
    EXPECT_EQ(page_head.status, page.status);
    EXPECT_EQ(page_head.header("content-length"), std::to_string(page.body.size()));
    EXPECT_TRUE(page_head.body.empty());
    // The connection stays usable: a HEAD answer carries no body the client would misread.
    EXPECT_EQ(client->get("/healthz").status, 200);
}

TEST_P(HeadTest, UnauthenticatedHeadIs401LikeGet) {
    auto client = anonymous();
    auto get = client->get("/api/v1/projects");
    auto head = client->request("HEAD", "/api/v1/projects");
    EXPECT_EQ(get.status, 401);
    EXPECT_EQ(head.status, 401);
    EXPECT_EQ(head.header("content-length"), std::to_string(get.body.size()));
}

INSTANTIATE_TEST_SUITE_P(Backends, HeadTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
