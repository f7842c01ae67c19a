// Progress reports in the store: every field round-trips, one report per project and month,
// optimistic versions, CHECK constraints by field, references, scoped reads.
#include "store/report_builders.hpp"
#include "store/store_fixture.hpp"

namespace sanpi::store_test {
namespace {

using domain::ReportStatus;
using domain::Scope;
using store::ReportRecord;
using store::ReportView;

class StoreReportsTest : public StoreTest {
protected:
    void SetUp() override {
        StoreTest::SetUp();
        w_ = seed();
        zone_user_ = add_user("xiaodian", domain::Role::kZone);
        city_user_ = add_user("taiyuan", domain::Role::kCity);
        project_ = add_project(make_project("P-1", w_.xiaodian_zone));
    }

    std::int64_t add_user(std::string name, domain::Role role) {
        return write<std::int64_t>([&](store::Tx& tx) { return tx.insert_user(make_user(std::move(name), role)); });
    }
    std::int64_t insert(const ReportRecord& r) {
        return write<std::int64_t>([&](store::Tx& tx) { return tx.insert_progress_report(r); });
    }
    std::optional<ReportView> get(const Scope& scope, std::int64_t id) {
        return read<std::optional<ReportView>>([&](store::Tx& tx) { return tx.get_progress_report(scope, id); });
    }
    std::int64_t count() {
        return static_cast<std::int64_t>(read<std::vector<domain::ProgressReport>>([&](store::Tx& tx) {
                                             return tx.list_reports_of_projects({project_});
                                         }).size());
    }
    Error insert_error(const ReportRecord& r) {
        return write_error([&](store::Tx& tx) -> Result<void> {
            auto id = tx.insert_progress_report(r);
            if (!id) return id.error();
            return {};
        });
    }

    // A report returned once, resubmitted and approved: every optional column filled.
    ReportRecord reviewed_report() {
        auto r = make_report(project_, "2022-05", zone_user_);
        r.report.status = ReportStatus::kApproved;
        r.report.confirmation_note = "设备款集中支付";
        r.report.return_reason = "到位资金与台账不符";
        r.report.submitted_by = zone_user_;
        r.report.approved_by = city_user_;
        r.submitted_at = 1'660'100'000;
        r.approved_at = 1'660'200'000;
        r.returned_by = city_user_;
        r.returned_at = 1'660'050'000;
        return r;
    }

    World w_;
    std::int64_t zone_user_ = 0, city_user_ = 0, project_ = 0;
};

TEST_P(StoreReportsTest, InsertedReportReadsBackWithEveryFieldAndItsNames) {
    const auto r = reviewed_report();
    const auto id = insert(r);
    auto view = get(Scope::all(), id);
    ASSERT_TRUE(view);
    const auto& got = view->record;
    EXPECT_EQ(got.report.id, id);
    EXPECT_EQ(got.report.project_id, project_);
    EXPECT_EQ(got.report.month.to_string(), "2022-05");
    EXPECT_EQ(got.report.investment_completed, r.report.investment_completed);
    EXPECT_EQ(got.report.capital_arrived, r.report.capital_arrived);
    EXPECT_EQ(got.report.progress_text, "主体结构施工");
    EXPECT_EQ(got.report.percent_complete, 40);
    EXPECT_EQ(got.report.jobs, 120);
    EXPECT_EQ(got.report.status, ReportStatus::kApproved);
    EXPECT_EQ(got.report.confirmation_note, r.report.confirmation_note);
    EXPECT_EQ(got.report.return_reason, r.report.return_reason);
    EXPECT_EQ(got.report.submitted_by, zone_user_);
    EXPECT_EQ(got.report.approved_by, city_user_);
    EXPECT_EQ(got.report.version, 1);
    EXPECT_EQ(got.created_by, zone_user_);
    EXPECT_EQ(got.created_at, r.created_at);
    EXPECT_EQ(got.submitted_at, r.submitted_at);
    EXPECT_EQ(got.approved_at, r.approved_at);
    EXPECT_EQ(got.returned_by, city_user_);
    EXPECT_EQ(got.returned_at, r.returned_at);
    EXPECT_EQ(view->project_code, "P-1");
    EXPECT_EQ(view->project_name, "项目 P-1");
    EXPECT_EQ(view->project_code_name, "");
    EXPECT_EQ(view->project_stage, domain::Stage::kSigned);
    EXPECT_EQ(view->zone_id, w_.xiaodian_zone);
    EXPECT_EQ(view->zone_name, "TY-XD开发区");
    EXPECT_EQ(view->region_code, "140105");
    EXPECT_EQ(view->city_code, "140100");
    EXPECT_EQ(view->created_by_name, "xiaodian");
    EXPECT_EQ(view->submitted_by_name, "xiaodian");
    EXPECT_EQ(view->approved_by_name, "taiyuan");
    EXPECT_EQ(view->returned_by_name, "taiyuan");
}

TEST_P(StoreReportsTest, ADraftHasNoReviewFields) {
    const auto id = insert(make_report(project_, "2022-04", zone_user_));
    auto view = get(Scope::all(), id);
    ASSERT_TRUE(view);
    EXPECT_EQ(view->record.report.status, ReportStatus::kDraft);
    EXPECT_FALSE(view->record.report.confirmation_note);
    EXPECT_FALSE(view->record.report.submitted_by);
    EXPECT_FALSE(view->record.submitted_at);
    EXPECT_FALSE(view->record.returned_by);
    EXPECT_EQ(view->submitted_by_name, "");
    EXPECT_EQ(view->approved_by_name, "");
}

TEST_P(StoreReportsTest, ASecondReportForTheSameMonthIsAConflictNamingMonth) {
    const auto first = insert(make_report(project_, "2022-04", zone_user_));
    auto e = insert_error(make_report(project_, "2022-04", zone_user_));
    EXPECT_EQ(e.code, ErrorCode::kConflict);
    ASSERT_FALSE(e.fields.empty());
    EXPECT_EQ(e.fields[0].field, "month");
    EXPECT_EQ(count(), 1);
    EXPECT_EQ(read<std::optional<std::int64_t>>(
                  [&](store::Tx& tx) { return tx.find_progress_report(project_, month("2022-04")); }),
              first);
    EXPECT_FALSE(read<std::optional<std::int64_t>>(
        [&](store::Tx& tx) { return tx.find_progress_report(project_, month("2022-03")); }));
    // Another project may report the same month.
    const auto other = add_project(make_project("P-2", w_.xiaodian_zone));
    EXPECT_GT(insert(make_report(other, "2022-04", zone_user_)), first);
}

TEST_P(StoreReportsTest, UpdateNeedsTheCurrentVersionAndBumpsIt) {
    const auto id = insert(make_report(project_, "2022-04", zone_user_));
    auto rec = get(Scope::all(), id)->record;
    rec.report.progress_text = "设备安装";
    rec.report.status = ReportStatus::kSubmitted;
    rec.report.submitted_by = zone_user_;
    rec.submitted_at = 1'660'300'000;
    write_void([&](store::Tx& tx) { return tx.update_progress_report(rec, 1); });
    auto after = get(Scope::all(), id);
    EXPECT_EQ(after->record.report.version, 2);
    EXPECT_EQ(after->record.report.progress_text, "设备安装");
    EXPECT_EQ(after->record.report.status, ReportStatus::kSubmitted);
    EXPECT_EQ(after->record.submitted_at, 1'660'300'000);

    rec.report.progress_text = "不应写入";
    auto stale = write_error([&](store::Tx& tx) { return tx.update_progress_report(rec, 1); });
    EXPECT_EQ(stale.code, ErrorCode::kConflict);
    EXPECT_EQ(get(Scope::all(), id)->record.report.progress_text, "设备安装");
    rec.report.id = id + 1000;
    EXPECT_EQ(write_error([&](store::Tx& tx) { return tx.update_progress_report(rec, 2); }).code, ErrorCode::kNotFound);
}

TEST_P(StoreReportsTest, MovingAReportOntoATakenMonthIsAConflict) {
    insert(make_report(project_, "2022-04", zone_user_));
    const auto id = insert(make_report(project_, "2022-05", zone_user_));
    auto rec = get(Scope::all(), id)->record;
    rec.report.month = month("2022-04");
    auto e = write_error([&](store::Tx& tx) { return tx.update_progress_report(rec, 1); });
    EXPECT_EQ(e.code, ErrorCode::kConflict);
    EXPECT_EQ(get(Scope::all(), id)->record.report.month.to_string(), "2022-05");
}

TEST_P(StoreReportsTest, CheckConstraintsNameTheirField) {
    auto percent = make_report(project_, "2022-04", zone_user_);
    percent.report.percent_complete = 101;
    auto negative = make_report(project_, "2022-04", zone_user_);
    negative.report.investment_completed = domain::Money::from_fen(-1);
    auto capital = make_report(project_, "2022-04", zone_user_);
    capital.report.capital_arrived = domain::Money::from_fen(-1);
    auto jobs = make_report(project_, "2022-04", zone_user_);
    jobs.report.jobs = -1;
    const std::pair<ReportRecord, const char*> cases[] = {{percent, "percent_complete"},
                                                          {negative, "investment_completed"},
                                                          {capital, "capital_arrived"},
                                                          {jobs, "jobs"}};
    for (const auto& [rec, field] : cases) {
        auto e = insert_error(rec);
        EXPECT_EQ(e.code, ErrorCode::kInvalidInput) << field;
        ASSERT_FALSE(e.fields.empty()) << field;
        EXPECT_EQ(e.fields[0].field, field);
    }
    EXPECT_EQ(count(), 0);
}

TEST_P(StoreReportsTest, MissingReferencesAreNamed) {
    auto e = insert_error(make_report(project_ + 1000, "2022-04", zone_user_));
    EXPECT_EQ(e.code, ErrorCode::kInvalidInput);
    ASSERT_FALSE(e.fields.empty());
    EXPECT_EQ(e.fields[0].field, "project_id");
    auto approver = reviewed_report();
    approver.report.approved_by = city_user_ + 1000;
    e = insert_error(approver);
    ASSERT_FALSE(e.fields.empty());
    EXPECT_EQ(e.fields[0].field, "approved_by");
    EXPECT_EQ(count(), 0);
}

TEST_P(StoreReportsTest, DetailReadsAreScoped) {
    const auto id = insert(make_report(project_, "2022-04", zone_user_));
    EXPECT_TRUE(get(Scope::zone(w_.xiaodian_zone), id));
    EXPECT_FALSE(get(Scope::zone(w_.taiyuan_zone), id));
    EXPECT_TRUE(get(Scope::region(region_code("140100")), id));
    EXPECT_FALSE(get(Scope::region(region_code("140200")), id));
    EXPECT_FALSE(get(Scope::all(), id + 1));
}

SANPI_STORE_SUITE(StoreReportsTest);

}  // namespace
}  // namespace sanpi::store_test
