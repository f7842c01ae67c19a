// The ranking routes over a real server: a period's ranking with its indicators, scope and as-of
// day, the workbook, the weights (If-Match, province only, each bad weight named, nothing
// written), the dashboard as of a day, and every malformed ask refused naming its parameter.
#include "http_fixture.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

constexpr const char* kWeights = "/api/v1/ranking-weights";

HeaderList weights_if_match(std::int64_t version) { return {{"If-Match", "\"" + std::to_string(version) + "\""}}; }

std::vector<std::string> ranking_error_fields(const HttpResponse& res) {
    std::vector<std::string> out;
    const auto body = res.json();
    for (const auto& e : body.at("errors").as_array()) out.emplace_back(e.at("field").as_string());
    return out;
}

class RankingsHttpTest : public HttpTest {
protected:
    HttpResponse put_weights(HttpClient& client, const json::value& body, const HeaderList& headers) {
        HeaderList all{{"Content-Type", "application/json"}};
        all.insert(all.end(), headers.begin(), headers.end());
        return client.request("PUT", kWeights, json::serialize(body), all);
    }
};

TEST_P(RankingsHttpTest, RanksTheScopesZonesWithIndicatorsAndPreviousRanks) {
    auto res = as("province")->get("/api/v1/rankings?period=2022Q4");
    ASSERT_EQ(res.status, 200) << res.body;
    const auto body = res.json().as_object();
    EXPECT_EQ(body.at("period"), "2022Q4");
    EXPECT_EQ(body.at("from"), "2022-10-01");
    EXPECT_EQ(body.at("to"), "2022-12-31");
    EXPECT_EQ(body.at("counted_until"), "2022-12-31");
    EXPECT_EQ(body.at("previous_period"), "2022Q3");
    EXPECT_TRUE(body.at("as_of").is_null());
    EXPECT_TRUE(body.at("corrections").is_null());
    EXPECT_EQ(body.at("indicators").as_array().size(), 8u);
    const auto& items = body.at("items").as_array();
    EXPECT_EQ(items.size(), 18u);  // the demo's zones
    std::int64_t expected_rank = 1;
    std::string previous_score = "100.00";
    for (const auto& v : items) {
        const auto& item = v.as_object();
        EXPECT_EQ(item.at("rank").as_int64(), expected_rank++);
        const std::string score(item.at("score").as_string());
        EXPECT_LE(std::stod(score), std::stod(previous_score));
        previous_score = score;
        const auto& start = item.at("indicators").at("start_rate").as_object();
        EXPECT_TRUE(start.contains("numerator") && start.contains("points") && start.contains("text"));
        if (!item.at("previous_rank").is_null()) {
            EXPECT_EQ(item.at("rank_change").as_int64(),
                      item.at("previous_rank").as_int64() - item.at("rank").as_int64());
        }
    }
    EXPECT_NE(items[0].at("score"), "0.00");

    auto english = as("province")->get("/api/v1/rankings?period=2022&lang=en");
    ASSERT_EQ(english.status, 200);
    EXPECT_EQ(english.json().at("indicators").at(0).at("label"), "New signed investment");
    EXPECT_EQ(english.json().at("previous_period"), "2021");

    auto zone = as("taiyuan-zgq")->get("/api/v1/rankings?period=2022Q4");
    ASSERT_EQ(zone.status, 200);
    EXPECT_EQ(zone.json().at("items").as_array().size(), 1u);
    auto city = as("province")->get("/api/v1/rankings?period=2022Q4&city=140100");
    ASSERT_EQ(city.status, 200);
    const auto city_items = city.json().at("items").as_array();
    EXPECT_FALSE(city_items.empty());
    for (const auto& item : city_items) EXPECT_EQ(item.at("city_code"), "140100");
}

TEST_P(RankingsHttpTest, AsOfADayListsTheCorrectionsSince) {
    // The demo was loaded on the test clock's day: the day before, nothing had been recorded.
    auto before = as("province")->get("/api/v1/rankings?period=2022Q4&as_of=2024-01-14");
    ASSERT_EQ(before.status, 200) << before.body;
    EXPECT_EQ(before.json().at("as_of"), "2024-01-14");
    EXPECT_EQ(before.json().at("items").at(0).at("score"), "0.00");
    const auto corrections = before.json().at("corrections").as_object();
    EXPECT_GT(corrections.at("total").as_int64(), 200);
    EXPECT_EQ(corrections.at("items").as_array().size(), 200u);
    const auto& first = corrections.at("items").at(0).as_object();
    EXPECT_TRUE(first.contains("seq") && first.contains("at") && first.contains("changes"));

    auto dashboard = as("province")->get("/api/v1/dashboard?as_of=2024-01-14");
    ASSERT_EQ(dashboard.status, 200) << dashboard.body;
    EXPECT_EQ(dashboard.json().at("projects"), 0);
    EXPECT_EQ(dashboard.json().at("as_of"), "2024-01-14");
    EXPECT_TRUE(dashboard.json().at("campaign").is_null());
    auto today = as("province")->get("/api/v1/dashboard?as_of=2024-01-15");
    auto kept = as("province")->get("/api/v1/dashboard");
    ASSERT_EQ(today.status, 200);
    EXPECT_EQ(today.json().at("projects"), kept.json().at("projects"));
    EXPECT_EQ(today.json().at("total_investment"), kept.json().at("total_investment"));
    EXPECT_EQ(today.json().at("by_zone"), kept.json().at("by_zone"));

    // A held campaign's summary is frozen: as of a day after it was held, the same; before, its
    // figures were not yet official.
    std::int64_t held = 0;
    const auto campaigns = as("province")->get("/api/v1/campaigns").json().at("items").as_array();
    for (const auto& c : campaigns) {
        if (c.at("status") == "held") held = c.at("id").as_int64();
    }
    ASSERT_NE(held, 0);
    const std::string summary = "/api/v1/campaigns/" + std::to_string(held) + "/summary";
    auto frozen = as("province")->get(summary + "?as_of=2024-01-15");
    ASSERT_EQ(frozen.status, 200) << frozen.body;
    EXPECT_EQ(frozen.json().at("as_of"), "2024-01-15");
    EXPECT_EQ(frozen.json().at("batches"), as("province")->get(summary).json().at("batches"));
    auto early = as("province")->get(summary + "?as_of=2024-01-14");
    EXPECT_EQ(early.status, 422) << early.body;
    EXPECT_EQ(ranking_error_fields(early), std::vector<std::string>{"as_of"});
    EXPECT_EQ(as("province")->get(summary + "?as_of=yesterday").status, 400);
}

TEST_P(RankingsHttpTest, MalformedAsksAreRefusedNamingTheParameter) {
    auto province = as("province");
    struct Case {
        const char* target;
        int status;
        const char* field;
    };
    for (const auto& c :
         {Case{"/api/v1/rankings", 400, "period"}, Case{"/api/v1/rankings?period=2022Q5", 400, "period"},
          Case{"/api/v1/rankings?period=22", 400, "period"},
          Case{"/api/v1/rankings?period=2022&as_of=2022/06/30", 400, "as_of"},
          Case{"/api/v1/rankings?period=2022&as_of=2022-02-30", 400, "as_of"},
          Case{"/api/v1/rankings?period=2022&city=1401", 400, "city"},
          Case{"/api/v1/rankings?period=2022&period=2021", 400, "period"},
          Case{"/api/v1/rankings?period=2022&zone=3", 400, "zone"},
          Case{"/api/v1/rankings?period=2022&as_of=2024-01-16", 422, "as_of"},
          Case{"/api/v1/rankings?period=2024Q2", 422, "period"},
          Case{"/api/v1/rankings/export.xlsx?period=2030", 422, "period"},
          // The last year a date holds (a fuzz finding: it crashed the server).
          Case{"/api/v1/rankings?period=2999", 422, "period"}, Case{"/api/v1/rankings?period=2999Q4", 422, "period"},
          Case{"/api/v1/dashboard?as_of=2024-1-5", 400, "as_of"},
          Case{"/api/v1/dashboard?as_of=2025-01-01", 422, "as_of"}}) {
        auto res = province->get(c.target);
        EXPECT_EQ(res.status, c.status) << c.target << ": " << res.body;
        if (res.status == c.status) {
            EXPECT_EQ(ranking_error_fields(res), std::vector<std::string>{c.field}) << c.target;
        }
    }
    auto outside = as("taiyuan")->get("/api/v1/rankings?period=2022&city=140200");
    EXPECT_EQ(outside.status, 422);
    EXPECT_EQ(ranking_error_fields(outside), std::vector<std::string>{"city"});
    EXPECT_EQ(anonymous()->get("/api/v1/rankings?period=2022").status, 401);
}

TEST_P(RankingsHttpTest, TheRankingDownloadsAsAWorkbook) {
    auto res = as("province")->get("/api/v1/rankings/export.xlsx?period=2022Q4");
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(res.header("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_NE(res.header("content-disposition").find("2022Q4"), std::string::npos);
    EXPECT_EQ(res.body.substr(0, 2), "PK");
    auto en = as("province")->get("/api/v1/rankings/export.xlsx?period=2022Q4&lang=en&as_of=2024-01-15");
    ASSERT_EQ(en.status, 200) << en.body;
    EXPECT_NE(en.header("content-disposition").find("zone-ranking-2022Q4-2024-01-15"), std::string::npos);
}

TEST_P(RankingsHttpTest, WeightsAreReadByAllAndChangedByTheProvinceWithIfMatch) {
    auto got = as("viewer")->get(kWeights);
    ASSERT_EQ(got.status, 200) << got.body;
    const auto version = got.json().at("version").as_int64();
    EXPECT_EQ(got.header("etag"), "\"" + std::to_string(version) + "\"");
    auto weights = got.json().at("weights").as_object();
    EXPECT_EQ(weights.size(), 8u);
    auto province = as("province");

    const json::object body{{"weights", weights}};
    EXPECT_EQ(put_weights(*province, body, {}).status, 428);
    EXPECT_EQ(put_weights(*as("taiyuan"), body, weights_if_match(version)).status, 403);
    auto unknown = weights;
    unknown["beauty"] = 0;
    auto bad = put_weights(*province, json::object{{"weights", unknown}}, weights_if_match(version));
    EXPECT_EQ(bad.status, 400) << bad.body;
    EXPECT_EQ(ranking_error_fields(bad), std::vector<std::string>{"weights.beauty"});
    auto mistyped = weights;
    mistyped["start_rate"] = "15";
    EXPECT_EQ(
        ranking_error_fields(put_weights(*province, json::object{{"weights", mistyped}}, weights_if_match(version))),
        std::vector<std::string>{"weights.start_rate"});
    auto off = weights;
    off["start_rate"] = off.at("start_rate").as_int64() + 1;
    auto refused = put_weights(*province, json::object{{"weights", off}}, weights_if_match(version));
    EXPECT_EQ(refused.status, 422) << refused.body;
    EXPECT_EQ(ranking_error_fields(refused), std::vector<std::string>{"weights"});
    EXPECT_EQ(as("viewer")->get(kWeights).json().at("version").as_int64(), version);  // nothing written

    auto shifted = weights;
    shifted["start_rate"] = shifted.at("start_rate").as_int64() + 5;
    shifted["tax_per_mu"] = shifted.at("tax_per_mu").as_int64() - 5;
    auto changed = put_weights(*province, json::object{{"weights", shifted}}, weights_if_match(version));
    ASSERT_EQ(changed.status, 200) << changed.body;
    EXPECT_EQ(changed.json().at("version").as_int64(), version + 1);
    EXPECT_EQ(changed.json().at("created_by").at("name"), "province");
    auto ranked = province->get("/api/v1/rankings?period=2022");
    EXPECT_EQ(ranked.json().at("weights_version").as_int64(), version + 1);
    EXPECT_EQ(put_weights(*province, body, weights_if_match(version)).status, 409);      // stale
    ASSERT_EQ(put_weights(*province, body, weights_if_match(version + 1)).status, 200);  // back as they were
}

INSTANTIATE_TEST_SUITE_P(Backends, RankingsHttpTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
