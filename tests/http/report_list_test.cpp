// Monthly report lists: a project's reports, the reviewer's queue (scoped: a city sees only its
// zones), and the projects that still owe a report for a month.
#include <algorithm>
#include <set>

#include "report_fixture.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

class ReportListTest : public ReportTest {
protected:
    // Every item of every page of a list, walked with the given page size.
    json::array all_items(HttpClient& client, const std::string& target, int page_size = 200) {
        json::array out;
        for (int page = 1;; ++page) {
            auto res = client.get(target + (target.find('?') == std::string::npos ? "?" : "&") +
                                  "page_size=" + std::to_string(page_size) + "&page=" + std::to_string(page));
            EXPECT_EQ(res.status, 200) << res.body;
            if (res.status != 200) break;
            const auto body = res.json();
            const auto& items = body.at("items").as_array();
            out.insert(out.end(), items.begin(), items.end());
            if (items.empty() || static_cast<std::int64_t>(out.size()) >= body.at("total").as_int64()) break;
        }
        return out;
    }
    std::string city_code() const { return zone_.city_code; }
};

TEST_P(ReportListTest, AProjectsReportsPageNewestFirstWithTheirFigures) {
    const auto stored = stored_reports(project_);
    ASSERT_GE(stored.size(), 4u);
    auto first = zone_user()->get(reports_of(project_) + "?page_size=3");
    ASSERT_EQ(first.status, 200) << first.body;
    EXPECT_EQ(first.json().at("total"), static_cast<std::int64_t>(stored.size()));
    EXPECT_EQ(first.json().at("page_size"), 3);
    const auto body = first.json();
    const auto& items = body.at("items").as_array();
    ASSERT_EQ(items.size(), 3u);
    EXPECT_EQ(items[0].at("month").as_string(), stored.back().month.to_string());
    EXPECT_GT(items[0].at("month").as_string(), items[1].at("month").as_string());
    EXPECT_EQ(items[0].at("project_id"), project_);
    EXPECT_TRUE(items[0].at("cumulative").at("official").is_object());
    auto second = zone_user()->get(reports_of(project_) + "?page_size=3&page=2");
    EXPECT_LT(second.json().at("items").at(0).at("month").as_string(), items[2].at("month").as_string());

    for (const auto& r : all_items(*zone_user(), reports_of(project_) + "?status=approved")) {
        EXPECT_EQ(r.at("status"), "approved");
    }
    for (const char* bad : {"?zone=1", "?city=140100", "?month=2022-13", "?status=done", "?page_size=501", "?x=1",
                            "?status=draft&status=approved"}) {
        auto res = zone_user()->get(reports_of(project_) + bad);
        EXPECT_EQ(res.status, 400) << bad;
    }
    EXPECT_EQ(zone_user()->get(reports_of(started_elsewhere())).status, 404);
}

TEST_P(ReportListTest, TheReviewersQueueShowsACityOnlyItsZones) {
    const std::string queue = "/api/v1/reports?month=2022-12&status=submitted";
    const auto city_items = all_items(*city_user(), queue);
    ASSERT_FALSE(city_items.empty());
    std::set<std::int64_t> city_ids;
    for (const auto& r : city_items) {
        EXPECT_EQ(r.at("city_code").as_string(), city_code());
        EXPECT_EQ(r.at("month"), "2022-12");
        EXPECT_EQ(r.at("status"), "submitted");
        city_ids.insert(r.at("id").as_int64());
    }
    // The province sees the same reports of that city, and others besides.
    const auto all = all_items(*as("province"), queue);
    std::set<std::int64_t> of_city;
    for (const auto& r : all) {
        if (r.at("city_code").as_string() == city_code()) of_city.insert(r.at("id").as_int64());
    }
    EXPECT_EQ(of_city, city_ids);
    EXPECT_GT(all.size(), city_items.size());
    auto filtered = as("province")->get(queue + "&city=" + city_code() + "&page_size=1");
    EXPECT_EQ(filtered.json().at("total"), static_cast<std::int64_t>(city_ids.size()));
    // A filter cannot reach outside the scope; a zone sees its own zone only.
    for (const auto& z : all_zones()) {
        if (z.region.city().str() == city_code()) continue;
        auto elsewhere = city_user()->get("/api/v1/reports?zone=" + std::to_string(z.id));
        EXPECT_EQ(elsewhere.json().at("total"), 0) << z.slug;
        break;
    }
    for (const auto& r : all_items(*zone_user(), queue)) EXPECT_EQ(r.at("zone_id"), zone_.id);
    EXPECT_EQ(as("province")->get("/api/v1/reports?month=2022-7").status, 400);
    EXPECT_EQ(as("province")->get("/api/v1/reports?city=140105").status, 400);  // a county, not a city
}

TEST_P(ReportListTest, MissingListsTheProjectsThatOweAReportUntilOneIsSubmitted) {
    // No demo report exists for 2023-03: every active, signed project of the zone not yet at
    // capacity owes one unless a test has since reported it.
    const std::string missing = std::string("/api/v1/reports/missing?month=") + kFreeMonth;
    auto items = all_items(*zone_user(), missing);
    std::set<std::int64_t> listed;
    for (const auto& m : items) {
        EXPECT_EQ(m.at("zone_id"), zone_.id);
        EXPECT_NE(m.at("stage"), "reserve");
        EXPECT_NE(m.at("stage"), "at_capacity");
        EXPECT_NE(m.at("status"), "cancelled");
        listed.insert(m.at("project_id").as_int64());
    }
    store::ProjectQuery q;
    q.zone_id = zone_.id;
    q.limit = 500;
    auto page = store::read_value<store::Page<domain::ProjectView>>(
        store(), [&](store::Tx& tx) { return tx.list_projects(store::Scope::all(), q); });
    ASSERT_TRUE(page);
    std::set<std::int64_t> owing;
    for (const auto& v : page->items) {
        const auto& p = v.project;
        if (p.stage == domain::Stage::kReserve || p.stage == domain::Stage::kAtCapacity ||
            p.status == domain::ProjectStatus::kCancelled) {
            continue;
        }
        const auto reports = stored_reports(p.id);
        const bool reported = std::any_of(reports.begin(), reports.end(), [](const domain::ProgressReport& r) {
            return r.month.to_string() == kFreeMonth && r.status != domain::ReportStatus::kDraft;
        });
        if (!reported) owing.insert(p.id);
    }
    EXPECT_EQ(listed, owing);
    ASSERT_TRUE(listed.count(project_));

    // A draft keeps the project on the list (with the draft's id); a submitted report takes it off.
    const auto id = create();
    auto with_draft = all_items(*zone_user(), missing);
    bool seen = false;
    for (const auto& m : with_draft) {
        if (m.at("project_id") != project_) continue;
        seen = true;
        EXPECT_EQ(m.at("draft_id"), id);
    }
    EXPECT_TRUE(seen);
    ASSERT_EQ(step(*zone_user(), id, "submit", 1).status, 200);
    EXPECT_EQ(all_items(*zone_user(), missing).size(), listed.size() - 1);

    // A city sees its own zones' owed reports only.
    for (const auto& m : all_items(*city_user(), missing, 500)) EXPECT_EQ(m.at("city_code").as_string(), city_code());
    EXPECT_EQ(zone_user()->get("/api/v1/reports/missing").status, 400);
    EXPECT_EQ(zone_user()->get("/api/v1/reports/missing?month=2023-03&status=draft").status, 400);
    auto early = zone_user()->get("/api/v1/reports/missing?month=2024-01");
    EXPECT_EQ(early.status, 422);
    EXPECT_EQ(early.json().at("errors").at(0).at("field"), "month");
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportListTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
