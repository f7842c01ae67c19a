// A project table read whole from a file, as zones send it: written by an independent writer
// (python3-openpyxl) as XLSX, and as CSV.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "service/project_table.hpp"

namespace sanpi::service {
namespace {

using domain::Money;

class ProjectTableTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() /
               ("sanpi-table-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(dir_);
        const auto city = domain::RegionCode::parse("140700").value();
        catalog_.province_names = {"山西省"};
        catalog_.cities = {{city, "晋中市"}};
        catalog_.zones = {{7, "jinzhong-etdz", "晋中经济技术开发区", city}};
        catalog_.industries = {{"medicine_health", "现代医药和大健康", "Modern medicine and health", 1},
                               {"new_energy", "新能源", "New energy", 2},
                               {"big_data", "大数据", "Big data", 3}};
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    Result<ProjectTable> read(const std::string& path) {
        auto reader = sheet::open_sheet(path);
        if (!reader) return reader.error();
        const ProjectTableOptions options{0, &catalog_.zones.front(), domain::Date::from_ymd(2026, 12, 2).value(), {}};
        return read_project_table(**reader, catalog_, options);
    }

    std::filesystem::path dir_;
    ImportCatalog catalog_;
};

TEST_F(ProjectTableTest, AWorkbookAsAZoneSendsItIsReadWhole) {
    const std::string path = (dir_ / "table.xlsx").string();
    const std::string command =
        std::string(SANPI_PYTHON) + " " + SANPI_TEST_FIXTURES + "/project_table.py " + path;
    ASSERT_EQ(std::system(command.c_str()), 0) << "python3-openpyxl could not write " << command;
    const auto table = read(path);
    ASSERT_TRUE(table) << table.error().fields.at(0).message.en;

    EXPECT_EQ(table->sheet, "签约项目");
    EXPECT_EQ(table->layout.title, "晋中经济技术开发区2022年第二批签约项目表");
    EXPECT_EQ(table->layout.header_first_row, 3);
    EXPECT_EQ(table->layout.header_last_row, 4);
    EXPECT_EQ(table->data_rows, 5);

    ASSERT_EQ(table->accepted.size(), 3u);
    const auto& first = table->accepted[0];
    EXPECT_EQ(first.row, 5);
    EXPECT_EQ(first.patch.name, "年产1万吨医药中间体项目");
    EXPECT_EQ(first.patch.zone_id, 7);
    EXPECT_EQ(first.patch.industry_code, "medicine_health");
    EXPECT_EQ(first.patch.total_investment, Money::from_fen(125'000'000'000));        // 12.5 in 亿元
    EXPECT_EQ(first.patch.annual_planned_investment, Money::from_fen(30'000'000'000));  // 30000 in 万元
    EXPECT_EQ(first.patch.planned_start->value().iso(), "2022-06-30");
    EXPECT_EQ(first.patch.planned_production->value().iso(), "2023-06-01");
    const auto& second = table->accepted[1];
    EXPECT_EQ(second.patch.name, "光伏组件项目");
    EXPECT_EQ(second.patch.annual_planned_investment, Money::from_fen(5'000'000'000));  // "5000万元" typed
    EXPECT_EQ(second.patch.planned_production->value().iso(), "2023-12-01");           // 202312
    EXPECT_EQ(table->accepted[2].row, 11);

    ASSERT_EQ(table->repeated.size(), 1u);
    EXPECT_EQ(table->repeated[0].row, 8);
    EXPECT_EQ(table->repeated[0].same_as_row, 6);

    std::vector<std::pair<std::int64_t, std::string>> rejected;
    for (const auto& p : table->rejected) rejected.emplace_back(p.row, p.column);
    EXPECT_EQ(rejected, (std::vector<std::pair<std::int64_t, std::string>>{{9, "C"}, {9, "E"}, {9, "G"}}));

    ASSERT_EQ(table->total_checks.size(), 3u);
    EXPECT_EQ(table->total_checks[0].row, 7);
    EXPECT_TRUE(table->total_checks[0].agrees());
    EXPECT_TRUE(table->total_checks[1].agrees());  // 35000万 in the 万元 column
    EXPECT_EQ(table->total_checks[2].row, 12);
    EXPECT_EQ(table->total_checks[2].stated, Money::from_fen(990'000'000'000));
    EXPECT_EQ(table->total_checks[2].computed, Money::from_fen(205'000'000'000));
    EXPECT_FALSE(table->total_checks[2].agrees());
}

TEST_F(ProjectTableTest, ACsvTableIsReadTheSameWay) {
    const std::string path = (dir_ / "table.csv").string();
    std::ofstream(path, std::ios::binary) << "\xEF\xBB\xBF项目清单\n单位：万元\n"
                                             "序号,项目名称,产业,总投资,计划开工\n"
                                             "1,\"甲 项目\n二期\",新能源,5000,2022/6/30\n"
                                             ",,,,\n"
                                             "2,乙项目,新能源,\"1,200\",202207\n"
                                             "合计,,,6200,\n";
    const auto table = read(path);
    ASSERT_TRUE(table) << table.error().fields.at(0).message.en;
    ASSERT_EQ(table->accepted.size(), 2u);
    EXPECT_EQ(table->accepted[0].patch.name, "甲项目二期");
    EXPECT_EQ(table->accepted[0].patch.total_investment, Money::from_fen(5'000'000'000));
    EXPECT_EQ(table->accepted[1].row, 7);  // the line it starts on: row 4 spans two
    EXPECT_EQ(table->accepted[1].patch.planned_start->value().iso(), "2022-07-01");
    ASSERT_EQ(table->total_checks.size(), 1u);
    EXPECT_TRUE(table->total_checks[0].agrees());
}

TEST_F(ProjectTableTest, AFileWithoutAHeaderIsRefused) {
    const std::string path = (dir_ / "no-header.csv").string();
    std::ofstream(path, std::ios::binary) << "a,b,c\n1,2,3\n";
    const auto table = read(path);
    ASSERT_FALSE(table);
    EXPECT_EQ(table.error().fields.at(0).field, "file");
}

}  // namespace
}  // namespace sanpi::service
