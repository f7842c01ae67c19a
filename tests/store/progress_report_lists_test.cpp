// Progress report lists in the store: filters, scope, order and paging; every report of some
// projects; the projects that may owe a report for a month; many reports inserted at once.
#include "store/report_builders.hpp"
#include "store/store_fixture.hpp"

namespace sanpi::store_test {
namespace {

using domain::ReportStatus;
using domain::Scope;
using store::ReportQuery;

class StoreReportListsTest : public StoreTest {
protected:
    void SetUp() override {
        StoreTest::SetUp();
        w_ = seed();
        user_ =
            write<std::int64_t>([&](store::Tx& tx) { return tx.insert_user(make_user("zone", domain::Role::kZone)); });
        xiaodian_ = add_project(make_project("P-XD", w_.xiaodian_zone));
        taiyuan_ = add_project(make_project("P-TY", w_.taiyuan_zone));
        datong_ = add_project(make_project("P-DT", w_.datong_zone));
    }

    std::int64_t insert(std::int64_t project, std::string_view m, ReportStatus status = ReportStatus::kDraft) {
        auto r = make_report(project, m, user_);
        r.report.status = status;
        return write<std::int64_t>([&](store::Tx& tx) { return tx.insert_progress_report(r); });
    }
    store::Page<store::ReportView> list(const Scope& scope, const ReportQuery& q) {
        return read<store::Page<store::ReportView>>([&](store::Tx& tx) { return tx.list_progress_reports(scope, q); });
    }
    std::vector<std::int64_t> ids(const store::Page<store::ReportView>& page) {
        std::vector<std::int64_t> out;
        for (const auto& v : page.items) out.push_back(v.record.report.id);
        return out;
    }
    std::vector<store::ReportCandidate> candidates(const Scope& scope, std::string_view m) {
        return read<std::vector<store::ReportCandidate>>([&](store::Tx& tx) {
            return tx.list_report_candidates(scope, store::CandidateQuery{month(m), std::nullopt, std::nullopt});
        });
    }

    World w_;
    std::int64_t user_ = 0, xiaodian_ = 0, taiyuan_ = 0, datong_ = 0;
};

TEST_P(StoreReportListsTest, FiltersCombineAndTheNewestMonthComesFirst) {
    const auto a = insert(xiaodian_, "2022-04", ReportStatus::kSubmitted);
    const auto b = insert(xiaodian_, "2022-05", ReportStatus::kApproved);
    const auto c = insert(taiyuan_, "2022-05", ReportStatus::kSubmitted);
    const auto d = insert(datong_, "2022-05", ReportStatus::kSubmitted);
    EXPECT_EQ(ids(list(Scope::all(), {})), (std::vector<std::int64_t>{b, c, d, a}));
    ReportQuery q;
    q.month = month("2022-05");
    q.status = ReportStatus::kSubmitted;
    EXPECT_EQ(ids(list(Scope::all(), q)), (std::vector<std::int64_t>{c, d}));
    q.city_code = "140100";
    EXPECT_EQ(ids(list(Scope::all(), q)), (std::vector<std::int64_t>{c}));
    ReportQuery by_project;
    by_project.project_id = xiaodian_;
    EXPECT_EQ(ids(list(Scope::all(), by_project)), (std::vector<std::int64_t>{b, a}));
    ReportQuery by_zone;
    by_zone.zone_id = w_.datong_zone;
    EXPECT_EQ(ids(list(Scope::all(), by_zone)), (std::vector<std::int64_t>{d}));
}

TEST_P(StoreReportListsTest, ListsAreScopedInsideTheQuery) {
    insert(xiaodian_, "2022-05");
    const auto ty = insert(taiyuan_, "2022-05");
    const auto dt = insert(datong_, "2022-05");
    auto city = list(Scope::region(region_code("140100")), {});
    EXPECT_EQ(city.total, 2);
    EXPECT_EQ(ids(list(Scope::zone(w_.taiyuan_zone), {})), (std::vector<std::int64_t>{ty}));
    EXPECT_EQ(ids(list(Scope::region(region_code("140200")), {})), (std::vector<std::int64_t>{dt}));
    // A filter outside the scope cannot widen it.
    ReportQuery q;
    q.zone_id = w_.datong_zone;
    EXPECT_EQ(list(Scope::zone(w_.taiyuan_zone), q).total, 0);
}

TEST_P(StoreReportListsTest, PagesCountEveryMatchingRow) {
    for (const char* m : {"2022-01", "2022-02", "2022-03", "2022-04", "2022-05"}) insert(xiaodian_, m);
    ReportQuery q;
    q.limit = 2;
    q.offset = 2;
    auto page = list(Scope::all(), q);
    EXPECT_EQ(page.total, 5);
    ASSERT_EQ(page.items.size(), 2u);
    EXPECT_EQ(page.items[0].record.report.month.to_string(), "2022-03");
    EXPECT_EQ(page.items[1].record.report.month.to_string(), "2022-02");
}

TEST_P(StoreReportListsTest, ReportsOfProjectsComeByProjectThenMonth) {
    insert(taiyuan_, "2022-05");
    insert(xiaodian_, "2022-05");
    insert(xiaodian_, "2022-04");
    insert(datong_, "2022-04");
    auto got = read<std::vector<domain::ProgressReport>>([&](store::Tx& tx) {
        return tx.list_reports_of_projects({taiyuan_, xiaodian_, xiaodian_});
    });
    ASSERT_EQ(got.size(), 3u);
    EXPECT_EQ(got[0].project_id, xiaodian_);
    EXPECT_EQ(got[0].month.to_string(), "2022-04");
    EXPECT_EQ(got[1].month.to_string(), "2022-05");
    EXPECT_EQ(got[2].project_id, taiyuan_);
    EXPECT_TRUE(read<std::vector<domain::ProgressReport>>([&](store::Tx& tx) {
                    return tx.list_reports_of_projects({});
                }).empty());
}

TEST_P(StoreReportListsTest, CandidatesAreSignedByTheMonthNotAtCapacityBeforeItAndUnreported) {
    // Signed 2022-03-15 (the builder's default): owes March onwards.
    auto capacity = make_project("P-CAP", w_.xiaodian_zone);
    capacity.stage = domain::Stage::kAtCapacity;
    capacity.actual.start = date(2022, 4, 1);
    capacity.actual.production = date(2022, 5, 1);
    capacity.actual.capacity = date(2022, 6, 10);
    const auto at_capacity = add_project(capacity);
    auto reserve = make_project("P-RES", w_.xiaodian_zone);
    reserve.stage = domain::Stage::kReserve;
    reserve.actual = {};
    add_project(reserve);
    const auto draft = insert(taiyuan_, "2022-06", ReportStatus::kDraft);
    insert(datong_, "2022-06", ReportStatus::kReturned);

    auto june = candidates(Scope::all(), "2022-06");
    std::vector<std::int64_t> projects;
    for (const auto& c : june) projects.push_back(c.project.project.id);
    EXPECT_EQ(projects, (std::vector<std::int64_t>{xiaodian_, taiyuan_, at_capacity}));
    EXPECT_FALSE(june[0].draft_id);
    EXPECT_EQ(june[1].draft_id, draft);
    EXPECT_EQ(june[0].project.zone_name, "TY-XD开发区");
    EXPECT_EQ(june[0].project.city_code, "140100");

    EXPECT_EQ(candidates(Scope::all(), "2022-07").size(), 3u);  // at capacity in June: no longer owes
    EXPECT_TRUE(candidates(Scope::all(), "2022-02").empty());   // before anyone signed
    EXPECT_EQ(candidates(Scope::zone(w_.datong_zone), "2022-07").size(), 1u);
    EXPECT_TRUE(candidates(Scope::zone(w_.datong_zone), "2022-06").empty());
}

TEST_P(StoreReportListsTest, ManyReportsAreInsertedAllOrNone) {
    std::vector<store::ReportRecord> batch;
    auto m = month("2000-01");
    for (int i = 0; i < 250; ++i, m = m.next()) {  // more than two full batches of rows
        auto r = make_report(i % 2 == 0 ? xiaodian_ : taiyuan_, m.to_string(), user_);
        r.report.jobs = i;
        batch.push_back(r);
    }
    write_void([&](store::Tx& tx) { return tx.insert_progress_reports(batch); });
    auto all = read<std::vector<domain::ProgressReport>>([&](store::Tx& tx) {
        return tx.list_reports_of_projects({xiaodian_, taiyuan_});
    });
    ASSERT_EQ(all.size(), 250u);
    EXPECT_EQ(all.front().jobs, 0);
    EXPECT_EQ(all.front().version, 1);
    EXPECT_EQ(all.back().jobs, 249);

    std::vector<store::ReportRecord> clash = {make_report(datong_, "2022-01", user_),
                                              make_report(xiaodian_, "2000-01", user_)};
    auto e = write_error([&](store::Tx& tx) { return tx.insert_progress_reports(clash); });
    EXPECT_EQ(e.code, ErrorCode::kConflict);
    EXPECT_TRUE(read<std::vector<domain::ProgressReport>>([&](store::Tx& tx) {
                    return tx.list_reports_of_projects({datong_});
                }).empty());
}

SANPI_STORE_SUITE(StoreReportListsTest);

}  // namespace
}  // namespace sanpi::store_test
