#pragma once
// A fixture for report tests in one demo zone: its account, its city's account, an active project
// under construction there (signed before 2023, demo reports through 2022-12), request builders,
// and a snapshot of stored reports to prove that a refused request wrote nothing.
#include <string>
#include <tuple>
#include <vector>

#include "domain/report_totals.hpp"
#include "http_fixture.hpp"
#include "service/demo_catalog.hpp"
#include "store/transact.hpp"

namespace sanpi::testing {

struct ReportSnapshot {
    std::int64_t total = 0;                                                              // every report in the database
    std::vector<std::tuple<std::int64_t, std::int64_t, std::string, std::string>> rows;  // id, version, status, month
    bool operator==(const ReportSnapshot&) const = default;
};

inline boost::json::object make_report_body(const std::string& month) {
    return {{"month", month},
            {"investment_completed", "3000万元"},
            {"capital_arrived", "2000万元"},
            {"progress_text", "主体结构施工，完成三层楼板浇筑"},
            {"percent_complete", 40},
            {"jobs", 120}};
}

class ReportTest : public HttpTest {
protected:
    // A month after the demo's reports that has ended by the test clock (2024-01-15).
    static constexpr const char* kFreeMonth = "2023-03";

    void SetUp() override {
        const auto zone = all_zones().at(1);
        zone_ = {zone.id, zone.slug, zone.name, zone.region.city().str()};
        for (const auto& city : service::demo::shanxi_cities()) {
            if (city.code == zone_.city_code) city_ = std::string(city.slug);
            if (city.code != zone_.city_code && other_city_.empty()) other_city_ = std::string(city.slug);
        }
        project_ = fresh_project();
        ASSERT_NE(project_, 0) << "no project under construction without 2023 reports in zone " << zone_.id;
    }

    // An active project in the zone (any zone when 0) at the stage; 0 when there is none.
    std::int64_t find_project(std::int64_t zone_id, domain::Stage stage) {
        store::ProjectQuery q;
        if (zone_id != 0) q.zone_id = zone_id;
        q.stage = stage;
        q.status = domain::ProjectStatus::kActive;
        q.limit = 1;
        auto page = store::read_value<store::Page<domain::ProjectView>>(
            store(), [&](store::Tx& tx) { return tx.list_projects(store::Scope::all(), q); });
        EXPECT_TRUE(page);
        return page && !page->items.empty() ? page->items.front().project.id : 0;
    }

    // An active project under construction in zone_ that nobody has reported on after the demo's
    // months, so tests sharing one server (a whole test program run at once) do not meet.
    std::int64_t fresh_project() {
        store::ProjectQuery q;
        q.zone_id = zone_.id;
        q.stage = domain::Stage::kStarted;
        q.status = domain::ProjectStatus::kActive;
        q.limit = 500;
        auto page = store::read_value<store::Page<domain::ProjectView>>(
            store(), [&](store::Tx& tx) { return tx.list_projects(store::Scope::all(), q); });
        for (const auto& v : page ? page->items : std::vector<domain::ProjectView>{}) {
            const auto reports = stored_reports(v.project.id);
            if (reports.empty() || reports.back().month.year() < 2023) return v.project.id;
        }
        return 0;
    }

    // An active project under construction in another zone than zone_.
    std::int64_t started_elsewhere() {
        for (const auto& z : all_zones()) {
            if (z.id == zone_.id) continue;
            if (auto id = find_project(z.id, domain::Stage::kStarted)) return id;
        }
        ADD_FAILURE() << "no project under construction outside zone " << zone_.id;
        return 0;
    }

    std::unique_ptr<HttpClient> zone_user() { return as(zone_.slug); }
    std::unique_ptr<HttpClient> city_user() { return as(city_); }

    static std::string reports_of(std::int64_t project) {
        return "/api/v1/projects/" + std::to_string(project) + "/reports";
    }
    static std::string path(std::int64_t id) { return "/api/v1/reports/" + std::to_string(id); }
    static HeaderList if_match(std::int64_t version) { return {{"If-Match", "\"" + std::to_string(version) + "\""}}; }

    // A new draft of project_ for `month` through the API; its id.
    std::int64_t create(const std::string& month = kFreeMonth) {
        auto res = zone_user()->post(reports_of(project_), make_report_body(month));
        EXPECT_EQ(res.status, 201) << res.body;
        return res.status == 201 ? res.json().at("id").as_int64() : 0;
    }
    // POST /reports/{id}/<step> with If-Match; the body is the reason of a return.
    HttpResponse step(HttpClient& client, std::int64_t id, const std::string& name, std::int64_t version,
                      const boost::json::object& body = {}) {
        if (name == "return") return client.post(path(id) + "/return", body, if_match(version));
        return client.request("POST", path(id) + "/" + name, "", if_match(version));
    }

    std::vector<domain::ProgressReport> stored_reports(std::int64_t project) {
        auto reports = store::read_value<std::vector<domain::ProgressReport>>(
            store(), [&](store::Tx& tx) { return tx.list_reports_of_projects({project}); });
        EXPECT_TRUE(reports);
        return reports ? *reports : std::vector<domain::ProgressReport>{};
    }

    ReportSnapshot snapshot_reports(const std::vector<std::int64_t>& projects) {
        ReportSnapshot out;
        store::ReportQuery q;
        q.limit = 1;
        auto page = store::read_value<store::Page<store::ReportView>>(
            store(), [&](store::Tx& tx) { return tx.list_progress_reports(store::Scope::all(), q); });
        EXPECT_TRUE(page);
        out.total = page ? page->total : -1;
        for (auto project : projects) {
            for (const auto& r : stored_reports(project)) {
                out.rows.emplace_back(r.id, r.version, std::string(domain::to_string(r.status)), r.month.to_string());
            }
        }
        return out;
    }

    // The cumulative figure of the project's stored reports through `month`, as the API's yuan text.
    std::string cumulative(std::int64_t project, const std::string& month, domain::FigureBasis basis) {
        auto sum = domain::cumulative_through(stored_reports(project), domain::Month::parse(month).value(), basis);
        return sum ? sum->investment.to_decimal(domain::MoneyUnit::kYuan) : "?";
    }

    struct ZoneFacts {
        std::int64_t id = 0;
        std::string slug;  // also its account's name
        std::string name;
        std::string city_code;
    };
    ZoneFacts zone_;
    std::string city_;        // the account of zone_'s city
    std::string other_city_;  // another city's account
    std::int64_t project_ = 0;
};

}  // namespace sanpi::testing
