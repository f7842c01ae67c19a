// Importing a project table through the service on both backends: a preview writes nothing but
// the import's record; a commit writes every planned row or none; the same file twice changes
// nothing; rows are scoped; rows match stored projects by code, else credit code and name.
#include "service/project_import.hpp"

#include "service/audit_fields.hpp"
#include "service/enterprise_service.hpp"
#include "service_fixture.hpp"

namespace sanpi::testing {
namespace {

using domain::Money;

// A valid unified social credit code (check character computed) not used by the demo.
constexpr const char* kNewCreditCode = "91140700MA0GRT5X03";

class ProjectImportTest : public ServiceTest {
protected:
    void SetUp() override {
        ServiceTest::SetUp();
        projects_ = std::make_unique<service::ProjectService>(store(), clock_);
        enterprises_ = std::make_unique<service::EnterpriseService>(store(), clock_);
    }

    service::ProjectImportService imports() { return {store(), clock_, *projects_, *enterprises_}; }

    std::int64_t count(std::string_view what) {
        return store::read_value<std::int64_t>(store(), [&](store::Tx& tx) -> Result<std::int64_t> {
            if (what == "projects") {
                store::ProjectQuery q;
                q.limit = 1;
                auto page = tx.list_projects(domain::Scope::all(), q);
                if (!page) return page.error();
                return page->total;
            }
            auto head = tx.audit_head();
            if (!head) return head.error();
            return *head ? (*head)->seq : 0;
        }).value();
    }

    service::ImportUpload upload(std::string csv, std::string file = "签约项目.csv") {
        service::ImportUpload u;
        u.file_name = std::move(file);
        u.content = "\xEF\xBB\xBF" + std::move(csv);
        return u;
    }

    // Two new projects (one with a new investor), a row outside every zone, a repeat, a total.
    std::string table() {
        return std::string("晋中经济技术开发区签约项目表\n单位：万元\n") +
               "序号,项目名称,所属开发区,产业,投资主体,统一社会信用代码,总投资,计划开工,计划投产\n"
               "1,导入测试甲项目,山西晋中经济技术开发区,新能源,晋中导入测试有限公司," + kNewCreditCode +
               ",12000,2024-03-01,2025-06-30\n"
               "2,导入测试乙项目,晋中经开区,装备制造,,,3000,2024.05,202512\n"
               "3,导入测试丙项目,太原经开区,新能源,,,100,,\n"
               "4,导入 测试乙项目,晋中经济技术开发区,装备制造,,,3000,2024.05,202512\n"
               "合计,,,,,,15100,,\n";
    }

    std::unique_ptr<service::ProjectService> projects_;
    std::unique_ptr<service::EnterpriseService> enterprises_;
};

TEST_P(ProjectImportTest, APreviewWritesOnlyItsRecordAndTheCommitWritesEveryPlannedRow) {
    const auto projects_before = count("projects");
    const auto audit_before = count("audit");
    auto preview = imports().preview(as("province"), upload(table()));
    ASSERT_TRUE(preview) << preview.error().message.en;
    EXPECT_GT(preview->record.id, 0);
    EXPECT_FALSE(preview->record.committed);
    EXPECT_EQ(preview->record.checksum.size(), 64u);
    ASSERT_EQ(preview->created.size(), 2u);
    EXPECT_EQ(preview->created[0].row, 4);
    EXPECT_EQ(preview->created[1].row, 5);
    ASSERT_EQ(preview->rejected.size(), 1u);
    EXPECT_EQ(preview->rejected[0].row, 6);
    EXPECT_EQ(preview->rejected[0].column, "C");
    ASSERT_EQ(preview->repeated.size(), 1u);
    EXPECT_EQ(preview->repeated[0].row, 7);
    EXPECT_EQ(preview->repeated[0].same_as_row, 5);
    ASSERT_EQ(preview->total_checks.size(), 1u);
    EXPECT_EQ(preview->total_checks[0].stated, Money::from_fen(15'100'0000'00));
    EXPECT_EQ(preview->total_checks[0].computed, Money::from_fen(18'100'0000'00));  // 12000 + 3000 + 3000 + 100
    EXPECT_EQ(count("projects"), projects_before);
    EXPECT_EQ(count("audit"), audit_before);

    auto committed = imports().commit(as("province"), preview->record.id);
    ASSERT_TRUE(committed) << committed.error().message.en;
    EXPECT_TRUE(committed->record.committed);
    EXPECT_EQ(committed->record.counts, (store::ImportCounts{2, 0, 0, 1, 1}));
    EXPECT_EQ(count("projects"), projects_before + 2);
    // Two project writes, the new investor and the import itself are in the audit log.
    EXPECT_EQ(count("audit"), audit_before + 4);
    auto investor = enterprises_->find_by_credit_code(as("province"), domain::CreditCode::parse(kNewCreditCode).value());
    ASSERT_TRUE(investor && *investor);
    EXPECT_EQ((*investor)->name, "晋中导入测试有限公司");

    auto again = imports().commit(as("province"), preview->record.id);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::kConflict);
    EXPECT_EQ(count("projects"), projects_before + 2);
}

// A commit records the new projects' audit entries together, from the projects as inserted
// rather than read back: each must list exactly what the stored project holds.
TEST_P(ProjectImportTest, EachNewProjectsAuditEntryListsTheStoredProjectsFields) {
    auto preview = imports().preview(as("province"), upload(table()));
    ASSERT_TRUE(preview) << preview.error().message.en;
    ASSERT_TRUE(imports().commit(as("province"), preview->record.id));
    store::AuditQuery q;
    q.action = "import.project.create";
    auto checked = store::read_value<int>(store(), [&](store::Tx& tx) -> Result<int> {
        auto page = tx.list_audit(q);
        if (!page) return page.error();
        int n = 0;
        for (const auto& entry : page->items) {
            EXPECT_EQ(entry.entity_type, "project");
            auto stored = tx.get_project(domain::Scope::all(), entry.entity_id);
            if (!stored) return stored.error();
            if (!*stored) return Error::not_found("no such project", "no such project");
            EXPECT_EQ(entry.changes, domain::diff_fields({}, service::audit_fields((*stored)->project)))
                << (*stored)->project.name;
            ++n;
        }
        return n;
    });
    ASSERT_TRUE(checked) << checked.error().message.en;
    EXPECT_EQ(*checked, 2);
}

TEST_P(ProjectImportTest, TheSameFileTwiceChangesNothingTheSecondTime) {
    auto first = imports().preview(as("province"), upload(table()));
    ASSERT_TRUE(first);
    ASSERT_TRUE(imports().commit(as("province"), first->record.id));
    const auto projects_before = count("projects");
    auto second = imports().preview(as("province"), upload(table()));
    ASSERT_TRUE(second);
    EXPECT_TRUE(second->created.empty());
    EXPECT_TRUE(second->updated.empty());
    EXPECT_EQ(second->unchanged, std::vector<std::int64_t>{4});  // matched by credit code and name
    ASSERT_EQ(second->near_duplicates.size(), 1u);               // no credit code: for the user to decide
    EXPECT_EQ(second->near_duplicates[0].row, 5);
    ASSERT_TRUE(imports().commit(as("province"), second->record.id));
    EXPECT_EQ(count("projects"), projects_before);
}

TEST_P(ProjectImportTest, ARowMatchingAStoredProjectUpdatesOnlyWhatChanged) {
    auto first = imports().preview(as("province"), upload(table()));
    ASSERT_TRUE(imports().commit(as("province"), first->record.id));
    const std::string changed = std::string("项目名称,所属开发区,产业,投资主体,统一社会信用代码,总投资（亿元）\n") +
                                "导入测试甲项目,晋中经开区,新能源,晋中导入测试有限公司," + kNewCreditCode + ",1.5\n";
    auto preview = imports().preview(as("province"), upload(changed, "changed.csv"));
    ASSERT_TRUE(preview) << preview.error().message.en;
    ASSERT_EQ(preview->updated.size(), 1u);
    ASSERT_EQ(preview->updated[0].changes.size(), 1u);
    EXPECT_EQ(preview->updated[0].changes[0].field, "total_investment");
    EXPECT_EQ(preview->updated[0].changes[0].from, "120000000");
    EXPECT_EQ(preview->updated[0].changes[0].to, "150000000");
    ASSERT_TRUE(imports().commit(as("province"), preview->record.id));
    const auto stored = projects_->get(as("province"), preview->updated[0].project_id).value();
    EXPECT_EQ(stored.project.total_investment, Money::from_fen(150'000'000'00));
    EXPECT_EQ(stored.project.name, "导入测试甲项目");
}

TEST_P(ProjectImportTest, AZoneUserImportsIntoItsOwnZoneOnly) {
    const std::string csv = "项目名称,所属开发区,产业,总投资\n"
                            "大同导入测试项目,,新能源,500\n"
                            "越界项目,晋中经济技术开发区,新能源,500\n";
    auto preview = imports().preview(as("datong-etdz"), upload(csv));
    ASSERT_TRUE(preview) << preview.error().message.en;
    ASSERT_EQ(preview->created.size(), 1u);
    EXPECT_EQ(preview->created[0].zone_id, zone("datong-etdz").id);
    ASSERT_EQ(preview->rejected.size(), 1u);
    EXPECT_EQ(preview->rejected[0].field, "zone");
    // Someone else's import is not there for them.
    auto other = imports().commit(as("jinzhong-etdz"), preview->record.id);
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().code, ErrorCode::kNotFound);
    EXPECT_EQ(imports().preview(as("viewer"), upload(csv)).error().code, ErrorCode::kForbidden);
}

// Two rows the preview accepts but whose second write fails (the same national project code):
// the commit stops on that row and nothing of the file is written.
TEST_P(ProjectImportTest, ACommitThatFailsOnOneRowWritesNothing) {
    const std::string code = "2311-" + zone("jinzhong-etdz").region.str() + "-99-01-001010";
    const std::string csv = "项目名称,所属开发区,产业,总投资,项目代码\n"
                            "原子性甲,晋中经开区,新能源,500," + code + "\n"
                            "原子性乙,晋中经开区,新能源,500," + code + "\n";
    const auto projects_before = count("projects");
    const auto audit_before = count("audit");
    auto preview = imports().preview(as("province"), upload(csv));
    ASSERT_TRUE(preview) << preview.error().message.en;
    ASSERT_EQ(preview->created.size(), 2u);
    auto committed = imports().commit(as("province"), preview->record.id);
    ASSERT_FALSE(committed);
    EXPECT_NE(committed.error().message.en.find("row 3"), std::string::npos) << committed.error().message.en;
    EXPECT_EQ(count("projects"), projects_before);
    EXPECT_EQ(count("audit"), audit_before);
    EXPECT_FALSE(imports().show(as("province"), preview->record.id)->record.committed);
}

// Preview and commit in one transaction (the CLI without --dry-run): the same writes and counts as
// a commit after a preview, the record committed; a write that fails leaves not even the record.
TEST_P(ProjectImportTest, ImportNowWritesWhatACommitAfterAPreviewWould) {
    const auto projects_before = count("projects");
    const auto audit_before = count("audit");
    auto done = imports().import_now(as("province"), upload(table()));
    ASSERT_TRUE(done) << done.error().message.en;
    EXPECT_GT(done->record.id, 0);
    EXPECT_TRUE(done->record.committed);
    EXPECT_EQ(done->record.counts, (store::ImportCounts{2, 0, 0, 1, 1}));
    ASSERT_EQ(done->created.size(), 2u);
    EXPECT_EQ(done->created[0].row, 4);
    ASSERT_EQ(done->rejected.size(), 1u);
    EXPECT_EQ(done->rejected[0].row, 6);
    ASSERT_EQ(done->total_checks.size(), 1u);
    EXPECT_EQ(count("projects"), projects_before + 2);
    EXPECT_EQ(count("audit"), audit_before + 4);
    auto again = imports().commit(as("province"), done->record.id);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::kConflict);

    const std::string code = "2311-" + zone("jinzhong-etdz").region.str() + "-99-01-001011";
    const std::string clashing = "项目名称,所属开发区,产业,总投资,项目代码\n"
                                 "立即甲,晋中经开区,新能源,500," + code + "\n"
                                 "立即乙,晋中经开区,新能源,500," + code + "\n";
    auto failed = imports().import_now(as("province"), upload(clashing));
    ASSERT_FALSE(failed);
    EXPECT_NE(failed.error().message.en.find("row 3"), std::string::npos) << failed.error().message.en;
    EXPECT_EQ(count("projects"), projects_before + 2);
    EXPECT_EQ(count("audit"), audit_before + 4);
    EXPECT_EQ(imports().show(as("province"), done->record.id + 1).error().code, ErrorCode::kNotFound);
    EXPECT_EQ(imports().import_now(as("viewer"), upload(table())).error().code, ErrorCode::kForbidden);
}

TEST_P(ProjectImportTest, BadFilesAreRefusedNamingTheFile) {
    auto empty = imports().preview(as("province"), service::ImportUpload{"x.csv", "", "projects", {}, 0, {}, {}});
    EXPECT_EQ(empty.error().fields.at(0).field, "file");
    auto binary = imports().preview(as("province"), service::ImportUpload{"x.xlsx", std::string("\x00\x01\x02\x03", 4), "projects", {}, 0, {}, {}});
    ASSERT_FALSE(binary);
    EXPECT_EQ(binary.error().fields.at(0).field, "file");
    auto no_header = imports().preview(as("province"), upload("a,b\n1,2\n"));
    EXPECT_EQ(no_header.error().fields.at(0).field, "file");
    auto kind = imports().preview(as("province"), service::ImportUpload{"x.csv", "a", "bogus", {}, 0, {}, {}});
    EXPECT_EQ(kind.error().fields.at(0).field, "kind");
    auto zone_outside = upload(table());
    zone_outside.zone_code = "jinzhong-etdz";
    EXPECT_EQ(imports().preview(as("datong-etdz"), zone_outside).error().fields.at(0).field, "zone");
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Backends, ProjectImportTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace sanpi::testing
