// Importing a campaign's batch list (kind "entries") through the service on both backends: the
// rows' projects are matched or created, then entered into the batch the upload names, by the
// same rules as an entry made one at a time; nothing is written before the commit, and the same
// list twice enters nothing the second time.
#include "service/enterprise_service.hpp"
#include "service/figures_check.hpp"
#include "service/project_import.hpp"
#include "service_fixture.hpp"

namespace sanpi::testing {
namespace {

using domain::BatchKind;
using domain::Date;
using domain::EntryStatus;
using domain::Stage;

Date on(int y, int m, int d) { return Date::from_ymd(y, m, d).value(); }

class EntryImportTest : public ServiceTest {
protected:
    void SetUp() override {
        ServiceTest::SetUp();
        projects_ = std::make_unique<service::ProjectService>(store(), clock_);
        enterprises_ = std::make_unique<service::EnterpriseService>(store(), clock_);
        campaign_ = planned_campaign("2024年第一批三个一批活动", on(2024, 1, 10));
    }

    service::ProjectImportService imports() { return {store(), clock_, *projects_, *enterprises_}; }

    service::ImportUpload batch_list(std::string rows, BatchKind batch) {
        service::ImportUpload u;
        u.file_name = "批次清单.csv";
        u.kind = "entries";
        u.campaign_id = campaign_.id;
        u.batch = batch;
        u.content = "2024年第一批项目清单\n单位：万元\n序号,项目编码,项目名称,所属开发区,产业,总投资,投资主体,统一社会信用代码\n" + rows;
        return u;
    }

    // A row giving a stored project as it is stored: nothing about it changes.
    std::string stored_row(int n, const domain::Project& p) {
        service::CatalogService catalog(store());
        std::string zone_name, industry_name;
        for (const auto& z : catalog.zones(as("province")).value()) {
            if (z.id == p.zone_id) zone_name = z.name;
        }
        for (const auto& i : catalog.industries(as("province")).value()) {
            if (i.code == p.industry_code) industry_name = i.name_zh;
        }
        return std::to_string(n) + "," + p.code + "," + p.name + "," + zone_name + "," + industry_name + "," +
               p.total_investment.to_decimal(domain::MoneyUnit::kWan) + ",,\n";
    }

    std::vector<domain::CampaignEntry> entries_of(std::int64_t campaign_id) {
        store::CampaignEntryQuery q;
        q.campaign_id = campaign_id;
        q.limit = 1000;
        std::vector<domain::CampaignEntry> out;
        for (auto& v : campaigns().entries(as("province"), q).value().items) out.push_back(v.entry);
        return out;
    }
    std::vector<domain::CampaignEntry> entries() { return entries_of(campaign_.id); }

    std::int64_t project_count() {
        store::ProjectQuery q;
        q.limit = 1;
        return projects().list(as("province"), q).value().total;
    }

    std::unique_ptr<service::ProjectService> projects_;
    std::unique_ptr<service::EnterpriseService> enterprises_;
    domain::Campaign campaign_;
};

TEST_P(EntryImportTest, ASignBatchListCreatesNewProjectsAndEntersEveryRowOnlyOnCommit) {
    const auto reserve_project = project_at("jinzhong-etdz", Stage::kReserve);
    const std::string rows = stored_row(1, reserve_project) +
                             "2,,批次导入新项目甲,晋中经济技术开发区,新能源,5000,晋中批次导入有限公司,91140700MA0GRT5X03\n"
                             "3,,批次导入新项目乙,晋中经开区,装备制造,3000,,\n";
    const auto before = project_count();
    auto preview = imports().preview(as("jinzhong-etdz"), batch_list(rows, BatchKind::kSign));
    ASSERT_TRUE(preview) << preview.error().message.en;
    ASSERT_TRUE(preview->campaign);
    EXPECT_EQ(preview->campaign->id, campaign_.id);
    EXPECT_EQ(preview->created.size(), 2u);
    EXPECT_EQ(preview->unchanged, std::vector<std::int64_t>{4});
    ASSERT_EQ(preview->entered.size(), 3u);
    EXPECT_EQ(preview->entered[0].project_id, reserve_project.id);
    EXPECT_EQ(preview->entered[1].project_id, 0);  // created on commit
    EXPECT_TRUE(preview->rejected.empty());
    EXPECT_TRUE(entries().empty());
    EXPECT_EQ(project_count(), before);

    auto committed = imports().commit(as("jinzhong-etdz"), preview->record.id);
    ASSERT_TRUE(committed) << committed.error().message.en;
    EXPECT_EQ(committed->record.counts.entered, 3);
    EXPECT_EQ(committed->record.campaign_id, campaign_.id);
    EXPECT_EQ(committed->record.batch, BatchKind::kSign);
    EXPECT_EQ(project_count(), before + 2);
    const auto stored = entries();
    ASSERT_EQ(stored.size(), 3u);
    for (const auto& e : stored) {
        EXPECT_EQ(e.batch, BatchKind::kSign);
        EXPECT_EQ(e.status, EntryStatus::kProposed);  // a zone proposes; its city confirms
    }
    for (const auto& e : committed->entered) EXPECT_NE(e.project_id, 0) << "row " << e.row;
    auto check = service::check_figures(store());
    ASSERT_TRUE(check);
    EXPECT_TRUE(check->equal());

    // The same list again: the rows matched (by code; by credit code and name) are in the batch
    // already; the row without a credit code cannot be matched and waits for the user to decide.
    auto again = imports().preview(as("jinzhong-etdz"), batch_list(rows, BatchKind::kSign));
    ASSERT_TRUE(again) << again.error().message.en;
    EXPECT_TRUE(again->created.empty());
    EXPECT_TRUE(again->entered.empty());
    EXPECT_EQ(again->already_entered, (std::vector<std::int64_t>{4, 5}));
    ASSERT_EQ(again->near_duplicates.size(), 1u);
    EXPECT_EQ(again->near_duplicates[0].row, 6);
    ASSERT_TRUE(imports().commit(as("jinzhong-etdz"), again->record.id));
    EXPECT_EQ(entries().size(), 3u);
    EXPECT_EQ(project_count(), before + 2);
}

TEST_P(EntryImportTest, AStartBatchListRefusesRowsTheStageMachineOrDoubleCountingForbidsAndEntersTheRest) {
    const auto signed_project = project_at("taiyuan-zgq", Stage::kSigned);
    const auto reserve_project = project_at("taiyuan-zgq", Stage::kReserve);
    // A project the demo campaign counted in its start batch already.
    const auto counted = entries_of(demo_.campaign_id);
    std::int64_t counted_id = 0;
    for (const auto& e : counted) {
        if (e.batch == BatchKind::kStart && e.status != EntryStatus::kWithdrawn) counted_id = e.project_id;
    }
    ASSERT_NE(counted_id, 0);
    const auto counted_project = projects().get(as("province"), counted_id).value().project;
    const std::string rows = stored_row(1, signed_project) + stored_row(2, reserve_project) +
                             stored_row(3, counted_project) + "4,,批次导入新项目丙," + zone("taiyuan-zgq").name + ",新能源,800,,\n";

    auto preview = imports().preview(as("province"), batch_list(rows, BatchKind::kStart));
    ASSERT_TRUE(preview) << preview.error().message.en;
    ASSERT_EQ(preview->entered.size(), 1u);
    EXPECT_EQ(preview->entered[0].row, 4);
    ASSERT_EQ(preview->rejected.size(), 3u);
    for (const auto& r : preview->rejected) EXPECT_EQ(r.field, "batch") << r.row;
    EXPECT_EQ(preview->rejected[0].row, 5);  // not signed by the event day
    EXPECT_NE(preview->rejected[0].reason.zh.find("签约"), std::string::npos) << preview->rejected[0].reason.zh;
    EXPECT_EQ(preview->rejected[1].row, 6);  // counted in the demo campaign: named
    EXPECT_NE(preview->rejected[1].reason.zh.find("编号" + std::to_string(demo_.campaign_id)), std::string::npos)
        << preview->rejected[1].reason.zh;
    EXPECT_EQ(preview->rejected[2].row, 7);  // a start batch takes stored projects only
    EXPECT_TRUE(preview->created.empty());

    auto committed = imports().commit(as("province"), preview->record.id);
    ASSERT_TRUE(committed) << committed.error().message.en;
    const auto stored = entries();
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].project_id, signed_project.id);
    EXPECT_EQ(stored[0].status, EntryStatus::kConfirmed);  // the province enters directly
}

TEST_P(EntryImportTest, AnUploadNamesAPlannedCampaignAndABatchOrIsRefusedByField) {
    const std::string rows = "1,,批次导入新项目丁,晋中经济技术开发区,新能源,100,,\n";
    auto no_campaign = batch_list(rows, BatchKind::kSign);
    no_campaign.campaign_id.reset();
    auto refused = imports().preview(as("province"), no_campaign);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().fields.at(0).field, "campaign");

    auto no_batch = batch_list(rows, BatchKind::kSign);
    no_batch.batch.reset();
    refused = imports().preview(as("province"), no_batch);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().fields.at(0).field, "batch");

    auto held = batch_list(rows, BatchKind::kSign);
    held.campaign_id = demo_.campaign_id;  // held in 2022: its lists are locked
    refused = imports().preview(as("province"), held);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().fields.at(0).field, "campaign");

    auto missing = batch_list(rows, BatchKind::kSign);
    missing.campaign_id = 999'999;
    refused = imports().preview(as("province"), missing);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().fields.at(0).field, "campaign");

    auto projects_with_batch = batch_list(rows, BatchKind::kSign);
    projects_with_batch.kind = "projects";
    refused = imports().preview(as("province"), projects_with_batch);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().fields.at(0).field, "campaign");
    EXPECT_EQ(project_count(), projects().list(as("province"), {}).value().total);
}

TEST_P(EntryImportTest, ACampaignHeldBetweenPreviewAndCommitRefusesTheCommitAndWritesNothing) {
    const std::string rows = "1,,批次导入新项目戊,晋中经济技术开发区,新能源,100,,\n";
    auto preview = imports().preview(as("province"), batch_list(rows, BatchKind::kSign));
    ASSERT_TRUE(preview) << preview.error().message.en;
    const auto before = project_count();
    ASSERT_TRUE(campaigns().hold(as("province"), campaign_.id, std::nullopt));
    auto committed = imports().commit(as("province"), preview->record.id);
    ASSERT_FALSE(committed);
    EXPECT_EQ(committed.error().fields.at(0).field, "campaign");
    EXPECT_EQ(project_count(), before);
    EXPECT_TRUE(entries().empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, EntryImportTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
