// GET /api/v1/projects/export.xlsx: the project list as a workbook in the official layout, read back
// with openpyxl (support/xlsx_read.py): title, unit line, merged two-row header, rows as the list
// has them, money in the chosen unit, the 合计 row, frozen header; scope, filters and bad parameters.
#include <set>

#include "domain/money.hpp"
#include "export_fixture.hpp"

namespace sanpi::testing {
namespace project_export_test {

namespace json = boost::json;
using domain::Money;
using domain::MoneyUnit;

constexpr const char* kExportPath = "/api/v1/projects/export.xlsx";
constexpr std::size_t kHeadingRows = kTableHeadingRows;
// Columns: A 序号, B 项目编码, C 项目名称, D 所属地市, E 所属开发区, F 投资主体, G 统一社会信用代码,
// H 产业, I 建设内容, J 总投资, K 年度计划投资, L 计划开工, M 计划投产, N 所处阶段, O 责任单位.
enum Col : std::size_t {
    kSerial,
    kCode,
    kName,
    kCity,
    kZone,
    kInvestors,
    kCreditCode,
    kIndustry,
    kContent,
    kTotal,
    kAnnual,
    kStart,
    kProduction,
    kStage,
    kUnit
};

Money listed_money(const json::value& v) { return Money::parse(std::string_view(v.as_string())).value().amount; }

std::string listed_date(const json::value& v) { return v.is_null() ? "" : std::string(v.as_string()); }

std::string text(const json::value& v) { return cell_text(v); }

Money amount(const json::value& v, MoneyUnit unit) { return cell_amount(v, unit); }

class ProjectExportTest : public ExportTest {
protected:
    HttpResponse download(const std::string& user, const std::string& query = "") {
        return ExportTest::download(user, kExportPath + query);
    }
    json::object workbook(const std::string& user, const std::string& query = "") {
        return ExportTest::workbook(user, kExportPath + query);
    }
    std::set<std::string> refused_fields(const std::string& query) {
        return ExportTest::refused_fields("province", kExportPath + query);
    }

    // Every item of the list for the same query, page after page by cursor.
    json::array listed(const std::string& user, const std::string& query = "") {
        json::array out;
        const std::string base = "/api/v1/projects" + (query.empty() ? "?" : query + "&") + "page_size=500";
        std::string target = base;
        for (;;) {
            auto res = as(user)->get(target);
            EXPECT_EQ(res.status, 200) << target << " " << res.body.substr(0, 300);
            if (res.status != 200) return out;
            const auto body = res.json().as_object();
            for (const auto& item : body.at("items").as_array()) out.push_back(item);
            if (body.at("next_cursor").is_null()) return out;
            target = base + "&cursor=" + std::string(body.at("next_cursor").as_string());
        }
    }

    static json::array data_rows(const json::object& book) { return table_data_rows(book); }
    static const json::array& total_row(const json::object& book) { return table_total_row(book); }
};

TEST_P(ProjectExportTest, TheProvinceGetsTheWholeListInTheOfficialLayout) {
    const auto res = download("province");
    EXPECT_EQ(res.header("content-type"), kXlsxContentType);
    EXPECT_EQ(res.header("content-disposition"),
              "attachment; filename=\"_-2024-01-15.xlsx\"; "
              "filename*=UTF-8''%E9%A1%B9%E7%9B%AE%E6%B8%85%E5%8D%95-2024-01-15.xlsx");  // 项目清单-2024-01-15.xlsx
    EXPECT_EQ(res.body.substr(0, 4), std::string("PK\x03\x04", 4));
    const auto book = read_xlsx(res.body);
    ASSERT_FALSE(book.empty());
    EXPECT_EQ(book.at("sheets"), json::array{"项目清单"});
    const auto& rows = book.at("rows").as_array();
    EXPECT_EQ(rows.at(0).at(0), "项目清单");
    EXPECT_EQ(rows.at(1).at(0), "填报单位：山西省　　日期：2024-01-15");
    EXPECT_EQ(rows.at(1).at(7), "单位：亿元");
    const json::array upper = {"序号",     "项目编码", "项目名称", "所属地市", "所属开发区",
                               "投资主体", "统一社会信用代码", "产业", "建设内容", "投资情况",
                               nullptr,    "时间安排", nullptr,    "所处阶段", "责任单位"};
    const json::array lower = {nullptr,  nullptr,        nullptr,    nullptr,    nullptr,  nullptr, nullptr, nullptr,
                               nullptr,  "总投资",       "年度计划投资", "计划开工", "计划投产", nullptr, nullptr};
    EXPECT_EQ(rows.at(2), upper);
    EXPECT_EQ(rows.at(3), lower);
    const auto merged = merged_ranges(book);
    const std::set<std::string> expected = {"A1:O1", "A2:G2", "H2:O2", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4",
                                            "F3:F4", "G3:G4", "H3:H4", "I3:I4", "J3:K3", "L3:M3", "N3:N4", "O3:O4"};
    EXPECT_EQ(merged, expected);
    EXPECT_EQ(book.at("freeze"), "A5");
    EXPECT_EQ(book.at("print_title_rows"), "$3:$4");
    EXPECT_TRUE(book.at("bold").at(0).at(0).as_bool());
    EXPECT_TRUE(book.at("bold").at(2).at(8).as_bool());

    const auto data = data_rows(book);
    EXPECT_EQ(data.size(), snapshot().size());
    Money total, annual;
    for (std::size_t i = 0; i < data.size(); ++i) {
        EXPECT_EQ(data[i].at(kSerial).to_number<std::int64_t>(), static_cast<std::int64_t>(i + 1));
        total = total.checked_add(amount(data[i].at(kTotal), MoneyUnit::kYi)).value();
        annual = annual.checked_add(amount(data[i].at(kAnnual), MoneyUnit::kYi)).value();
    }
    const auto& last = total_row(book);
    EXPECT_EQ(last.at(kSerial), "合计");
    EXPECT_EQ(text(last.at(kCode)), "共" + std::to_string(data.size()) + "个项目");
    EXPECT_EQ(amount(last.at(kTotal), MoneyUnit::kYi), total);
    EXPECT_EQ(amount(last.at(kAnnual), MoneyUnit::kYi), annual);
    EXPECT_TRUE(book.at("bold").as_array().back().at(kTotal).as_bool());
}

TEST_P(ProjectExportTest, RowsAreTheListsRowsInItsOrderWithMoneyAndDatesAsNumbers) {
    const std::string query = "?stage=started&sort=total_investment&order=desc";
    const auto items = listed("province", query);
    const auto book = workbook("province", query);
    const auto data = data_rows(book);
    ASSERT_EQ(data.size(), items.size());
    ASSERT_FALSE(items.empty());
    Money sum;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& item = items[i].as_object();
        const auto& row = data[i].as_array();
        EXPECT_EQ(row.at(kCode), item.at("code"));
        EXPECT_EQ(row.at(kName), item.at("name"));
        EXPECT_EQ(row.at(kZone), item.at("zone_name"));
        EXPECT_EQ(text(row.at(kStage)).rfind("开工", 0), 0u) << text(row.at(kStage));
        std::string investors;
        for (const auto& name : item.at("investors").as_array()) {
            investors += (investors.empty() ? "" : "、") + std::string(name.as_string());
        }
        EXPECT_EQ(text(row.at(kInvestors)), investors);
        // The lead investor's credit code, so the list imports back matching by it; none without investors.
        EXPECT_EQ(text(row.at(kCreditCode)).size(), investors.empty() ? 0u : 18u) << text(row.at(kCreditCode));
        EXPECT_EQ(amount(row.at(kTotal), MoneyUnit::kYi), listed_money(item.at("total_investment")));
        EXPECT_EQ(amount(row.at(kAnnual), MoneyUnit::kYi), listed_money(item.at("annual_planned_investment")));
        EXPECT_EQ(cell_date(row.at(kStart)), listed_date(item.at("planned").at("start")));
        EXPECT_EQ(cell_date(row.at(kProduction)), listed_date(item.at("planned").at("production")));
        if (item.at("city_code") == "140100") {
            EXPECT_EQ(row.at(kCity), "太原市");
        }
        EXPECT_EQ(text(row.at(kUnit)), std::string(item.at("responsible_unit").as_string()));
        sum = sum.checked_add(listed_money(item.at("total_investment"))).value();
        // The format shows the amount's own decimals: nothing rounded away, nothing padded.
        const auto decimal = listed_money(item.at("total_investment")).to_decimal(MoneyUnit::kYi);
        const auto point = decimal.find('.');
        const auto places = point == std::string::npos ? 0 : decimal.size() - point - 1;
        EXPECT_EQ(text(book.at("formats").at(kHeadingRows + i).at(kTotal)),
                  places == 0 ? "#,##0" : "#,##0." + std::string(places, '0'));
        EXPECT_EQ(book.at("formats").at(kHeadingRows + i).at(kStart), "yyyy-mm-dd");
    }
    EXPECT_EQ(amount(total_row(book).at(kTotal), MoneyUnit::kYi), sum);
    // Descending by total investment, as the list.
    for (std::size_t i = 1; i < data.size(); ++i) {
        EXPECT_GE(amount(data[i - 1].at(kTotal), MoneyUnit::kYi), amount(data[i].at(kTotal), MoneyUnit::kYi));
    }
}

TEST_P(ProjectExportTest, MoneyIsInTheChosenUnitAndEnglishOnRequest) {
    const auto items = listed("province", "?city=140100");
    ASSERT_FALSE(items.empty());
    const auto first = listed_money(items.front().at("total_investment"));
    struct Case {
        std::string unit, note;
        MoneyUnit in;
    };
    const std::vector<Case> cases = {{"%E4%B8%87%E5%85%83", "单位：万元", MoneyUnit::kWan},  // 万元
                                     {"wan", "单位：万元", MoneyUnit::kWan},
                                     {"%E5%85%83", "单位：元", MoneyUnit::kYuan},  // 元
                                     {"yuan", "单位：元", MoneyUnit::kYuan},
                                     {"%E4%BA%BF%E5%85%83", "单位：亿元", MoneyUnit::kYi},  // 亿元
                                     {"yi", "单位：亿元", MoneyUnit::kYi}};
    for (const auto& c : cases) {
        const auto book = workbook("province", "?city=140100&unit=" + c.unit);
        ASSERT_FALSE(book.empty()) << c.unit;
        EXPECT_EQ(book.at("rows").at(1).at(7), c.note.c_str()) << c.unit;
        EXPECT_EQ(amount(data_rows(book).at(0).at(kTotal), c.in), first) << c.unit;
    }
    const auto res = download("province", "?city=140100&unit=wan&lang=en");
    EXPECT_NE(res.header("content-disposition").find("filename*=UTF-8''projects-2024-01-15.xlsx"), std::string::npos);
    const auto book = read_xlsx(res.body);
    const auto& rows = book.at("rows").as_array();
    EXPECT_EQ(book.at("sheets"), json::array{"Projects"});
    EXPECT_EQ(rows.at(0).at(0), "Project List");
    EXPECT_EQ(rows.at(1).at(0), "Reporting unit: Shanxi    Date: 2024-01-15");
    EXPECT_EQ(rows.at(1).at(7), "Unit: 10k yuan");
    EXPECT_EQ(rows.at(2).at(0), "No.");
    EXPECT_EQ(rows.at(2).at(kTotal), "Investment");
    EXPECT_EQ(rows.at(3).at(kTotal), "Total investment");
    const auto data = data_rows(book);
    EXPECT_EQ(data.at(0).at(kCity), "Taiyuan");
    EXPECT_EQ(amount(data.at(0).at(kTotal), MoneyUnit::kWan), first);
    EXPECT_EQ(total_row(book).at(kSerial), "Total");
    EXPECT_EQ(text(total_row(book).at(kCode)), std::to_string(items.size()) + " projects");
}

TEST_P(ProjectExportTest, AZoneExportsItsProjectsAndACityItsZonesOnly) {
    const auto zones = all_zones();
    const auto own = std::find_if(zones.begin(), zones.end(), [](const auto& z) { return z.slug == "taiyuan-zgq"; });
    ASSERT_NE(own, zones.end());
    const auto zone_book = workbook("taiyuan-zgq");
    const auto zone_rows = data_rows(zone_book);
    EXPECT_EQ(zone_rows.size(), listed("taiyuan-zgq").size());
    ASSERT_FALSE(zone_rows.empty());
    for (const auto& row : zone_rows) EXPECT_EQ(row.at(kZone), own->name.c_str());
    EXPECT_EQ(text(zone_book.at("rows").at(1).at(0)), "填报单位：" + own->name + "　　日期：2024-01-15");

    const auto city_rows = data_rows(workbook("taiyuan"));
    EXPECT_EQ(city_rows.size(), listed("taiyuan").size());
    EXPECT_LT(city_rows.size(), snapshot().size());
    for (const auto& row : city_rows) EXPECT_EQ(row.at(kCity), "太原市");

    // Filters outside the scope give what the list gives: nothing, and a 合计 row of nothing.
    const auto other = std::find_if(zones.begin(), zones.end(), [](const auto& z) { return z.slug == "datong-etdz"; });
    ASSERT_NE(other, zones.end());
    for (const auto& query :
         std::vector<std::string>{"?zone=" + std::to_string(other->id), std::string("?city=140200")}) {
        EXPECT_TRUE(listed("taiyuan", query).empty()) << query;
        const auto book = workbook("taiyuan", query);
        EXPECT_TRUE(data_rows(book).empty()) << query;
        EXPECT_EQ(total_row(book).at(kCode), "共0个项目");
        EXPECT_EQ(amount(total_row(book).at(kTotal), MoneyUnit::kYi), Money{});
    }
}

TEST_P(ProjectExportTest, EachFilterNarrowsTheExportAsItNarrowsTheList) {
    const auto zone = all_zones().front();
    for (const auto& query :
         std::vector<std::string>{std::string("?city=140100"), "?zone=" + std::to_string(zone.id),
                                  std::string("?industry=new_energy"), std::string("?stage=producing"),
                                  std::string("?status=active&sort=name"), std::string("?q=%E5%85%89%E4%BC%8F")}) {
        const auto items = listed("province", query);
        const auto data = data_rows(workbook("province", query));
        ASSERT_EQ(data.size(), items.size()) << query;
        for (std::size_t i = 0; i < items.size(); ++i) EXPECT_EQ(data[i].at(kCode), items[i].at("code")) << query;
    }
}

TEST_P(ProjectExportTest, BadParametersAreNamedLikeTheLists) {
    EXPECT_EQ(refused_fields("?unit=%E7%BE%8E%E5%85%83"), std::set<std::string>{"unit"});  // 美元
    EXPECT_EQ(refused_fields("?unit="), std::set<std::string>{"unit"});
    EXPECT_EQ(refused_fields("?unit=yi&unit=wan"), std::set<std::string>{"unit"});
    EXPECT_EQ(refused_fields("?lang=fr"), std::set<std::string>{"lang"});
    EXPECT_EQ(refused_fields("?stage=done&sort=height"), (std::set<std::string>{"stage", "sort"}));
    EXPECT_EQ(refused_fields("?city=1401"), std::set<std::string>{"city"});
    // The export holds every row: paging parameters are not its own.
    EXPECT_EQ(refused_fields("?page=2&page_size=10&cursor=abc"),
              (std::set<std::string>{"page", "page_size", "cursor"}));
    EXPECT_EQ(refused_fields("?format=csv"), std::set<std::string>{"format"});
    EXPECT_EQ(anonymous()->get(kExportPath).status, 401);
}

INSTANTIATE_TEST_SUITE_P(Backends, ProjectExportTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace project_export_test
}  // namespace sanpi::testing
