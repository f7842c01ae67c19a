// A project table's data rows read into the API's fields, or refused by row, column, value and
// reason with the API's own rules.
#include <gtest/gtest.h>

#include "service/import_rows.hpp"
#include "service/project_import_row.hpp"

namespace sanpi::service {
namespace {

using domain::MoneyUnit;
using import_test::number;
using import_test::row;

class ProjectImportRowTest : public ::testing::Test {
protected:
    void SetUp() override {
        const auto city = [](const char* code) { return domain::RegionCode::parse(code).value(); };
        catalog_.province_names = {"山西省"};
        catalog_.cities = {{city("140700"), "晋中市"}};
        catalog_.zones = {{7, "jinzhong-etdz", "晋中经济技术开发区", city("140700")}};
        catalog_.industries = {{"medicine_health", "现代医药和大健康", "Modern medicine and health", 1},
                               {"new_energy", "新能源", "New energy", 2}};
        const std::vector<sheet::Row> top{
            row(1, {{0, "单位：亿元"}}),
            row(2, {{0, "序号"}, {1, "项目名称"}, {2, "所属开发区"}, {3, "产业"}, {4, "投资主体"},
                    {5, "统一社会信用代码"}, {6, "总投资"}, {7, "计划开工"}, {8, "计划投产"}, {9, "项目阶段"}}),
        };
        layout_ = find_layout(top, {}).value();
    }

    MappedProjectRow map(const sheet::Row& r, const ImportZone* default_zone = nullptr) {
        CatalogMatches matches(catalog_);
        const ProjectRowContext context{layout_, matches, false, default_zone,
                                        domain::Date::from_ymd(2026, 12, 2).value()};
        return map_project_row(r, context);
    }

    ImportCatalog catalog_;
    TableLayout layout_;
};

TEST_F(ProjectImportRowTest, AGoodRowBecomesTheFieldsTheApiTakes) {
    const auto mapped = map(row(3, {number(0, "1"), {1, "年产1万吨\n医药中间体 项目"}, {2, "山西晋中经开区"},
                                    {3, "医药大健康"}, {4, "山西某某药业有限公司"}, {5, "91140700MA0GRT5X03"},
                                    number(6, "12.5"), {7, "2022.06"}, number(8, "44926", true), {9, "已签约"}}));
    ASSERT_TRUE(mapped.project) << mapped.problems.at(0).field << ": " << mapped.problems.at(0).reason.en;
    const auto& p = *mapped.project;
    EXPECT_EQ(p.row, 3);
    EXPECT_EQ(p.patch.name, "年产1万吨医药中间体项目");
    EXPECT_EQ(p.patch.zone_id, 7);
    EXPECT_EQ(p.patch.industry_code, "medicine_health");
    EXPECT_EQ(p.patch.total_investment, domain::Money::from_fen(125'000'000'000));
    EXPECT_EQ(p.patch.planned_start->value().iso(), "2022-06-01");
    EXPECT_EQ(p.patch.planned_production->value().iso(), "2022-12-31");
    EXPECT_EQ(p.enterprise, "山西某某药业有限公司");
    ASSERT_TRUE(p.credit_code);
    EXPECT_EQ(p.stage, domain::Stage::kSigned);
}

TEST_F(ProjectImportRowTest, EveryProblemOfARowIsNamedByColumnValueAndReason) {
    const auto mapped = map(row(9, {{1, "坏行"}, {2, "太原经开区"}, {3, "航空航天"}, {5, "91140700MA0GRT5X0A"},
                                    {6, "约12亿"}, {7, "2022年2月30日"}, {9, "快开工了"}}));
    EXPECT_FALSE(mapped.project);
    std::vector<std::pair<std::string, std::string>> got;
    for (const auto& problem : mapped.problems) {
        EXPECT_EQ(problem.row, 9);
        EXPECT_FALSE(problem.reason.zh.empty());
        EXPECT_FALSE(problem.reason.en.empty());
        got.emplace_back(problem.column, problem.field);
    }
    EXPECT_EQ(got, (std::vector<std::pair<std::string, std::string>>{{"C", "zone"},
                                                                      {"D", "industry"},
                                                                      {"F", "credit_code"},
                                                                      {"J", "stage"},
                                                                      {"G", "total_investment"},
                                                                      {"H", "planned.start"}}));
    EXPECT_EQ(mapped.problems[0].value, "太原经开区");
    EXPECT_EQ(mapped.problems[4].value, "约12亿");
}

TEST_F(ProjectImportRowTest, TheApisWholeRecordRulesApply) {
    // Production planned before the start: the API's own date-order check, on the production column.
    const auto mapped = map(row(4, {{1, "日期颠倒"}, {2, "晋中经济技术开发区"}, {3, "新能源"}, number(6, "1"),
                                    {7, "2023/6/30"}, {8, "2023/1/1"}}));
    ASSERT_FALSE(mapped.project);
    ASSERT_EQ(mapped.problems.size(), 1u);
    EXPECT_EQ(mapped.problems[0].column, "I");
    EXPECT_EQ(mapped.problems[0].field, "planned.production");
}

TEST_F(ProjectImportRowTest, AZoneComesFromTheImportWhenTheTableHasNoZoneValue) {
    const ImportZone& zone = catalog_.zones.front();
    const auto mapped = map(row(5, {{1, "无开发区列值"}, {3, "新能源"}, number(6, "2")}), &zone);
    ASSERT_TRUE(mapped.project);
    EXPECT_EQ(mapped.project->patch.zone_id, 7);
    const auto missing = map(row(5, {{1, "无开发区列值"}, {3, "新能源"}, number(6, "2")}));
    ASSERT_FALSE(missing.project);
    EXPECT_EQ(missing.problems.at(0).field, "zone");
}

TEST(ImportStages, NamesAsTablesWriteThem) {
    EXPECT_EQ(stage_named("在建"), domain::Stage::kStarted);
    EXPECT_EQ(stage_named("达产达效"), domain::Stage::kAtCapacity);
    EXPECT_EQ(stage_named("Producing"), domain::Stage::kProducing);
    EXPECT_FALSE(stage_named("快了"));
    // As an exported list writes a project that is not active.
    EXPECT_EQ(stage_named("开工（停缓建）"), domain::Stage::kStarted);
    EXPECT_EQ(stage_named("Signed (cancelled)"), domain::Stage::kSigned);
    EXPECT_FALSE(stage_named("开工（快了）"));
}

}  // namespace
}  // namespace sanpi::service
