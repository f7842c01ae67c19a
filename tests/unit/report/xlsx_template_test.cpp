#include "report/xlsx_template.hpp"

#include <gtest/gtest.h>

#include <string>

#include "unzip.hpp"
#include "xml_check.hpp"

namespace sanpi::report {
namespace xlsx_template_test {

TemplateSpec small_template() {
    TemplateSpec spec;
    spec.table.sheet_name = "导入模板";
    spec.table.title = "项目导入模板";
    spec.table.filled_by = "填报单位：太原市";
    spec.table.unit_note = "单位：亿元";
    spec.table.columns = {{"项目名称", "", TableColumnKind::kText},
                          {"所属开发区", "", TableColumnKind::kText},
                          {"产业", "", TableColumnKind::kText},
                          {"总投资", "投资情况", TableColumnKind::kMoney},
                          {"计划开工", "时间安排", TableColumnKind::kDate},
                          {"所处阶段", "", TableColumnKind::kText}};
    spec.choices = {{"所属开发区", {"太原经济技术开发区", "太原高新技术产业开发区", "清徐经济开发区"}},
                    {"产业", {"新能源", "新材料"}},
                    {"所处阶段", {}}};
    spec.column_choices = {std::nullopt, 0, 1, std::nullopt, std::nullopt, 2};
    return spec;
}

std::string part(const std::string& bytes, const std::string& name) {
    const auto zip = ::sanpi::testing::unzip(bytes);
    const auto found = zip.parts.find(name);
    if (found == zip.parts.end()) {
        ADD_FAILURE() << "no " << name << " in the workbook";
        return "";
    }
    EXPECT_EQ(::sanpi::testing::xml_problem(found->second), "");
    return found->second;
}

bool has(const std::string& text, const std::string& piece) { return text.find(piece) != std::string::npos; }

TEST(ImportTemplate, TheHeaderWithoutRowsAndADropDownPerListColumn) {
    const auto bytes = write_import_template(small_template()).value();
    const auto sheet = part(bytes, "xl/worksheets/sheet1.xml");
    EXPECT_TRUE(has(sheet, "<mergeCell ref=\"A1:G1\"/>")) << sheet;
    EXPECT_TRUE(has(sheet, "<mergeCell ref=\"B3:B4\"/>"));
    EXPECT_TRUE(has(sheet, "ySplit=\"4\" topLeftCell=\"A5\""));
    EXPECT_FALSE(has(sheet, "<row r=\"5\""));  // no data rows, no 合计
    EXPECT_FALSE(has(sheet, "合计"));
    // Two drop-downs (the stage list is empty: none), over the 1000 rows below the header, from the
    // options sheet; a value not in the list gets a warning, not a refusal.
    EXPECT_TRUE(has(sheet, "<dataValidations count=\"2\">")) << sheet;
    EXPECT_TRUE(has(sheet, "sqref=\"C5:C1004\"")) << sheet;
    EXPECT_TRUE(has(sheet, "<formula1>'选项'!$A$2:$A$4</formula1>")) << sheet;
    EXPECT_TRUE(has(sheet, "sqref=\"D5:D1004\""));
    EXPECT_TRUE(has(sheet, "<formula1>'选项'!$B$2:$B$3</formula1>"));
    EXPECT_TRUE(has(sheet, "errorStyle=\"warning\""));
    // 所属开发区 as wide as its longest choice (22) and the padding.
    EXPECT_TRUE(has(sheet, "<col min=\"3\" max=\"3\" width=\"24.7109375\"")) << sheet;

    const auto options = part(bytes, "xl/worksheets/sheet2.xml");
    EXPECT_TRUE(has(options, "<row r=\"4\""));  // the longest list: heading and three items
    EXPECT_FALSE(has(options, "<row r=\"5\""));
    const auto workbook = part(bytes, "xl/workbook.xml");
    EXPECT_TRUE(has(workbook, "name=\"导入模板\"")) << workbook;
    EXPECT_TRUE(has(workbook, "name=\"选项\""));
    // Constant-memory mode writes strings inline, in the sheets themselves.
    EXPECT_TRUE(has(sheet, "<t>项目导入模板</t>"));
    for (const char* text : {"太原高新技术产业开发区", "新材料", "所处阶段"}) {
        EXPECT_TRUE(has(options, std::string("<t>") + text + "</t>")) << text;
    }
}

TEST(ImportTemplate, ColumnsKeepWhatIsTypedIntoThem) {
    const auto bytes = write_import_template(small_template()).value();
    const auto sheet = part(bytes, "xl/worksheets/sheet1.xml");
    const auto styles = part(bytes, "xl/styles.xml");
    EXPECT_TRUE(has(styles, "formatCode=\"@\"")) << styles;
    EXPECT_TRUE(has(styles, "formatCode=\"yyyy\\-mm\\-dd\"") || has(styles, "formatCode=\"yyyy-mm-dd\"")) << styles;
    // Text columns (B, C, D, G) and the date column (F) carry a style; the money column (E) not.
    EXPECT_TRUE(has(sheet, "<col min=\"2\" max=\"2\"") && has(sheet, "style="));
    const auto money = sheet.substr(sheet.find("<col min=\"5\" max=\"5\""));
    EXPECT_FALSE(has(money.substr(0, money.find("/>")), "style=")) << money.substr(0, 80);
}

TEST(ImportTemplate, RefusesChoicesThatDoNotFitTheColumns) {
    auto spec = small_template();
    spec.column_choices.pop_back();
    EXPECT_EQ(write_import_template(spec).error().code, ErrorCode::kInvalidInput);
    spec = small_template();
    spec.column_choices[0] = 7;
    EXPECT_EQ(write_import_template(spec).error().code, ErrorCode::kInvalidInput);
    spec = small_template();
    spec.input_rows = 0;
    EXPECT_EQ(write_import_template(spec).error().code, ErrorCode::kInvalidInput);
}

}  // namespace xlsx_template_test
}  // namespace sanpi::report
