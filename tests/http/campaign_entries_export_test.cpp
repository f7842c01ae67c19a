// GET /api/v1/campaigns/{id}/entries/export.xlsx: a campaign's batch list as a workbook in the
// official layout, read back with openpyxl: the demo's sign batch against its list and its summary,
// the caller's scope, English, and the 400 and 404 answers.
#include <set>

#include "domain/money.hpp"
#include "http_fixture.hpp"
#include "xlsx_reader.hpp"

namespace sanpi::testing {
namespace entries_export_test {

namespace json = boost::json;
using domain::Money;
using domain::MoneyUnit;

// A 序号, B 项目编码, C 项目名称, D 所属地市, E 所属开发区, F 投资主体, G 产业, H 批次, I 建设内容,
// J 总投资, K 年度计划投资, L 计划开工, M 计划投产, N 所处阶段, O 入选状态, P 责任单位.
enum EntryCol : std::size_t {
    kSerial,
    kCode,
    kName,
    kCity,
    kZone,
    kInvestors,
    kCreditCode,
    kIndustry,
    kBatch,
    kContent,
    kTotal
};
constexpr std::size_t kEntryStatus = 15;

class CampaignEntriesExportTest : public HttpTest {
protected:
    std::string path(const std::string& query = "", std::int64_t id = 0) {
        return "/api/v1/campaigns/" + std::to_string(id ? id : demo_campaign_id()) + "/entries/export.xlsx" + query;
    }

    HttpResponse download(const std::string& user, const std::string& query = "") {
        auto res = as(user)->get(path(query));
        EXPECT_EQ(res.status, 200) << query << " " << res.body.substr(0, 500);
        return res;
    }

    // Every entry of the list for the same filters, page after page.
    json::array listed(const std::string& user, const std::string& filters) {
        json::array out;
        for (int page = 1;; ++page) {
            const auto target = "/api/v1/campaigns/" + std::to_string(demo_campaign_id()) + "/entries?" + filters +
                                "&page_size=500&page=" + std::to_string(page);
            auto res = as(user)->get(target);
            EXPECT_EQ(res.status, 200) << target << " " << res.body.substr(0, 300);
            if (res.status != 200) return out;
            const auto items = res.json().at("items").as_array();
            for (const auto& item : items) out.push_back(item);
            if (items.size() < 500) return out;
        }
    }

    std::set<std::string> refused_fields(const std::string& query) {
        auto res = as("province")->get(path(query));
        EXPECT_EQ(res.status, 400) << query << " " << res.body.substr(0, 300);
        std::set<std::string> out;
        if (res.status != 400) return out;
        const auto body = res.json();
        for (const auto& e : body.at("errors").as_array()) out.insert(std::string(e.at("field").as_string()));
        return out;
    }
};

TEST_P(CampaignEntriesExportTest, TheSignBatchInTheOfficialLayoutAddsUpToTheSummary) {
    const auto res = download("province", "?batch=sign");
    EXPECT_EQ(res.header("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    // …-签约一批-2024-01-15.xlsx
    EXPECT_NE(res.header("content-disposition").find("-%E7%AD%BE%E7%BA%A6%E4%B8%80%E6%89%B9-2024-01-15.xlsx"),
              std::string::npos)
        << res.header("content-disposition");
    const auto book = read_xlsx(res.body);
    ASSERT_FALSE(book.empty());
    const auto& rows = book.at("rows").as_array();
    EXPECT_EQ(cell_text(rows.at(0).at(0)), "2022年全省开发区第二次“三个一批”活动签约一批项目清单");
    EXPECT_EQ(book.at("sheets"), json::array{"签约一批"});
    EXPECT_EQ(rows.at(2).at(kBatch), "批次");
    EXPECT_EQ(rows.at(2).at(kTotal), "投资情况");
    EXPECT_EQ(rows.at(3).at(kTotal), "总投资");
    EXPECT_EQ(rows.at(2).at(kEntryStatus), "入选状态");
    const auto merged = merged_ranges(book);
    for (const char* range : {"A1:Q1", "A2:H2", "I2:Q2", "I3:I4", "K3:L3", "M3:N3", "P3:P4"}) {
        EXPECT_EQ(merged.count(range), 1u) << range;
    }
    EXPECT_EQ(book.at("freeze"), "A5");

    const auto items = listed("province", "batch=sign");
    const auto data = table_data_rows(book);
    ASSERT_EQ(data.size(), items.size());
    ASSERT_EQ(data.size(), 321u);
    bool investors = false;
    Money sum;
    for (std::size_t i = 0; i < data.size(); ++i) {
        EXPECT_EQ(data[i].at(kCode), items[i].at("project").at("code"));
        EXPECT_EQ(data[i].at(kBatch), "签约一批");
        EXPECT_EQ(data[i].at(kEntryStatus), "已确认");
        investors = investors || !cell_text(data[i].at(kInvestors)).empty();
        sum = sum.checked_add(cell_amount(data[i].at(kTotal), MoneyUnit::kYi)).value();
    }
    EXPECT_TRUE(investors);  // the batch list loads the investors the JSON list leaves out
    EXPECT_EQ(cell_text(table_total_row(book).at(kCode)), "共321个项目");
    EXPECT_EQ(cell_amount(table_total_row(book).at(kTotal), MoneyUnit::kYi), sum);
    // The 合计 is the figure the summary (and the bulletin) counts for the batch.
    auto summary = as("province")->get("/api/v1/campaigns/" + std::to_string(demo_campaign_id()) + "/summary");
    ASSERT_EQ(summary.status, 200);
    const auto body = summary.json();
    const auto& sign = body.at("batches").at(0);
    EXPECT_EQ(sum, Money::parse(std::string_view(sign.at("total_investment").as_string())).value().amount);
}

TEST_P(CampaignEntriesExportTest, ACityExportsItsZonesEntriesOnlyAndEnglishOnRequest) {
    const auto items = listed("taiyuan", "batch=start");
    const auto book = read_xlsx(download("taiyuan", "?batch=start&lang=en&unit=wan").body);
    const auto data = table_data_rows(book);
    ASSERT_EQ(data.size(), items.size());
    ASSERT_FALSE(data.empty());
    EXPECT_LT(data.size(), 302u);
    for (const auto& row : data) {
        EXPECT_EQ(row.at(kCity), "Taiyuan");
        EXPECT_EQ(row.at(kBatch), "Started");
        EXPECT_EQ(row.at(kEntryStatus), "confirmed");
    }
    const auto& rows = book.at("rows").as_array();
    EXPECT_EQ(cell_text(rows.at(0).at(0)), "2022年全省开发区第二次“三个一批”活动: Started batch");
    EXPECT_EQ(cell_text(rows.at(1).at(0)), "Reporting unit: Taiyuan    Date: 2024-01-15");
    EXPECT_EQ(cell_text(rows.at(1).at(8)), "Unit: 10k yuan");
    EXPECT_EQ(cell_text(table_total_row(book).at(kSerial)), "Total");
}

TEST_P(CampaignEntriesExportTest, BadParametersAreNamedAndAnUnknownCampaignIsNotFound) {
    EXPECT_EQ(refused_fields("?batch=all"), std::set<std::string>{"batch"});
    EXPECT_EQ(refused_fields("?unit=usd&lang=fr"), (std::set<std::string>{"unit", "lang"}));
    EXPECT_EQ(refused_fields("?page=1&page_size=20"), (std::set<std::string>{"page", "page_size"}));
    EXPECT_EQ(as("province")->get(path("", 987654321)).status, 404);
    auto bad_id = as("province")->get("/api/v1/campaigns/x/entries/export.xlsx");
    EXPECT_EQ(bad_id.status, 400);
    EXPECT_EQ(bad_id.json().at("errors").at(0).at("field"), "id");
    EXPECT_EQ(anonymous()->get(path()).status, 401);
}

INSTANTIATE_TEST_SUITE_P(Backends, CampaignEntriesExportTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace entries_export_test
}  // namespace sanpi::testing
