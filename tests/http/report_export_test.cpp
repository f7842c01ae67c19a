// GET /api/v1/reports/export.xlsx: the monthly reports list as a workbook in the official layout,
// read back with openpyxl: the province's month against its list (values, cumulative figures, the
// 合计 of the month's amounts), a city's and a zone's scope, English and 万元, and refusals.
#include "domain/money.hpp"
#include "domain/progress_report.hpp"
#include "export_fixture.hpp"
#include "service/demo_report_plan.hpp"

namespace sanpi::testing {
namespace report_export_test {

namespace json = boost::json;
using domain::Money;
using domain::MoneyUnit;

constexpr const char* kPath = "/api/v1/reports/export.xlsx";
constexpr const char* kList = "/api/v1/reports";
// A 序号, B 项目编码, C 项目名称, D 所属地市, E 所属开发区, F 填报月份, G 本月完成投资, H 本月到位资金,
// I 累计完成投资, J 形象进度, K 工程进度（%）, L 用工人数, M 状态.
enum Col : std::size_t {
    kSerial,
    kCode,
    kName,
    kCity,
    kZone,
    kMonth,
    kCompleted,
    kArrived,
    kCumulative,
    kText,
    kPercent,
    kJobs,
    kStatus
};

Money listed_money(const json::value& v) { return Money::parse(std::string_view(v.as_string())).value().amount; }

class ReportExportTest : public ExportTest {
protected:
    // The newest month the province's list holds.
    // The demo's newest month (December 2022): other tests of the binary file later months.
    static std::string newest_month() {
        return domain::Month::from_ym(service::demo::kLastDemoReportYear, service::demo::kLastDemoReportMonth)
            .value()
            .to_string();
    }
};

TEST_P(ReportExportTest, TheProvincesMonthInTheOfficialLayoutAsItsListHasIt) {
    const auto month = newest_month();
    const auto res = download("province", std::string(kPath) + "?month=" + month);
    EXPECT_EQ(res.header("content-disposition"),
              "attachment; filename=\"_-2024-01-15.xlsx\"; filename*=UTF-8''%E6%9C%88%E6%8A%A5-2024-01-15.xlsx");
    const auto book = read_xlsx(res.body);
    ASSERT_FALSE(book.empty());
    EXPECT_EQ(book.at("sheets"), json::array{"月报"});
    const auto& rows = book.at("rows").as_array();
    EXPECT_EQ(rows.at(0).at(0), "项目月报");
    EXPECT_EQ(rows.at(1).at(0), "填报单位：山西省　　日期：2024-01-15");
    EXPECT_EQ(rows.at(1).at(6), "单位：亿元");
    const json::array upper = {"序号",  "项目编码", "项目名称", "所属地市",      "所属开发区", "填报月份", "投资情况",
                               nullptr, nullptr,    "形象进度", "工程进度（%）", "用工人数",   "状态"};
    const json::array lower = {nullptr,        nullptr,        nullptr, nullptr, nullptr, nullptr, "本月完成投资",
                               "本月到位资金", "累计完成投资", nullptr, nullptr, nullptr, nullptr};
    EXPECT_EQ(upper_header(book), upper);
    EXPECT_EQ(lower_header(book), lower);
    const std::set<std::string> merged = {"A1:M1", "A2:F2", "G2:M2", "A3:A4", "B3:B4", "C3:C4", "D3:D4",
                                          "E3:E4", "F3:F4", "G3:I3", "J3:J4", "K3:K4", "L3:L4", "M3:M4"};
    EXPECT_EQ(merged_ranges(book), merged);
    EXPECT_EQ(book.at("freeze"), "A5");

    const auto items = listed("province", kList, "month=" + month);
    const auto data = table_data_rows(book);
    ASSERT_EQ(data.size(), items.size());
    ASSERT_FALSE(data.empty());
    Money completed, arrived;
    for (std::size_t i = 0; i < data.size(); ++i) {
        const auto& row = data[i].as_array();
        const auto& item = items[i];
        EXPECT_EQ(row.at(kSerial), static_cast<std::int64_t>(i + 1));
        EXPECT_EQ(row.at(kCode), item.at("project_code"));
        EXPECT_EQ(row.at(kName), item.at("project_name"));
        EXPECT_EQ(row.at(kZone), item.at("zone_name"));
        EXPECT_EQ(cell_text(row.at(kMonth)), month);
        EXPECT_EQ(cell_amount(row.at(kCompleted), MoneyUnit::kYi), listed_money(item.at("investment_completed")));
        EXPECT_EQ(cell_amount(row.at(kArrived), MoneyUnit::kYi), listed_money(item.at("capital_arrived")));
        EXPECT_EQ(cell_amount(row.at(kCumulative), MoneyUnit::kYi),
                  listed_money(item.at("cumulative").at("official").at("investment_completed")));
        EXPECT_EQ(cell_text(row.at(kText)), std::string(item.at("progress_text").as_string()));
        EXPECT_EQ(row.at(kPercent).to_number<std::int64_t>(), item.at("percent_complete").as_int64());
        EXPECT_EQ(row.at(kJobs).to_number<std::int64_t>(), item.at("jobs").as_int64());
        const auto status = domain::report_status_from_string(std::string(item.at("status").as_string())).value();
        EXPECT_EQ(cell_text(row.at(kStatus)), std::string(domain::label_zh(status)));
        completed = completed.checked_add(listed_money(item.at("investment_completed"))).value();
        arrived = arrived.checked_add(listed_money(item.at("capital_arrived"))).value();
    }
    const auto& total = table_total_row(book);
    EXPECT_EQ(total.at(kSerial), "合计");
    EXPECT_EQ(cell_text(total.at(kCode)), "共" + std::to_string(data.size()) + "份月报");
    EXPECT_EQ(cell_amount(total.at(kCompleted), MoneyUnit::kYi), completed);
    EXPECT_EQ(cell_amount(total.at(kArrived), MoneyUnit::kYi), arrived);
    // Cumulative figures, percentages and head counts do not add up across reports.
    for (const auto col : {kCumulative, kPercent, kJobs}) EXPECT_TRUE(total.at(col).is_null()) << col;
}

TEST_P(ReportExportTest, ACityAndAZoneExportOnlyTheirOwnReportsInEnglishOnRequest) {
    const auto month = newest_month();
    const auto book = workbook("taiyuan", std::string(kPath) + "?month=" + month + "&lang=en&unit=wan");
    const auto data = table_data_rows(book);
    const auto items = listed("taiyuan", kList, "month=" + month);
    ASSERT_EQ(data.size(), items.size());
    ASSERT_FALSE(data.empty());
    EXPECT_LT(data.size(), listed("province", kList, "month=" + month).size());
    for (const auto& row : data) EXPECT_EQ(row.at(kCity), "Taiyuan");
    const auto& rows = book.at("rows").as_array();
    EXPECT_EQ(rows.at(0).at(0), "Monthly Progress Reports");
    EXPECT_EQ(rows.at(1).at(0), "Reporting unit: Taiyuan    Date: 2024-01-15");
    EXPECT_EQ(rows.at(1).at(6), "Unit: 10k yuan");
    EXPECT_EQ(upper_header(book).at(kCompleted), "Investment");
    EXPECT_EQ(lower_header(book).at(kCompleted), "Completed this month");
    EXPECT_EQ(cell_amount(data.at(0).at(kCompleted), MoneyUnit::kWan),
              listed_money(items.at(0).at("investment_completed")));
    EXPECT_EQ(data.at(0).at(kStatus), items.at(0).at("status"));
    EXPECT_EQ(cell_text(table_total_row(book).at(kCode)), std::to_string(data.size()) + " reports");

    // A zone's own reports only, whatever zone it asks for.
    const auto zone = items.at(0).at("zone_id").as_int64();
    std::string slug;
    for (const auto& z : all_zones()) slug = z.id == zone ? z.slug : slug;
    const auto own = table_data_rows(workbook(slug, kPath));
    EXPECT_EQ(own.size(), listed(slug, kList).size());
    ASSERT_FALSE(own.empty());
    for (const auto& row : own) EXPECT_EQ(row.at(kZone), items.at(0).at("zone_name"));
    const auto other = all_zones().at(0).id == zone ? all_zones().at(1).id : all_zones().at(0).id;
    EXPECT_TRUE(table_data_rows(workbook(slug, std::string(kPath) + "?zone=" + std::to_string(other))).empty());
}

TEST_P(ReportExportTest, AFilterIsHonouredAndBadParametersAreNamed) {
    const auto month = newest_month();
    const auto approved = table_data_rows(workbook("province", std::string(kPath) + "?status=approved&month=" + month));
    EXPECT_EQ(approved.size(), listed("province", kList, "status=approved&month=" + month).size());
    for (const auto& row : approved) EXPECT_EQ(row.at(kStatus), "已审核");
    const std::string path = kPath;
    EXPECT_EQ(refused_fields("province", path + "?unit=usd&lang=fr"), (std::set<std::string>{"unit", "lang"}));
    EXPECT_EQ(refused_fields("province", path + "?month=2022-13&status=done"),
              (std::set<std::string>{"month", "status"}));
    EXPECT_EQ(refused_fields("province", path + "?page=1&page_size=20"), (std::set<std::string>{"page", "page_size"}));
    EXPECT_EQ(anonymous()->get(path).status, 401);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportExportTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace report_export_test
}  // namespace sanpi::testing
