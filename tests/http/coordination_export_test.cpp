// GET /api/v1/coordination-items/export.xlsx: the coordination list as a workbook in the official
// layout, read back with openpyxl: the province's list item by item (labels, deadlines, the overdue
// mark), the 合计 count, a city's and a zone's scope, a filter, English, and refusals.
#include "domain/coordination_item.hpp"
#include "export_fixture.hpp"

namespace sanpi::testing {
namespace coordination_export_test {

namespace json = boost::json;

constexpr const char* kPath = "/api/v1/coordination-items/export.xlsx";
constexpr const char* kList = "/api/v1/coordination-items";
// A 序号, B 项目名称, C 所属开发区, D 问题类别, E 问题描述, F 协调层级, G 责任单位, H 办结时限, I 状态,
// J 办理结果.
enum Col : std::size_t {
    kSerial,
    kName,
    kZone,
    kCategory,
    kDescription,
    kLevel,
    kDepartment,
    kDeadline,
    kStatus,
    kResolution
};

std::string text_of(const json::value& v) { return v.is_string() ? std::string(v.as_string()) : ""; }

using CoordinationExportTest = ExportTest;

TEST_P(CoordinationExportTest, TheProvincesItemsInTheOfficialLayoutAsItsListHasThem) {
    const auto res = download("province", kPath);
    // 问题诉求-2024-01-15.xlsx
    EXPECT_EQ(res.header("content-disposition"),
              "attachment; filename=\"_-2024-01-15.xlsx\"; "
              "filename*=UTF-8''%E9%97%AE%E9%A2%98%E8%AF%89%E6%B1%82-2024-01-15.xlsx");
    const auto book = read_xlsx(res.body);
    ASSERT_FALSE(book.empty());
    EXPECT_EQ(book.at("sheets"), json::array{"问题诉求"});
    const auto& rows = book.at("rows").as_array();
    EXPECT_EQ(rows.at(0).at(0), "项目问题诉求清单");
    EXPECT_EQ(rows.at(1).at(0), "填报单位：山西省　　日期：2024-01-15");
    EXPECT_TRUE(rows.at(1).at(5).is_null());  // no amounts: no unit
    const json::array upper = {"序号",     "项目名称", "所属开发区", "问题类别", "问题描述",
                               "协调层级", "责任单位", "办结时限",   "状态",     "办理结果"};
    EXPECT_EQ(upper_header(book), upper);
    const std::set<std::string> merged = {"A1:J1", "A2:E2", "F2:J2", "A3:A4", "B3:B4", "C3:C4", "D3:D4",
                                          "E3:E4", "F3:F4", "G3:G4", "H3:H4", "I3:I4", "J3:J4"};
    EXPECT_EQ(merged_ranges(book), merged);
    EXPECT_EQ(book.at("freeze"), "A5");

    const auto items = listed("province", kList);
    const auto data = table_data_rows(book);
    ASSERT_EQ(data.size(), items.size());
    ASSERT_GT(data.size(), 100u);
    std::size_t overdue = 0;
    for (std::size_t i = 0; i < data.size(); ++i) {
        const auto& row = data[i].as_array();
        const auto& item = items[i];
        EXPECT_EQ(row.at(kName), item.at("project_name"));
        EXPECT_EQ(row.at(kZone), item.at("zone_name"));
        const auto category = domain::coordination_category_from_string(text_of(item.at("category"))).value();
        EXPECT_EQ(cell_text(row.at(kCategory)), std::string(domain::label_zh(category)));
        EXPECT_EQ(row.at(kDescription), item.at("description"));
        const auto level = domain::coordination_level_from_string(text_of(item.at("level"))).value();
        EXPECT_EQ(cell_text(row.at(kLevel)), std::string(domain::label_zh(level)));
        EXPECT_EQ(row.at(kDepartment), item.at("responsible_department"));
        EXPECT_EQ(cell_date(row.at(kDeadline)), std::string(item.at("deadline").as_string()));
        const auto status = domain::coordination_status_from_string(text_of(item.at("status"))).value();
        const bool late = item.at("overdue").as_bool();
        overdue += late ? 1 : 0;
        EXPECT_EQ(cell_text(row.at(kStatus)), std::string(domain::label_zh(status)) + (late ? "（已逾期）" : ""));
        EXPECT_EQ(text_of(row.at(kResolution)), text_of(item.at("resolution")));
    }
    EXPECT_GT(overdue, 0u);
    const auto& total = table_total_row(book);
    EXPECT_EQ(total.at(kSerial), "合计");
    EXPECT_EQ(cell_text(total.at(kName)), "共" + std::to_string(data.size()) + "项");
}

TEST_P(CoordinationExportTest, ACityAndAZoneExportOnlyTheirOwnItems) {
    const auto city_items = listed("taiyuan", kList);
    const auto city = table_data_rows(workbook("taiyuan", kPath));
    ASSERT_EQ(city.size(), city_items.size());
    ASSERT_FALSE(city.empty());
    EXPECT_LT(city.size(), listed("province", kList).size());
    for (std::size_t i = 0; i < city.size(); ++i) {
        EXPECT_EQ(city_items[i].at("city_code"), "140100");
        EXPECT_EQ(city[i].at(kZone), city_items[i].at("zone_name"));
    }
    const auto zone = city_items.at(0).at("zone_id").as_int64();
    std::string slug;
    for (const auto& z : all_zones()) slug = z.id == zone ? z.slug : slug;
    const auto own = table_data_rows(workbook(slug, kPath));
    EXPECT_EQ(own.size(), listed(slug, kList).size());
    ASSERT_FALSE(own.empty());
    for (const auto& row : own) EXPECT_EQ(row.at(kZone), city_items.at(0).at("zone_name"));
    // Another city's items are none of its business.
    EXPECT_TRUE(table_data_rows(workbook("taiyuan", std::string(kPath) + "?city=140200")).empty());
}

TEST_P(CoordinationExportTest, AFilterIsHonouredEnglishOnRequestAndBadParametersAreNamed) {
    const std::string path = kPath;
    const auto late = table_data_rows(workbook("province", path + "?overdue=true"));
    EXPECT_EQ(late.size(), listed("province", kList, "overdue=true").size());
    ASSERT_FALSE(late.empty());
    for (const auto& row : late) EXPECT_NE(text_of(row.at(kStatus)).find("（已逾期）"), std::string::npos);
    const auto land = table_data_rows(workbook("province", path + "?category=land"));
    EXPECT_EQ(land.size(), listed("province", kList, "category=land").size());
    for (const auto& row : land) EXPECT_EQ(row.at(kCategory), "土地");
    const auto book = workbook("province", path + "?lang=en&level=province");
    EXPECT_EQ(book.at("rows").at(0).at(0), "Coordination Items");
    EXPECT_EQ(upper_header(book).at(kDeadline), "Deadline");
    const auto english = table_data_rows(book);
    EXPECT_EQ(english.size(), listed("province", kList, "level=province").size());
    for (const auto& row : english) {
        EXPECT_EQ(cell_text(row.at(kLevel)), std::string(domain::label_en(domain::CoordinationLevel::kProvince)));
    }
    EXPECT_EQ(cell_text(table_total_row(book).at(kName)), std::to_string(english.size()) + " items");

    EXPECT_EQ(refused_fields("province", path + "?status=done&lang=fr"), (std::set<std::string>{"status", "lang"}));
    EXPECT_EQ(refused_fields("province", path + "?unit=yi"), std::set<std::string>{"unit"});  // no amounts
    EXPECT_EQ(refused_fields("province", path + "?page=2"), std::set<std::string>{"page"});
    EXPECT_EQ(anonymous()->get(path).status, 401);
}

INSTANTIATE_TEST_SUITE_P(Backends, CoordinationExportTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace coordination_export_test
}  // namespace sanpi::testing
