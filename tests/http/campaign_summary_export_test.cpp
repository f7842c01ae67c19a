// GET /api/v1/campaigns/{id}/summary.xlsx: a campaign's summary as the caller's scope counts it, as a
// workbook in the official layout read back with openpyxl: by city for the province (the demo's
// 321 / 302 / 189 in the 合计 row), by zone for a city and a zone, English and 万元, and refusals.
#include "domain/money.hpp"
#include "export_fixture.hpp"

namespace sanpi::testing {
namespace summary_export_test {

namespace json = boost::json;
using domain::Money;
using domain::MoneyUnit;

// A 序号, B 所属地市 (or 所属开发区), then per batch (sign, start, produce) 项目数 and 总投资.
enum Col : std::size_t { kSerial, kPlace, kFirstBatch };
constexpr std::size_t projects_col(std::size_t batch) { return kFirstBatch + 2 * batch; }
constexpr std::size_t investment_col(std::size_t batch) { return kFirstBatch + 2 * batch + 1; }

Money listed_money(const json::value& v) { return Money::parse(std::string_view(v.as_string())).value().amount; }

class SummaryExportTest : public ExportTest {
protected:
    std::string path(const std::string& query = "", std::int64_t id = 0) {
        return "/api/v1/campaigns/" + std::to_string(id ? id : demo_campaign_id()) + "/summary.xlsx" + query;
    }

    json::object summary(const std::string& user) {
        auto res = as(user)->get("/api/v1/campaigns/" + std::to_string(demo_campaign_id()) + "/summary");
        EXPECT_EQ(res.status, 200) << res.body.substr(0, 300);
        return res.status == 200 ? res.json().as_object() : json::object{};
    }

    // The workbook's 合计 row holds each batch's own figures, and its rows add up to them.
    static void expect_batch_totals(const json::object& book, const json::object& answer, MoneyUnit unit) {
        const auto data = table_data_rows(book);
        const auto& total = table_total_row(book);
        for (std::size_t b = 0; b < 3; ++b) {
            const auto& batch = answer.at("batches").at(b);
            std::int64_t projects = 0;
            Money investment;
            for (const auto& row : data) {
                projects += row.at(projects_col(b)).to_number<std::int64_t>();
                investment = investment.checked_add(cell_amount(row.at(investment_col(b)), unit)).value();
            }
            EXPECT_EQ(total.at(projects_col(b)).to_number<std::int64_t>(), batch.at("projects").as_int64()) << b;
            EXPECT_EQ(projects, batch.at("projects").as_int64()) << b;
            EXPECT_EQ(cell_amount(total.at(investment_col(b)), unit), listed_money(batch.at("total_investment")));
            EXPECT_EQ(investment, listed_money(batch.at("total_investment"))) << b;
        }
    }
};

TEST_P(SummaryExportTest, TheProvinceGetsItsCitiesWithTheDemosBatchesInTheTotal) {
    const auto res = download("province", path());
    EXPECT_NE(res.header("content-disposition").find("-%E6%B1%87%E6%80%BB-2024-01-15.xlsx"), std::string::npos)
        << res.header("content-disposition");  // …-汇总-2024-01-15.xlsx
    const auto book = read_xlsx(res.body);
    ASSERT_FALSE(book.empty());
    EXPECT_EQ(book.at("sheets"), json::array{"汇总"});
    const auto& rows = book.at("rows").as_array();
    EXPECT_EQ(rows.at(0).at(0), "2022年全省开发区第二次“三个一批”活动汇总表");
    EXPECT_EQ(cell_text(rows.at(1).at(0)).rfind("填报单位：山西省　　日期：", 0), 0u) << cell_text(rows.at(1).at(0));
    EXPECT_EQ(rows.at(1).at(4), "单位：亿元");
    const json::array upper = {"序号", "所属地市", "签约一批", nullptr, "开工一批", nullptr, "投产一批", nullptr};
    const json::array lower = {nullptr, nullptr, "项目数", "总投资", "项目数", "总投资", "项目数", "总投资"};
    EXPECT_EQ(upper_header(book), upper);
    EXPECT_EQ(lower_header(book), lower);
    const std::set<std::string> merged = {"A1:H1", "A2:D2", "E2:H2", "A3:A4", "B3:B4", "C3:D3", "E3:F3", "G3:H3"};
    EXPECT_EQ(merged_ranges(book), merged);
    EXPECT_EQ(book.at("freeze"), "A5");

    const auto answer = summary("province");
    const auto data = table_data_rows(book);
    const auto& cities = answer.at("batches").at(0).at("by_city").as_array();
    ASSERT_EQ(data.size(), cities.size());
    EXPECT_EQ(data.size(), 11u);
    for (std::size_t i = 0; i < data.size(); ++i) {
        EXPECT_EQ(data[i].at(kPlace), cities[i].at("name"));
        for (std::size_t b = 0; b < 3; ++b) {
            const auto& line = answer.at("batches").at(b).at("by_city").at(i);
            EXPECT_EQ(data[i].at(projects_col(b)).to_number<std::int64_t>(), line.at("projects").as_int64());
            EXPECT_EQ(cell_amount(data[i].at(investment_col(b)), MoneyUnit::kYi),
                      listed_money(line.at("total_investment")));
        }
    }
    const auto& total = table_total_row(book);
    EXPECT_EQ(total.at(kSerial), "合计");
    EXPECT_EQ(total.at(kPlace), "共11个地市");
    EXPECT_EQ(total.at(projects_col(0)), 321);
    EXPECT_EQ(total.at(projects_col(1)), 302);
    EXPECT_EQ(total.at(projects_col(2)), 189);
    expect_batch_totals(book, answer, MoneyUnit::kYi);
}

TEST_P(SummaryExportTest, ACityGetsItsZonesAndAZoneItselfCountedInItsScope) {
    const auto book = workbook("taiyuan", path("?lang=en&unit=wan"));
    EXPECT_EQ(upper_header(book).at(kPlace), "Development zone");
    EXPECT_EQ(upper_header(book).at(projects_col(0)), "Signed");
    EXPECT_EQ(lower_header(book).at(investment_col(2)), "Investment");
    EXPECT_EQ(book.at("rows").at(1).at(4), "Unit: 10k yuan");
    const auto answer = summary("taiyuan");
    const auto data = table_data_rows(book);
    std::set<std::string> zones;
    for (std::size_t b = 0; b < 3; ++b) {
        for (const auto& z : answer.at("batches").at(b).at("by_zone").as_array()) {
            zones.insert(std::string(z.at("name").as_string()));
        }
    }
    ASSERT_FALSE(zones.empty());
    std::set<std::string> shown;
    for (const auto& row : data) shown.insert(cell_text(row.at(kPlace)));
    EXPECT_EQ(shown, zones);
    EXPECT_EQ(cell_text(table_total_row(book).at(kPlace)), std::to_string(data.size()) + " zones");
    expect_batch_totals(book, answer, MoneyUnit::kWan);
    EXPECT_LT(answer.at("batches").at(0).at("projects").as_int64(), 321);

    // A zone: its own row at most, its own figures.
    const auto zone_slug = [&] {
        const auto first = answer.at("batches").at(0).at("by_zone").at(0).at("zone_id").as_int64();
        for (const auto& z : all_zones()) {
            if (z.id == first) return z.slug;
        }
        return std::string();
    }();
    const auto own = workbook(zone_slug, path());
    const auto own_rows = table_data_rows(own);
    ASSERT_EQ(own_rows.size(), 1u);
    EXPECT_EQ(own_rows.at(0).at(kPlace), answer.at("batches").at(0).at("by_zone").at(0).at("name"));
    expect_batch_totals(own, summary(zone_slug), MoneyUnit::kYi);
}

TEST_P(SummaryExportTest, BadParametersAreNamedAndAnUnknownCampaignIsNotFound) {
    EXPECT_EQ(refused_fields("province", path("?unit=usd&lang=fr")), (std::set<std::string>{"unit", "lang"}));
    EXPECT_EQ(refused_fields("province", path("?batch=sign")), std::set<std::string>{"batch"});
    EXPECT_EQ(as("province")->get(path("", 987654321)).status, 404);
    auto bad_id = as("province")->get("/api/v1/campaigns/x/summary.xlsx");
    EXPECT_EQ(bad_id.status, 400);
    EXPECT_EQ(bad_id.json().at("errors").at(0).at("field"), "id");
    EXPECT_EQ(anonymous()->get(path()).status, 401);
}

INSTANTIATE_TEST_SUITE_P(Backends, SummaryExportTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace summary_export_test
}  // namespace sanpi::testing
