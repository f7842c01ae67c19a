#include "service/demo_reports.hpp"

#include <map>
#include <set>
#include <vector>

#include "domain/report_validation.hpp"
#include "service/demo_catalog.hpp"
#include "service/demo_report_plan.hpp"

namespace sanpi::service::demo {

using domain::Month;
using domain::ProgressReport;

namespace {

Result<std::int64_t> user_id(store::Tx& tx, std::string_view name) {
    auto user = tx.find_user_by_name(name);
    if (!user) return user.error();
    if (!*user) return Error::internal("演示账号缺失", "demo account " + std::string(name) + " is missing");
    return (*user)->id;
}

// Who drafts (the zone's account) and who reviews (its city's account), per zone.
Result<std::map<std::int64_t, ReportPeople>> people_by_zone(store::Tx& tx) {
    auto zones = tx.list_zones(store::Scope::all());
    if (!zones) return zones.error();
    std::map<std::int64_t, ReportPeople> out;
    for (const auto& z : *zones) {
        for (const auto& city : shanxi_cities()) {
            if (city.code != z.region.city().str()) continue;
            auto zone_user = user_id(tx, z.slug);
            if (!zone_user) return zone_user.error();
            auto city_user = user_id(tx, city.slug);
            if (!city_user) return city_user.error();
            out[z.id] = ReportPeople{*zone_user, *city_user};
        }
    }
    return out;
}

Result<std::vector<domain::Project>> synthetic_projects(store::Tx& tx) {
    std::vector<domain::Project> out;
    store::ProjectQuery q;
    q.limit = 500;
    for (;; q.offset += q.limit) {
        auto page = tx.list_projects(store::Scope::all(), q);
        if (!page) return page.error();
        for (auto& v : page->items) {
            if (v.project.synthetic) out.push_back(std::move(v.project));
        }
        if (page->items.empty() || q.offset + q.limit >= page->total) break;
    }
    return out;
}

// The new reports of one project, each checked as the API would check it, in month order, against
// what the project had before and the demo's reports of earlier months.
Result<void> add_project_reports(const domain::Project& p, std::vector<ProgressReport> existing, Month last,
                                 const ReportPeople& people, domain::Date today,
                                 std::vector<store::ReportRecord>& out) {
    auto planned = plan_reports(p, last, people);
    if (!planned) return planned.error();
    std::set<Month> taken;
    for (const auto& r : existing) taken.insert(r.month);
    for (auto& rec : *planned) {
        if (taken.count(rec.report.month) != 0) continue;
        auto problems = domain::validate_report(rec.report, p, std::nullopt, existing, today);
        if (!problems.empty()) {
            return Error::internal("演示月报无效", "demo report " + p.code + " " + rec.report.month.to_string() +
                                                       " is invalid: " + problems.front().field + " " +
                                                       problems.front().message.en);
        }
        existing.push_back(rec.report);
        out.push_back(std::move(rec));
    }
    return {};
}

// The bulk insert returns no ids, so the log gets one entry per project on the project itself:
// which months were loaded, in which status.
Result<void> record_loaded(const DemoAudit& audit, const std::vector<store::ReportRecord>& added) {
    std::map<std::int64_t, std::vector<const ProgressReport*>> by_project;
    for (const auto& rec : added) by_project[rec.report.project_id].push_back(&rec.report);
    for (const auto& [project_id, reports] : by_project) {
        std::string months;
        for (const auto* r : reports) {
            months += (months.empty() ? "" : ",") + r->month.to_string() + ":" + std::string(domain::to_string(r->status));
        }
        if (auto r = audit("report.load", "project", project_id, {{"reports", std::nullopt, months}}); !r) return r;
    }
    return {};
}

}  // namespace

Result<std::int64_t> load_reports(store::Tx& tx, const DemoAudit& audit, domain::Date today) {
    const Month last =
        std::min(Month::from_ym(kLastDemoReportYear, kLastDemoReportMonth).value(), Month::of(today).prev());
    auto people = people_by_zone(tx);
    if (!people) return people.error();
    auto projects = synthetic_projects(tx);
    if (!projects) return projects.error();
    std::vector<std::int64_t> ids;
    for (const auto& p : *projects) ids.push_back(p.id);
    auto stored = tx.list_reports_of_projects(ids);
    if (!stored) return stored.error();
    std::map<std::int64_t, std::vector<ProgressReport>> by_project;
    for (auto& r : *stored) by_project[r.project_id].push_back(std::move(r));

    std::vector<store::ReportRecord> added;
    for (const auto& p : *projects) {
        const auto who = people->find(p.zone_id);
        if (who == people->end()) continue;  // a zone the demo did not make has no accounts to report with
        if (auto r = add_project_reports(p, std::move(by_project[p.id]), last, who->second, today, added); !r) {
            return r.error();
        }
    }
    if (auto r = tx.insert_progress_reports(added); !r) return r.error();
    if (auto r = record_loaded(audit, added); !r) return r.error();
    return static_cast<std::int64_t>(added.size());
}

}  // namespace sanpi::service::demo
