// GET /api/v1/campaigns/{id}/bulletin: the demo bulletin in both languages and three formats, the
// caller's scope, and the 400 and 404 answers.
#include <set>

#include "http_fixture.hpp"

namespace sanpi::testing {
namespace {

class CampaignBulletinTest : public HttpTest {
protected:
    std::string bulletin_path(const std::string& query = "", std::int64_t id = 0) {
        return "/api/v1/campaigns/" + std::to_string(id ? id : demo_campaign_id()) + "/bulletin" + query;
    }

    HttpResponse bulletin(const std::string& user, const std::string& query = "") {
        auto res = as(user)->get(bulletin_path(query));
        EXPECT_EQ(res.status, 200) << query << " " << res.body.substr(0, 500);
        return res;
    }

    // The opening sentence of an HTML bulletin.
    static std::string headline_of(const std::string& html) {
        const std::string open = "<p class=\"text headline\">";
        const auto start = html.find(open);
        if (start == std::string::npos) return "";
        const auto end = html.find("</p>", start);
        return html.substr(start + open.size(), end - start - open.size());
    }

    std::set<std::string> refused_fields(const std::string& query) {
        auto res = as("province")->get(bulletin_path(query));
        EXPECT_EQ(res.status, 400) << query << " " << res.body;
        std::set<std::string> out;
        if (res.status != 400) return out;
        const auto body = res.json();  // kept: the loop reads inside it
        for (const auto& e : body.at("errors").as_array()) out.insert(std::string(e.at("field").as_string()));
        return out;
    }

    static std::size_t count_of(const std::string& text, const std::string& part) {
        std::size_t n = 0;
        for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
        return n;
    }
};

TEST_P(CampaignBulletinTest, TheDemoBulletinInChineseNamesEachIndustryOnce) {
    const auto res = bulletin("province");
    EXPECT_EQ(res.header("content-type"), "text/html; charset=utf-8");
    EXPECT_EQ(res.header("content-disposition").rfind("inline; ", 0), 0u);
    // Its own policy, which lets the web UI show it in a frame of the same origin (and no other).
    EXPECT_EQ(res.header("content-security-policy"),
              "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'");
    EXPECT_EQ(res.header("x-frame-options"), "SAMEORIGIN");
    const auto headline = headline_of(res.body);
    EXPECT_EQ(headline.rfind("全省开发区集中签约项目321个、总投资", 0), 0u) << headline;
    for (const char* part : {"集中开工项目302个", "集中投产项目189个"}) {
        EXPECT_NE(headline.find(part), std::string::npos) << part << " in " << headline;
    }
    for (const char* industry :
         {"现代煤化工", "装备制造", "新能源", "新材料", "节能环保", "大数据", "现代医药和大健康"}) {
        EXPECT_EQ(count_of(headline, industry), 1u) << industry << " in " << headline;
    }
    EXPECT_NE(headline.find("大数据和现代医药和大健康等产业。"), std::string::npos) << headline;
    EXPECT_NE(res.body.find("<h1>山西省开发区“三个一批”活动情况通报</h1>"), std::string::npos);
    EXPECT_NE(res.body.find("<td>太原市</td>"), std::string::npos);
}

TEST_P(CampaignBulletinTest, TheDemoBulletinInEnglish) {
    const auto res = bulletin("province", "?lang=en&format=md");
    EXPECT_EQ(res.header("content-type"), "text/markdown; charset=utf-8");
    EXPECT_NE(res.body.find("Development zones across the province signed 321 projects, started 302 and put 189 into "
                            "production, in modern coal chemicals, equipment manufacturing, new energy, new "
                            "materials, energy saving and environmental protection, big data, and modern medicine "
                            "and health.\n"),
              std::string::npos)
        << res.body.substr(0, 1200);
    EXPECT_EQ(res.body.rfind("# “Three Batches” Campaign Bulletin: Shanxi\n", 0), 0u);
    const auto disposition = res.header("content-disposition");
    EXPECT_EQ(disposition.rfind("attachment; filename=\"", 0), 0u) << disposition;
    EXPECT_NE(disposition.find("filename*=UTF-8''2022%E5%B9%B4"), std::string::npos) << disposition;
    EXPECT_NE(disposition.find("-bulletin-en.md"), std::string::npos) << disposition;
}

TEST_P(CampaignBulletinTest, ADocxIsAZipPackageToSave) {
    const auto res = bulletin("province", "?format=docx&lang=zh");
    EXPECT_EQ(res.header("content-type"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    EXPECT_EQ(res.body.substr(0, 4), std::string("PK\x03\x04", 4));
    EXPECT_NE(res.header("content-disposition").find("-%E9%80%9A%E6%8A%A5-zh.docx"), std::string::npos);  // -通报-zh
}

TEST_P(CampaignBulletinTest, ACitySeesOnlyItsOwnFigures) {
    auto summary = as("taiyuan")->get("/api/v1/campaigns/" + std::to_string(demo_campaign_id()) + "/summary");
    ASSERT_EQ(summary.status, 200);
    const auto sign = summary.json().at("batches").at(0).at("projects").as_int64();
    ASSERT_LT(sign, 321);
    const auto res = bulletin("taiyuan");
    const auto headline = headline_of(res.body);
    EXPECT_EQ(headline.rfind("全市开发区集中签约项目" + std::to_string(sign) + "个", 0), 0u) << headline;
    EXPECT_NE(res.body.find("<h1>太原市开发区“三个一批”活动情况通报</h1>"), std::string::npos);
    EXPECT_NE(res.body.find("<td>太原市</td>"), std::string::npos);
    EXPECT_EQ(res.body.find("大同市"), std::string::npos);  // no other city's line
}

TEST_P(CampaignBulletinTest, BadParametersAreNamedAndAnUnknownCampaignIsNotFound) {
    EXPECT_EQ(refused_fields("?lang=fr"), std::set<std::string>{"lang"});
    EXPECT_EQ(refused_fields("?format=pdf&lang=de"), (std::set<std::string>{"format", "lang"}));
    EXPECT_EQ(refused_fields("?format=md&format=html"), std::set<std::string>{"format"});
    EXPECT_EQ(refused_fields("?page=2&batch=sign"), (std::set<std::string>{"page", "batch"}));
    auto missing = as("province")->get(bulletin_path("", 987654321));
    EXPECT_EQ(missing.status, 404) << missing.body;
    auto bad_id = as("province")->get("/api/v1/campaigns/x/bulletin");
    EXPECT_EQ(bad_id.status, 400);
    EXPECT_EQ(bad_id.json().at("errors").at(0).at("field"), "id");
    EXPECT_EQ(anonymous()->get(bulletin_path()).status, 401);
}

// The parts of the summary the bulletin reads beyond the breakdowns (filled from the store by the
// campaign write work): present in the summary's JSON, absent from the dashboard's campaign.
TEST_P(CampaignBulletinTest, TheSummaryCarriesComparisonsAndTheDashboardDoesNot) {
    auto res = as("province")->get("/api/v1/campaigns/" + std::to_string(demo_campaign_id()) + "/summary");
    ASSERT_EQ(res.status, 200);
    const auto body = res.json().as_object();
    for (const auto& b : body.at("batches").as_array()) {
        EXPECT_TRUE(b.at("size_bands").is_array());
        EXPECT_TRUE(b.at("top_projects").is_array());
    }
    EXPECT_TRUE(body.at("previous").is_null() || body.at("previous").is_object());
    EXPECT_TRUE(body.at("previous_batches").is_array());
    const auto& conversion = body.at("conversion").as_object();
    for (const char* key : {"signed_earlier", "started_since", "started_earlier", "producing_since"}) {
        EXPECT_TRUE(conversion.at(key).is_int64()) << key;
    }
    for (const char* key : {"start_rate_bp", "production_rate_bp"}) {
        const auto& rate = conversion.at(key);
        EXPECT_TRUE(rate.is_null() || rate.is_int64()) << key;
    }
    EXPECT_EQ(body.at("figures_as_of").as_string().size(), 10u);
    auto dashboard = as("province")->get("/api/v1/dashboard");
    ASSERT_EQ(dashboard.status, 200);
    const auto campaign = dashboard.json().at("campaign").as_object();
    EXPECT_FALSE(campaign.contains("conversion"));
    EXPECT_FALSE(campaign.contains("previous"));
    EXPECT_FALSE(campaign.at("batches").at(0).as_object().contains("size_bands"));
}

INSTANTIATE_TEST_SUITE_P(Backends, CampaignBulletinTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
