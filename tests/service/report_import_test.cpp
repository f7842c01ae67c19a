// Importing monthly progress reports (kind "reports") through the service on both backends: rows
// name stored projects by code or by name in their zone; a month without a report gets a draft,
// a draft with other figures is changed, a submitted report is refused unless equal; every row
// is checked by ReportService's own rules; the commit is atomic and the same file twice changes
// nothing the second time.
#include <map>

#include "service/enterprise_service.hpp"
#include "service/project_import.hpp"
#include "service/report_service.hpp"
#include "service_fixture.hpp"

namespace sanpi::testing {
namespace {

using domain::Money;
using domain::MoneyUnit;
using domain::Month;
using domain::ReportStatus;
using domain::Stage;

Month month(int y, int m) { return Month::from_ym(y, m).value(); }

class ReportImportTest : public ServiceTest {
protected:
    void SetUp() override {
        ServiceTest::SetUp();
        projects_ = std::make_unique<service::ProjectService>(store(), clock_);
        enterprises_ = std::make_unique<service::EnterpriseService>(store(), clock_);
        project_ = started_alone("taiyuan-zgq");
    }

    // A started project the zone has no other project of the same name as (rows find it by name).
    domain::Project started_alone(const std::string& zone_code) {
        store::ProjectQuery q;
        q.zone_id = zone(zone_code).id;
        q.limit = 500;
        const auto page = projects().list(as("province"), q).value();
        std::map<std::string, int> names;
        for (const auto& v : page.items) ++names[v.project.name];
        for (const auto& v : page.items) {
            const auto& p = v.project;
            if (p.stage == Stage::kStarted && p.status == domain::ProjectStatus::kActive && names[p.name] == 1) {
                return projects().get(as("province"), p.id).value().project;
            }
        }
        ADD_FAILURE() << "no started project of its own name in " << zone_code;
        return {};
    }

    // Any project of another zone.
    domain::Project in_zone(const std::string& zone_code) {
        store::ProjectQuery q;
        q.zone_id = zone(zone_code).id;
        q.limit = 1;
        return projects().list(as("province"), q).value().items.at(0).project;
    }

    service::ProjectImportService imports() { return {store(), clock_, *projects_, *enterprises_}; }
    service::ReportService reports() { return {store(), clock_}; }

    static constexpr const char* kHeader =
        "序号,项目编码,项目名称,所属开发区,填报月份,本月完成投资,本月到位资金,形象进度,工程进度,用工人数,备注\n";

    service::ImportUpload upload(const std::string& rows) {
        service::ImportUpload u;
        u.file_name = "月报.csv";
        u.kind = "reports";
        u.content = std::string("太原中关村2023年项目月报\n单位：万元\n") + kHeader + rows;
        return u;
    }

    // Months (newest first) from 2023-12 back to the signing month with no report of the project.
    std::vector<Month> free_months(const domain::Project& p) {
        std::vector<Month> out;
        for (Month m = month(2023, 12); m >= Month::of(*p.actual.sign); m = m.prev()) {
            auto found = store::read_value<std::optional<std::int64_t>>(
                store(), [&](store::Tx& tx) { return tx.find_progress_report(p.id, m); });
            if (found && !*found) out.push_back(m);
        }
        return out;
    }

    std::optional<domain::ProgressReport> stored(std::int64_t project_id, Month m) {
        auto id = store::read_value<std::optional<std::int64_t>>(
            store(), [&](store::Tx& tx) { return tx.find_progress_report(project_id, m); });
        if (!id || !*id) return std::nullopt;
        return reports().get(as("province"), **id).value().view.record.report;
    }

    std::int64_t audit_seq() {
        return store::read_value<std::int64_t>(store(),
                                               [&](store::Tx& tx) -> Result<std::int64_t> {
                                                   auto head = tx.audit_head();
                                                   if (!head) return head.error();
                                                   return *head ? (*head)->seq : 0;
                                               })
            .value();
    }

    // A draft as the zone would file it through the API.
    domain::ProgressReport draft(Month m, std::int64_t wan, std::string text = "厂房主体施工") {
        service::ReportInput in;
        in.month = m;
        in.investment_completed = Money::from_fen(wan * 1'000'000);
        in.capital_arrived = Money::from_fen(wan * 1'000'000);
        in.progress_text = std::move(text);
        in.percent_complete = 40;
        in.jobs = 50;
        auto made = reports().create(as("taiyuan-zgq"), project_.id, in);
        EXPECT_TRUE(made) << (made ? "" : made.error().message.en);
        return made.value().view.record.report;
    }

    std::unique_ptr<service::ProjectService> projects_;
    std::unique_ptr<service::EnterpriseService> enterprises_;
    domain::Project project_;
};

std::string row(int n, const std::string& code, const std::string& name, const std::string& when,
                const std::string& figures) {
    return std::to_string(n) + "," + code + "," + name + ",," + when + "," + figures + "\n";
}

TEST_P(ReportImportTest, NewMonthsBecomeDraftsOnCommitAndTheSameFileTwiceChangesNothing) {
    const auto months = free_months(project_);
    ASSERT_GE(months.size(), 2u);
    const auto m1 = months[1], m2 = months[0];
    // One row by code, one by name (the importer's zone: a zone user's own); months as people write them.
    const std::string m1_text =
        std::to_string(m1.year()) + "." + (m1.month() < 10 ? "0" : "") + std::to_string(m1.month());
    const std::string m2_text = std::to_string(m2.year()) + "年" + std::to_string(m2.month()) + "月";
    const std::string rows = row(1, project_.code, "", m1_text, "120,100,主体施工,45%,80,") +
                             row(2, "", project_.name, m2_text, "80.5,60,设备安装,60,95,") + "合计,,,,,200.5,160,,,,\n";
    const auto audit_before = audit_seq();
    auto preview = imports().preview(as("taiyuan-zgq"), upload(rows));
    ASSERT_TRUE(preview) << preview.error().message.en;
    EXPECT_TRUE(preview->rejected.empty()) << preview->rejected.at(0).reason.en;
    ASSERT_EQ(preview->created.size(), 2u);
    EXPECT_EQ(preview->created[0].row, 4);
    EXPECT_EQ(preview->created[0].project_id, project_.id);
    EXPECT_EQ(preview->created[0].month, m1.to_string());
    EXPECT_EQ(preview->created[1].month, m2.to_string());
    ASSERT_EQ(preview->total_checks.size(), 2u);
    for (const auto& t : preview->total_checks) EXPECT_TRUE(t.agrees()) << t.field;
    EXPECT_FALSE(stored(project_.id, m1));
    EXPECT_EQ(audit_seq(), audit_before);

    auto committed = imports().commit(as("taiyuan-zgq"), preview->record.id);
    ASSERT_TRUE(committed) << committed.error().message.en;
    EXPECT_EQ(committed->record.counts.created, 2);
    const auto first = stored(project_.id, m1);
    ASSERT_TRUE(first);
    EXPECT_EQ(first->status, ReportStatus::kDraft);
    EXPECT_EQ(first->investment_completed, Money::from_fen(120 * 1'000'000));
    EXPECT_EQ(first->percent_complete, 45);
    EXPECT_EQ(first->jobs, 80);
    EXPECT_EQ(first->progress_text, "主体施工");
    EXPECT_EQ(stored(project_.id, m2)->investment_completed, Money::from_fen(80'500'000));
    EXPECT_EQ(audit_seq(), audit_before + 3);  // two report.create entries and import.commit

    auto again = imports().preview(as("taiyuan-zgq"), upload(rows));
    ASSERT_TRUE(again) << again.error().message.en;
    EXPECT_TRUE(again->created.empty());
    EXPECT_TRUE(again->updated.empty());
    EXPECT_EQ(again->unchanged, (std::vector<std::int64_t>{4, 5}));
    ASSERT_TRUE(imports().commit(as("taiyuan-zgq"), again->record.id));
    EXPECT_EQ(audit_seq(), audit_before + 4);  // only the second import.commit
}

TEST_P(ReportImportTest, ADraftIsChangedASubmittedReportIsRefusedUnlessEqual) {
    const auto months = free_months(project_);
    ASSERT_GE(months.size(), 2u);
    const auto open = draft(months[1], 50);
    const auto filed = draft(months[0], 70);
    ASSERT_TRUE(reports().submit(as("taiyuan-zgq"), filed.id, filed.version));
    const std::string rows = row(1, project_.code, "", months[1].to_string(), "55,50,厂房主体施工,40,50,") +
                             row(2, project_.code, "", months[0].to_string(), "75,70,厂房主体施工,40,50,");
    auto preview = imports().preview(as("province"), upload(rows));
    ASSERT_TRUE(preview) << preview.error().message.en;
    ASSERT_EQ(preview->updated.size(), 1u);
    EXPECT_EQ(preview->updated[0].row, 4);
    EXPECT_EQ(preview->updated[0].record_id, open.id);
    ASSERT_EQ(preview->updated[0].changes.size(), 1u);
    EXPECT_EQ(preview->updated[0].changes[0].field, "investment_completed");
    EXPECT_EQ(preview->updated[0].changes[0].from, "500000");
    EXPECT_EQ(preview->updated[0].changes[0].to, "550000");
    ASSERT_EQ(preview->rejected.size(), 1u);
    EXPECT_EQ(preview->rejected[0].row, 5);
    EXPECT_EQ(preview->rejected[0].column, "E");
    EXPECT_EQ(preview->rejected[0].field, "month");
    EXPECT_NE(preview->rejected[0].reason.zh.find("已提交/已审核的月报不能由导入修改"), std::string::npos)
        << preview->rejected[0].reason.zh;

    auto committed = imports().commit(as("province"), preview->record.id);
    ASSERT_TRUE(committed) << committed.error().message.en;
    EXPECT_EQ(stored(project_.id, months[1])->investment_completed, Money::from_fen(55 * 1'000'000));
    EXPECT_EQ(stored(project_.id, months[0])->investment_completed, Money::from_fen(70 * 1'000'000));

    // The submitted report's own figures: unchanged, not refused.
    auto equal = imports().preview(
        as("province"), upload(row(1, project_.code, "", months[0].to_string(), "70,70,厂房主体施工,40,50,")));
    ASSERT_TRUE(equal) << equal.error().message.en;
    EXPECT_TRUE(equal->rejected.empty());
    EXPECT_EQ(equal->unchanged, std::vector<std::int64_t>{4});
}

TEST_P(ReportImportTest, RowsAreRefusedByTheAPIsRulesNamingTheirColumns) {
    const auto months = free_months(project_);
    ASSERT_GE(months.size(), 3u);
    const auto elsewhere = in_zone("jinzhong-etdz");
    const std::string ok = "10,10,施工,40,50,";
    const Month before_sign = Month::of(*project_.actual.sign).prev();
    const std::string rows =
        row(1, elsewhere.code, "", months[0].to_string(), ok) +                    // 4: outside the zone's scope
        row(2, "NO-SUCH-CODE", "", months[0].to_string(), ok) +                    // 5: no such project
        row(3, project_.code, "", "2024-01", ok) +                                 // 6: the month has not ended
        row(4, project_.code, "", before_sign.to_string(), ok) +                   // 7: before the signing
        row(5, project_.code, "", months[0].to_string(), "10,10,施工,四成,50,") +  // 8: not a percentage
        row(6, project_.code, "", months[1].to_string(), "10,10,施工,150%,50,") +  // 9: the API's range
        row(7, "", "没有这个项目", months[0].to_string(), ok) +                    // 10: no project of that name
        row(8, project_.code, "", months[2].to_string(), ok) +                     // 11: accepted
        row(9, project_.code, "", months[2].to_string(), ok);                      // 12: repeats row 11
    auto preview = imports().preview(as("taiyuan-zgq"), upload(rows));
    ASSERT_TRUE(preview) << preview.error().message.en;
    std::map<std::int64_t, service::RowProblem> by_row;
    for (const auto& r : preview->rejected) by_row.emplace(r.row, r);
    ASSERT_EQ(by_row.size(), 7u);
    EXPECT_EQ(by_row.at(4).column, "B");
    EXPECT_EQ(by_row.at(4).reason.en, by_row.at(5).reason.en);  // outside the scope reads as absent
    EXPECT_EQ(by_row.at(5).column, "B");
    EXPECT_EQ(by_row.at(6).column, "E");
    EXPECT_NE(by_row.at(6).reason.zh.find("尚未结束"), std::string::npos) << by_row.at(6).reason.zh;
    EXPECT_EQ(by_row.at(7).column, "E");
    EXPECT_NE(by_row.at(7).reason.zh.find("签约"), std::string::npos) << by_row.at(7).reason.zh;
    EXPECT_EQ(by_row.at(8).column, "I");
    EXPECT_EQ(by_row.at(8).field, "percent_complete");
    EXPECT_EQ(by_row.at(9).column, "I");
    EXPECT_NE(by_row.at(9).reason.zh.find("0至100"), std::string::npos) << by_row.at(9).reason.zh;
    EXPECT_EQ(by_row.at(10).column, "C");
    EXPECT_EQ(preview->created.size(), 1u);
    ASSERT_EQ(preview->repeated.size(), 1u);
    EXPECT_EQ(preview->repeated[0].row, 12);
    EXPECT_EQ(preview->repeated[0].same_as_row, 11);

    // Cities review reports; they do not file them.
    auto city = imports().preview(as("taiyuan"), upload(rows));
    ASSERT_FALSE(city);
    EXPECT_EQ(city.error().code, ErrorCode::kForbidden);
}

// Row 1 raises a returned report past 150% of the project's total (with its confirmation note);
// row 2 changes a later draft without one. Each passes the preview on its own, but once row 1 is
// written row 2 breaks the 150% rule: the commit stops on row 2 and nothing of the file is written.
TEST_P(ReportImportTest, ACommitThatFailsOnOneRowWritesNothing) {
    const auto months = free_months(project_);
    ASSERT_GE(months.size(), 2u);
    const auto returned = draft(months[1], 1);
    auto submitted = reports().submit(as("taiyuan-zgq"), returned.id, returned.version);
    ASSERT_TRUE(submitted) << submitted.error().message.en;
    ASSERT_TRUE(reports().return_report(as("taiyuan"), returned.id, submitted->view.record.report.version, "请核实"));
    const auto later = draft(months[0], 1);
    const auto twice = project_.total_investment.checked_add(project_.total_investment).value();
    const std::string rows = row(1, project_.code, "", months[1].to_string(),
                                 twice.to_decimal(MoneyUnit::kWan) + ",1,厂房主体施工,40,50,已核实") +
                             row(2, project_.code, "", months[0].to_string(), "1,1,设备安装,40,50,");
    auto preview = imports().preview(as("taiyuan-zgq"), upload(rows));
    ASSERT_TRUE(preview) << preview.error().message.en;
    ASSERT_TRUE(preview->rejected.empty()) << preview->rejected.at(0).reason.en;
    ASSERT_EQ(preview->updated.size(), 2u);
    const auto audit_before = audit_seq();
    auto committed = imports().commit(as("taiyuan-zgq"), preview->record.id);
    ASSERT_FALSE(committed);
    EXPECT_NE(committed.error().message.en.find("row 5"), std::string::npos) << committed.error().message.en;
    EXPECT_EQ(audit_seq(), audit_before);
    EXPECT_EQ(stored(project_.id, months[1])->investment_completed, Money::from_fen(1'000'000));
    EXPECT_EQ(stored(project_.id, months[0])->progress_text, "厂房主体施工");
    EXPECT_FALSE(imports().show(as("taiyuan-zgq"), preview->record.id)->record.committed);
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Backends, ReportImportTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace sanpi::testing
