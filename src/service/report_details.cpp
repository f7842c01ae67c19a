#include "service/report_details.hpp"

#include <map>
#include <vector>

#include "service/project_identity.hpp"

namespace sanpi::service {

using domain::FigureBasis;
using domain::ProgressReport;

namespace {

// Every answer's report, as `who` may see it.
Result<ReportDetail> detail_of(const Principal& who, store::ReportView view,
                               const std::vector<ProgressReport>& of_project) {
    if (shows_code_name(who, {view.zone_id, view.region_code, view.project_stage, view.project_code_name})) {
        view.project_name = view.project_code_name;
    }
    const domain::Month through = view.record.report.month;
    auto official = domain::cumulative_through(of_project, through, FigureBasis::kOfficial);
    if (!official) return official.error();
    auto including = domain::cumulative_through(of_project, through, FigureBasis::kIncludingUnapproved);
    if (!including) return including.error();
    return ReportDetail{std::move(view), *official, *including, std::nullopt};
}

}  // namespace

Result<ReportDetail> load_report_detail(store::Tx& tx, const Principal& who, std::int64_t id) {
    auto view = tx.get_progress_report(who.scope, id);
    if (!view) return view.error();
    if (!*view) return Error::not_found("月报", "progress report");
    auto reports = tx.list_reports_of_projects({(*view)->record.report.project_id});
    if (!reports) return reports.error();
    auto photos = tx.list_photos({store::PhotoOwnerKind::kReport, id});
    if (!photos) return photos.error();
    auto detail = detail_of(who, std::move(**view), *reports);
    if (detail) detail->photos = std::move(*photos);
    return detail;
}

Result<store::Page<ReportDetail>> with_figures(store::Tx& tx, const Principal& who,
                                               store::Page<store::ReportView> page) {
    std::vector<std::int64_t> projects;
    for (const auto& v : page.items) projects.push_back(v.record.report.project_id);
    auto reports = tx.list_reports_of_projects(projects);
    if (!reports) return reports.error();
    std::map<std::int64_t, std::vector<ProgressReport>> by_project;
    for (auto& r : *reports) by_project[r.project_id].push_back(std::move(r));

    store::Page<ReportDetail> out;
    out.total = page.total;
    for (auto& v : page.items) {
        const auto project_id = v.record.report.project_id;
        auto detail = detail_of(who, std::move(v), by_project[project_id]);
        if (!detail) return detail.error();
        out.items.push_back(std::move(*detail));
    }
    return out;
}

}  // namespace sanpi::service
