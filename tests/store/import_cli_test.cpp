// `sanpi import` end to end on both backends: the JSON preview with the keys scripts read, the
// commit, and the same file again changing nothing.
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "store/store_fixture.hpp"

namespace sanpi::store_test {
namespace {

namespace json = boost::json;

std::string shell_quoted(const std::string& s) {
    std::string out = "'";
    for (const char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

class ImportCliTest : public StoreTest {
protected:
    void SetUp() override {
        StoreTest::SetUp();
        seed();
        std::filesystem::create_directories(dir_);
        std::ofstream(file_, std::ios::binary) << "项目名称,所属开发区,产业,总投资（万元）\n"
                                                  "命令行导入甲,TY-ETDZ,new_materials,100\n"
                                                  "命令行导入乙,DT-ETDZ,航空航天,100\n"
                                                  "合计,,,300\n";
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    std::pair<int, std::string> sanpi(const std::string& args) {
        const std::string command = "cd " + shell_quoted(dir_.string()) + " && " + shell_quoted(SANPI_BINARY) + " " + args +
                                    " --db " + shell_quoted(db_->url) + " 2>&1";
        std::string output;
        std::FILE* pipe = ::popen(command.c_str(), "r");
        if (pipe == nullptr) return {-1, ""};
        char buffer[4096];
        while (const auto n = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
        const int status = ::pclose(pipe);
        return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
    }

    std::int64_t projects() {
        store::ProjectQuery q;
        return read<store::Page<domain::ProjectView>>([&](store::Tx& tx) {
                   return tx.list_projects(domain::Scope::all(), q);
               }).total;
    }

    std::filesystem::path dir_ = std::filesystem::temp_directory_path() /
                                 ("sanpi-import-cli-" + std::to_string(::getpid()));
    std::string file_ = (dir_ / "表.csv").string();
};

TEST_P(ImportCliTest, PreviewsAsJsonCommitsAndChangesNothingTheSecondTime) {
    const auto before = projects();
    const auto [dry_code, dry_out] = sanpi("import " + shell_quoted(file_) + " --dry-run --json");
    ASSERT_EQ(dry_code, 0) << dry_out;
    const auto preview = json::parse(dry_out).as_object();
    for (const char* key : {"created", "updated", "rejected", "repeated", "near_duplicates", "total_checks"}) {
        EXPECT_TRUE(preview.contains(key)) << key;
    }
    ASSERT_EQ(preview.at("created").as_array().size(), 1u) << dry_out;
    EXPECT_EQ(preview.at("created").at(0).at("row"), 2);
    const auto& rejected = preview.at("rejected").as_array();
    ASSERT_EQ(rejected.size(), 1u);
    EXPECT_EQ(rejected[0].at("row"), 3);
    EXPECT_EQ(rejected[0].at("column"), "C");
    EXPECT_EQ(rejected[0].at("value"), "航空航天");
    EXPECT_FALSE(rejected[0].at("reason").as_string().empty());
    const auto& totals = preview.at("total_checks").as_array();
    ASSERT_EQ(totals.size(), 1u);
    EXPECT_EQ(totals[0].at("row"), 4);
    EXPECT_EQ(totals[0].at("stated"), "3000000");
    EXPECT_EQ(totals[0].at("computed"), "2000000");
    EXPECT_EQ(preview.at("sheet"), "表");
    EXPECT_EQ(projects(), before);

    const auto [code, out] = sanpi("import " + shell_quoted(file_));
    ASSERT_EQ(code, 0) << out;
    EXPECT_NE(out.find("新增 created 1"), std::string::npos) << out;
    EXPECT_NE(out.find("第3行"), std::string::npos) << out;
    EXPECT_EQ(projects(), before + 1);

    const auto [again_code, again_out] = sanpi("import " + shell_quoted(file_) + " --json");
    ASSERT_EQ(again_code, 0) << again_out;
    const auto again = json::parse(again_out).as_object();
    EXPECT_TRUE(again.at("created").as_array().empty());
    EXPECT_EQ(again.at("near_duplicates").as_array().size(), 1u);
    EXPECT_EQ(projects(), before + 1);
}

TEST_P(ImportCliTest, ABatchListIsEnteredIntoTheCampaignsBatch) {
    domain::Campaign campaign;
    campaign.name = "命令行批次清单活动";
    campaign.date = domain::Date::from_ymd(2024, 6, 20).value();
    campaign.year = 2024;
    campaign.sequence = 1;
    std::int64_t campaign_id = 0;
    write_void([&](store::Tx& tx) -> Result<void> {
        auto id = tx.insert_campaign(campaign);
        if (!id) return id.error();
        campaign_id = *id;
        return {};
    });
    const std::string args = "import " + shell_quoted(file_) + " --kind entries --campaign " +
                             std::to_string(campaign_id) + " --batch sign";
    const auto [dry_code, dry_out] = sanpi(args + " --dry-run --json");
    ASSERT_EQ(dry_code, 0) << dry_out;
    const auto preview = json::parse(dry_out).as_object();
    EXPECT_EQ(preview.at("batch"), "sign");
    EXPECT_EQ(preview.at("campaign").at("id"), campaign_id);
    ASSERT_EQ(preview.at("entered").as_array().size(), 1u) << dry_out;
    EXPECT_TRUE(preview.at("entered").at(0).at("project_id").is_null());

    const auto [code, out] = sanpi(args);
    ASSERT_EQ(code, 0) << out;
    EXPECT_NE(out.find("已登记 entered 1"), std::string::npos) << out;
    const auto entries = read<std::optional<domain::CampaignEntry>>([&](store::Tx& tx) -> Result<std::optional<domain::CampaignEntry>> {
        store::CampaignEntryQuery q;
        q.campaign_id = campaign_id;
        auto page = tx.list_campaign_entries(domain::Scope::all(), q);
        if (!page) return page.error();
        if (page->items.size() != 1) return std::optional<domain::CampaignEntry>();
        return std::optional(page->items[0].entry);
    });
    ASSERT_TRUE(entries);
    EXPECT_EQ(entries->batch, domain::BatchKind::kSign);
    EXPECT_EQ(entries->status, domain::EntryStatus::kConfirmed);  // the command line acts for the province

    const auto [bad, bad_out] = sanpi("import " + shell_quoted(file_) + " --kind entries --batch sign --dry-run");
    EXPECT_EQ(bad, 2) << bad_out;
    EXPECT_NE(bad_out.find("campaign"), std::string::npos) << bad_out;
}

TEST_P(ImportCliTest, MonthlyReportsPreviewAsJsonAndCommitAsDrafts) {
    const auto zone = read<std::optional<domain::Zone>>([](store::Tx& tx) { return tx.find_zone_by_code("TY-ETDZ"); });
    ASSERT_TRUE(zone);
    const auto project_id = add_project(make_project("CLI-RPT-1", zone->id));
    write<std::int64_t>([](store::Tx& tx) { return tx.insert_user(make_user("cli-reporter")); });
    const std::string file = (dir_ / "月报.csv").string();
    std::ofstream(file, std::ios::binary) << "项目编码,填报月份,本月完成投资（万元）,本月到位资金（万元）,形象进度,工程进度,用工人数\n"
                                             "CLI-RPT-1,2022.06,10,8,主体施工,45%,30\n"
                                             "CLI-RPT-1,2022年7月,12,9,主体封顶,0.6,30\n"
                                             "合计,,22,17,,,\n";
    const auto report = [&](int month) {
        return read<std::optional<std::int64_t>>([&](store::Tx& tx) {
            return tx.find_progress_report(project_id, domain::Month::from_ym(2022, month).value());
        });
    };
    // Reports are filed in a user's name.
    const auto [nobody, nobody_out] = sanpi("import " + shell_quoted(file) + " --kind reports --dry-run");
    EXPECT_EQ(nobody, 2) << nobody_out;
    EXPECT_NE(nobody_out.find("--user"), std::string::npos) << nobody_out;
    const std::string args = "import " + shell_quoted(file) + " --kind reports --user cli-reporter";
    const auto [dry_code, dry_out] = sanpi(args + " --dry-run --json");
    ASSERT_EQ(dry_code, 0) << dry_out;
    const auto preview = json::parse(dry_out).as_object();
    EXPECT_EQ(preview.at("kind"), "reports");
    ASSERT_EQ(preview.at("created").as_array().size(), 1u) << dry_out;
    EXPECT_EQ(preview.at("created").at(0).at("month"), "2022-06");
    EXPECT_EQ(preview.at("created").at(0).at("project_id"), project_id);
    const auto& rejected = preview.at("rejected").as_array();
    ASSERT_EQ(rejected.size(), 1u);
    EXPECT_EQ(rejected[0].at("row"), 3);
    EXPECT_EQ(rejected[0].at("column"), "F");  // 0.6 typed, not a percentage cell
    EXPECT_EQ(rejected[0].at("field"), "percent_complete");
    ASSERT_EQ(preview.at("total_checks").as_array().size(), 2u);
    EXPECT_EQ(preview.at("total_checks").at(0).at("stated"), "220000");
    EXPECT_FALSE(report(6));

    const auto [code, out] = sanpi(args + " --json");
    ASSERT_EQ(code, 0) << out;
    EXPECT_EQ(json::parse(out).at("status"), "committed");
    EXPECT_TRUE(report(6));
    EXPECT_FALSE(report(7));

    const auto [again_code, again_out] = sanpi(args + " --json");
    ASSERT_EQ(again_code, 0) << again_out;
    const auto again = json::parse(again_out).as_object();
    EXPECT_TRUE(again.at("created").as_array().empty());
    EXPECT_EQ(again.at("unchanged").as_array().size(), 1u);
}

TEST_P(ImportCliTest, AFileThatIsNotASpreadsheetIsRefusedAsInvalidInput) {
    std::ofstream(dir_ / "x.xlsx", std::ios::binary) << std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) << "rest";
    const auto [code, out] = sanpi("import " + shell_quoted((dir_ / "x.xlsx").string()));
    EXPECT_EQ(code, 2);  // invalid input, as every command answers it
    EXPECT_NE(out.find("xlsx"), std::string::npos) << out;
    const auto [missing, missing_out] = sanpi("import " + shell_quoted((dir_ / "none.csv").string()));
    EXPECT_EQ(missing, 2) << missing_out;
}

}  // namespace

SANPI_STORE_SUITE(ImportCliTest);

}  // namespace sanpi::store_test
