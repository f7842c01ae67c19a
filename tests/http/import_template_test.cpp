// GET /api/v1/imports/template.xlsx: the blank templates, read back with openpyxl (the header, its
// merged ranges, no rows, the drop-downs and their lists within the caller's scope), and a template
// filled by openpyxl that POST /api/v1/imports previews with no rejected row and no ignored header.
#include "export_fixture.hpp"

namespace sanpi::testing {
namespace import_template_test {

namespace json = boost::json;

constexpr const char* kPath = "/api/v1/imports/template.xlsx";
constexpr std::string_view kBoundary = "----sanpi-template-boundary";

// Columns A 序号 … U 备注: E 所属地市, F 所属开发区, I 产业, K–L 投资情况, M–O 时间安排, P 所处阶段.
enum Col : std::size_t {
    kSerial,
    kCode,
    kNationalCode,
    kName,
    kCity,
    kZone,
    kInvestor,
    kCredit,
    kIndustry,
    kContent,
    kTotal,
    kAnnual,
    kSign,
    kStart,
    kProduction,
    kStage,
    kUnit,
    kOutput,
    kTax,
    kJobs,
    kRemarks,
    kColumns
};

std::string upload_body(const std::string& file, const std::string& kind) {
    const std::string dash = "--" + std::string(kBoundary);
    return dash + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"template.xlsx\"\r\n" +
           "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n" + file + "\r\n" +
           dash + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n" + dash + "--\r\n";
}

class ImportTemplateTest : public ExportTest {
protected:
    static json::array list_items(const json::object& book, const std::string& sheet, std::size_t col) {
        json::array out;
        const auto& rows = book.at("other_sheets").at(sheet).as_array();
        for (std::size_t r = 1; r < rows.size(); ++r) {
            const auto& v = rows[r].at(col);
            if (!v.is_null()) out.push_back(v);
        }
        return out;
    }
};

TEST_P(ImportTemplateTest, AZonesProjectTemplateHasTheImportersHeaderAndItsOwnChoices) {
    const auto res = download("datong-etdz", std::string(kPath) + "?kind=projects");
    // 项目导入模板.xlsx
    EXPECT_EQ(res.header("content-disposition"),
              "attachment; filename=\"_.xlsx\"; "
              "filename*=UTF-8''%E9%A1%B9%E7%9B%AE%E5%AF%BC%E5%85%A5%E6%A8%A1%E6%9D%BF.xlsx");
    const auto book = read_xlsx(res.body);
    ASSERT_FALSE(book.empty());
    EXPECT_EQ(book.at("sheets"), (json::array{"导入模板", "选项"}));
    const auto& rows = book.at("rows").as_array();
    ASSERT_EQ(rows.size(), 4u);  // title, unit line, header: no data rows, no 合计
    EXPECT_EQ(rows.at(0).at(0), "项目导入模板");
    EXPECT_EQ(rows.at(1).at(0), "填报单位：大同经济技术开发区　　日期：2024-01-15");
    EXPECT_EQ(rows.at(1).at(10), "单位：亿元");
    const json::array upper = {"序号",       "项目编码", "投资项目统一代码", "项目名称", "所属地市",
                               "所属开发区", "投资主体", "统一社会信用代码", "产业",     "建设内容",
                               "投资情况",   nullptr,    "时间安排",         nullptr,    nullptr,
                               "所处阶段",   "责任单位", "预计产值",         "预计税收", "预计就业",
                               "备注"};
    EXPECT_EQ(upper_header(book), upper);
    EXPECT_EQ(lower_header(book).at(kTotal), "总投资");
    EXPECT_EQ(lower_header(book).at(kAnnual), "年度计划投资");
    EXPECT_EQ(lower_header(book).at(kSign), "计划签约");
    EXPECT_EQ(lower_header(book).at(kProduction), "计划投产");
    const auto merged = merged_ranges(book);
    for (const char* range : {"A1:U1", "A2:J2", "K2:U2", "A3:A4", "D3:D4", "K3:L3", "M3:O3", "P3:P4", "U3:U4"}) {
        EXPECT_EQ(merged.count(range), 1u) << range;
    }
    EXPECT_EQ(merged.size(), 3u + (kColumns - 5) + 2);  // title, unit line, 16 columns down both rows, 2 groups
    EXPECT_EQ(book.at("freeze"), "A5");
    EXPECT_EQ(book.at("column_formats").at("H"), "@");  // a credit code stays text
    EXPECT_EQ(book.at("column_formats").at("N"), "yyyy-mm-dd");

    // Drop-downs on the 1000 rows below the header, each from its list on the options sheet.
    std::map<std::string, std::string> validations;
    for (const auto& v : book.at("validations").as_array()) {
        EXPECT_EQ(v.at("type"), "list");
        EXPECT_EQ(v.at("error_style"), "warning");
        validations[std::string(v.at("sqref").as_string())] = std::string(v.at("formula1").as_string());
    }
    // A list of one item is its one cell.
    const std::map<std::string, std::string> expected = {{"E5:E1004", "'选项'!$A$2"},
                                                         {"F5:F1004", "'选项'!$B$2"},
                                                         {"I5:I1004", "'选项'!$C$2:$C$9"},
                                                         {"P5:P1004", "'选项'!$D$2:$D$6"}};
    EXPECT_EQ(validations, expected);
    const auto& headings = book.at("other_sheets").at("选项").at(0);
    EXPECT_EQ(headings, (json::array{"所属地市", "所属开发区", "产业", "所处阶段"}));
    EXPECT_EQ(list_items(book, "选项", 0), json::array{"大同市"});
    EXPECT_EQ(list_items(book, "选项", 1), json::array{"大同经济技术开发区"});
    EXPECT_EQ(list_items(book, "选项", 2).size(), 8u);
    EXPECT_EQ(list_items(book, "选项", 3), (json::array{"储备", "签约", "开工", "投产", "达产达效"}));
}

TEST_P(ImportTemplateTest, TheProvinceChoosesAmongEveryCityAndZoneAndEnglishOnRequest) {
    const auto book = workbook("province", std::string(kPath) + "?kind=entries&lang=en");
    ASSERT_FALSE(book.empty());
    EXPECT_EQ(book.at("sheets"), (json::array{"Template", "Options"}));
    EXPECT_EQ(book.at("rows").at(0).at(0), "Campaign Entries Import Template");
    EXPECT_EQ(book.at("rows").at(1).at(10), "Unit: 100m yuan");
    EXPECT_EQ(upper_header(book).at(kSerial), "No.");
    EXPECT_EQ(upper_header(book).at(kTotal), "Investment");
    EXPECT_EQ(lower_header(book).at(kTotal), "Total investment");
    EXPECT_EQ(list_items(book, "Options", 0).size(), 11u);
    EXPECT_EQ(list_items(book, "Options", 1).size(), all_zones().size());
    EXPECT_EQ(list_items(book, "Options", 2).at(0), "Modern coal chemicals");
    EXPECT_EQ(list_items(book, "Options", 3).at(4), "At capacity");
    const auto city = workbook("taiyuan", std::string(kPath) + "?kind=projects");
    EXPECT_EQ(list_items(city, "选项", 0), json::array{"太原市"});
    for (const auto& zone : list_items(city, "选项", 1)) {
        bool in_taiyuan = false;
        for (const auto& z : all_zones())
            in_taiyuan = in_taiyuan || (z.name == zone.as_string() && z.region.city().str() == "140100");
        EXPECT_TRUE(in_taiyuan) << zone;
    }
}

TEST_P(ImportTemplateTest, AFilledTemplateImportsWithNoRejectedRowAndNoIgnoredHeader) {
    const auto blank = download("datong-etdz", std::string(kPath) + "?kind=projects");
    const std::string name = "模板导入项目" + backend_name(GetParam());
    json::array full(kColumns);
    full[kSerial] = 1;
    full[kName] = name;
    full[kCity] = "大同市";
    full[kZone] = "大同经济技术开发区";
    full[kInvestor] = "大同模板测试新能源有限公司";
    full[kCredit] = "91140700MA0GRT5X03";
    full[kIndustry] = "新能源";
    full[kContent] = "年产1GW光伏组件";
    full[kTotal] = 12.5;
    full[kAnnual] = 3;
    full[kSign] = json::object{{"date", "2024-03-01"}};
    full[kStart] = json::object{{"date", "2024-06-01"}};
    full[kProduction] = json::object{{"date", "2025-06-30"}};
    full[kStage] = "储备";
    full[kUnit] = "大同经济技术开发区管委会";
    full[kOutput] = 20;
    full[kTax] = 1.5;
    full[kJobs] = 300;
    full[kRemarks] = "模板测试";
    json::array minimal(kColumns);
    minimal[kSerial] = 2;
    minimal[kName] = name + "二期";
    minimal[kZone] = "大同经济技术开发区";
    minimal[kIndustry] = "新材料";
    minimal[kTotal] = 0.8;
    const auto filled = fill_xlsx(blank.body, json::array{full, minimal}, 5);
    ASSERT_FALSE(filled.empty());

    const HeaderList multipart{{"Content-Type", "multipart/form-data; boundary=" + std::string(kBoundary)}};
    auto res = as("datong-etdz")->request("POST", "/api/v1/imports", upload_body(filled, "projects"), multipart);
    ASSERT_EQ(res.status, 201) << res.body.substr(0, 1000);
    const auto preview = res.json().as_object();
    EXPECT_EQ(preview.at("ignored_headers"), json::array{}) << res.body.substr(0, 1000);
    EXPECT_EQ(preview.at("rejected"), json::array{}) << res.body.substr(0, 2000);
    EXPECT_EQ(preview.at("counts").at("rejected"), 0);
    EXPECT_EQ(preview.at("counts").at("created"), 2);
    EXPECT_EQ(preview.at("title"), "项目导入模板");
    std::set<std::string> fields;
    for (const auto& c : preview.at("columns").as_array()) {
        fields.insert(std::string(c.at("field").as_string()));
        if (c.as_object().contains("unit")) {
            EXPECT_EQ(c.at("unit"), "yi") << c;
        }
    }
    for (const char* field : {"name", "city", "zone", "enterprise", "credit_code", "industry", "total_investment",
                              "planned.sign", "planned.production", "stage", "expected_jobs"}) {
        EXPECT_EQ(fields.count(field), 1u) << field;
    }
}

TEST_P(ImportTemplateTest, AnUnknownOrMissingKindAndBadParametersAreNamed) {
    const std::string path = kPath;
    EXPECT_EQ(refused_fields("province", path + "?kind=budgets"), std::set<std::string>{"kind"});
    EXPECT_EQ(refused_fields("province", path), std::set<std::string>{"kind"});
    EXPECT_EQ(refused_fields("province", path + "?kind=projects&lang=fr&unit=yi"),
              (std::set<std::string>{"lang", "unit"}));
    EXPECT_EQ(anonymous()->get(path + "?kind=projects").status, 401);
}

INSTANTIATE_TEST_SUITE_P(Backends, ImportTemplateTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace import_template_test
}  // namespace sanpi::testing
