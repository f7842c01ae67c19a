#include "service/report_service.hpp"

#include <algorithm>

#include "domain/report_validation.hpp"
#include "service/audit_fields.hpp"
#include "service/audit_trail.hpp"
#include "service/light_keeper.hpp"
#include "service/project_identity.hpp"
#include "service/report_details.hpp"
#include "service/report_rules.hpp"
#include "store/transact.hpp"

namespace sanpi::service {

using domain::ProgressReport;
using store::ReportRecord;
using store::ReportView;
using store::Tx;

namespace {

Error reported_project_not_found() { return Error::not_found("项目", "project"); }

Result<domain::ProjectView> visible_project(Tx& tx, const Principal& who, std::int64_t project_id) {
    auto view = tx.get_project(who.scope, project_id);
    if (!view) return view.error();
    if (!*view) return reported_project_not_found();
    return std::move(**view);
}

// The insert, naming the existing report when a concurrent writer took the month first.
Result<std::int64_t> insert_new(Tx& tx, const ReportRecord& rec) {
    auto id = tx.insert_progress_report(rec);
    if (id || id.error().code != ErrorCode::kConflict) return id;
    auto existing = tx.find_progress_report(rec.report.project_id, rec.report.month);
    if (existing && *existing) return duplicate_month(rec.report.month, **existing);
    return id;
}

// A zone's change to a draft or returned report: the content changes, the month must stay free.
Result<ReportRecord> edit(Tx& tx, const ReportView& before, const ReportInput& input, domain::Date today,
                          const domain::Project& project) {
    ProgressReport edited = before.record.report;
    apply_input(edited, input);
    auto next = domain::edit_report(before.record.report, edited);
    if (!next) return next.error();
    if (next->month != before.record.report.month) {
        if (auto r = check_month_free(tx, next->project_id, next->month, next->id); !r) return r.error();
    }
    if (auto r = check_report(tx, project, *next, today); !r) return r.error();
    ReportRecord after = before.record;
    after.report = std::move(*next);
    return after;
}

}  // namespace

Result<store::Page<ReportDetail>> ReportService::list(const Principal& who, const store::ReportQuery& q) {
    return store::read_value<store::Page<ReportDetail>>(store_, [&](Tx& tx) -> Result<store::Page<ReportDetail>> {
        auto page = tx.list_progress_reports(who.scope, q);
        if (!page) return page.error();
        return with_figures(tx, who, std::move(*page));
    });
}

Result<store::Page<ReportDetail>> ReportService::list_for_project(const Principal& who, std::int64_t project_id,
                                                                  store::ReportQuery q) {
    q.project_id = project_id;
    return store::read_value<store::Page<ReportDetail>>(store_, [&](Tx& tx) -> Result<store::Page<ReportDetail>> {
        if (auto project = visible_project(tx, who, project_id); !project) return project.error();
        auto page = tx.list_progress_reports(who.scope, q);
        if (!page) return page.error();
        return with_figures(tx, who, std::move(*page));
    });
}

Result<store::Page<MissingReport>> ReportService::missing(const Principal& who, const MissingQuery& q) {
    const domain::Date today = clock_.today();
    if (!domain::has_ended(q.month, today)) {
        const std::string m = q.month.to_string();
        return Error::invalid_field("month", m + "尚未结束，月末之后才有应报月报",
                                    m + " has not ended; nothing is due yet");
    }
    return store::read_value<store::Page<MissingReport>>(store_, [&](Tx& tx) -> Result<store::Page<MissingReport>> {
        auto candidates = tx.list_report_candidates(who.scope, {q.month, q.zone_id, q.city_code});
        if (!candidates) return candidates.error();
        std::vector<MissingReport> owing;
        for (auto& c : *candidates) {
            std::optional<domain::Date> cancelled_on;
            if (c.project.project.status == domain::ProjectStatus::kCancelled) {
                auto history = tx.list_stage_changes(c.project.project.id);
                if (!history) return history.error();
                cancelled_on = cancellation_date(*history);
            }
            if (!domain::check_report_month(q.month, c.project.project, cancelled_on, today).empty()) continue;
            show_to(who, c.project);  // named as everywhere (owing projects are signed: none masked so far)
            owing.push_back({std::move(c.project), c.draft_id});
        }
        store::Page<MissingReport> page;
        page.total = static_cast<std::int64_t>(owing.size());
        const auto first = std::min<std::int64_t>(std::max<std::int64_t>(q.offset, 0), page.total);
        const auto last = std::min<std::int64_t>(first + std::max<std::int64_t>(q.limit, 0), page.total);
        std::move(owing.begin() + first, owing.begin() + last, std::back_inserter(page.items));
        return page;
    });
}

Result<ReportDetail> ReportService::get(const Principal& who, std::int64_t id) {
    return store::read_value<ReportDetail>(store_, [&](Tx& tx) { return load_report_detail(tx, who, id); });
}

Result<ReportDetail> ReportService::create(const Principal& who, std::int64_t project_id, const ReportInput& input) {
    if (auto r = require_report_writer(who); !r) return r.error();
    return store::write_value<ReportDetail>(store_, [&](Tx& tx) -> Result<ReportDetail> {
        auto id = create_in(tx, who, project_id, input);
        if (!id) return id.error();
        return load_report_detail(tx, who, *id);
    });
}

Result<ReportRecord> ReportService::check_create_in(Tx& tx, const Principal& who, std::int64_t project_id,
                                                    const ReportInput& input) const {
    if (auto r = require_report_writer(who); !r) return r.error();
    auto project = visible_project(tx, who, project_id);
    if (!project) return project.error();
    if (auto missing = missing_for_create(input); !missing.empty()) return Error::invalid(std::move(missing));
    ReportRecord rec;
    rec.report.project_id = project_id;
    apply_input(rec.report, input);
    rec.created_by = who.user.id;
    rec.created_at = clock_.now();
    if (auto r = check_month_free(tx, project_id, rec.report.month, 0); !r) return r.error();
    if (auto r = check_report(tx, project->project, rec.report, clock_.today()); !r) return r.error();
    return rec;
}

Result<std::int64_t> ReportService::create_in(Tx& tx, const Principal& who, std::int64_t project_id,
                                              const ReportInput& input, std::string_view action) {
    auto rec = check_create_in(tx, who, project_id, input);
    if (!rec) return rec.error();
    auto id = insert_new(tx, *rec);
    if (!id) return id.error();
    if (auto r = AuditTrail(clock_).record_change(tx, Actor::of(who), action, "report", *id, {},
                                                  audit_fields(rec->report));
        !r) {
        return r.error();
    }
    return *id;
}

Result<ReportRecord> ReportService::check_update_in(Tx& tx, const Principal& who, const ReportView& before,
                                                    const ReportInput& input) const {
    if (auto r = require_report_writer(who); !r) return r.error();
    auto project = visible_project(tx, who, before.record.report.project_id);
    if (!project) return project.error();
    return edit(tx, before, input, clock_.today(), project->project);
}

Result<ReportDetail> ReportService::update(const Principal& who, std::int64_t id, std::int64_t expected_version,
                                           const ReportInput& input) {
    if (auto r = require_report_writer(who); !r) return r.error();
    return store::write_value<ReportDetail>(store_, [&](Tx& tx) -> Result<ReportDetail> {
        if (auto r = update_in(tx, who, id, expected_version, input); !r) return r.error();
        return load_report_detail(tx, who, id);
    });
}

Result<void> ReportService::update_in(Tx& tx, const Principal& who, std::int64_t id, std::int64_t expected_version,
                                      const ReportInput& input, std::string_view action) {
    if (auto r = require_report_writer(who); !r) return r.error();
    return write_existing_in(
        tx, who, id, expected_version, action,
        [&](Tx& t, const ReportView& before, store::Timestamp, domain::Date) -> Result<ReportRecord> {
            return check_update_in(t, who, before, input);
        });
}

Result<ReportDetail> ReportService::submit(const Principal& who, std::int64_t id, std::int64_t expected_version) {
    if (auto r = require_report_writer(who); !r) return r.error();
    return write_existing(
        who, id, expected_version, "report.submit",
        [&](Tx& tx, const ReportView& before, store::Timestamp now, domain::Date today) -> Result<ReportRecord> {
            auto next = domain::submit_report(before.record.report, who.user.id);
            if (!next) return next.error();
            // The project may have moved on since the draft: the rules apply as of now.
            auto project = visible_project(tx, who, before.record.report.project_id);
            if (!project) return project.error();
            if (auto r = check_report(tx, project->project, *next, today); !r) return r.error();
            ReportRecord after = before.record;
            after.report = std::move(*next);
            after.submitted_at = now;
            return after;
        });
}

Result<ReportDetail> ReportService::approve(const Principal& who, std::int64_t id, std::int64_t expected_version) {
    if (auto r = require_report_reviewer(who); !r) return r.error();
    return write_existing(
        who, id, expected_version, "report.approve",
        [&](Tx&, const ReportView& before, store::Timestamp now, domain::Date) -> Result<ReportRecord> {
            auto next = domain::approve_report(before.record.report, who.user.id);
            if (!next) return next.error();
            ReportRecord after = before.record;
            after.report = std::move(*next);
            after.approved_at = now;
            return after;
        });
}

Result<ReportDetail> ReportService::return_report(const Principal& who, std::int64_t id, std::int64_t expected_version,
                                                  std::string reason) {
    if (auto r = require_report_reviewer(who); !r) return r.error();
    return write_existing(
        who, id, expected_version, "report.return",
        [&](Tx&, const ReportView& before, store::Timestamp now, domain::Date) -> Result<ReportRecord> {
            auto next = domain::return_report(before.record.report, reason);
            if (!next) return next.error();
            ReportRecord after = before.record;
            after.report = std::move(*next);
            after.returned_by = who.user.id;
            after.returned_at = now;
            return after;
        });
}

// Scope (404), version (409), the step, then the update and its audit entry: any error leaves
// nothing written.
Result<ReportDetail> ReportService::write_existing(const Principal& who, std::int64_t id, std::int64_t expected_version,
                                                   std::string_view action, const ReportStep& step) {
    return store::write_value<ReportDetail>(store_, [&](Tx& tx) -> Result<ReportDetail> {
        if (auto r = write_existing_in(tx, who, id, expected_version, action, step); !r) return r.error();
        return load_report_detail(tx, who, id);
    });
}

Result<void> ReportService::write_existing_in(Tx& tx, const Principal& who, std::int64_t id,
                                              std::int64_t expected_version, std::string_view action,
                                              const ReportStep& step) {
    auto before = tx.get_progress_report(who.scope, id);
    if (!before) return before.error();
    if (!*before) return Error::not_found("月报", "progress report");
    if ((*before)->record.report.version != expected_version) {
        return Error::conflict("月报已被他人修改，请刷新后重试", "the report was changed by someone else; reload and retry");
    }
    auto after = step(tx, **before, clock_.now(), clock_.today());
    if (!after) return after.error();
    if (auto r = tx.update_progress_report(*after, expected_version); !r) return r.error();
    // An approval adds to the project's official investment and reports (its warning light).
    if (auto r = refresh_light(tx, after->report.project_id, clock_.today()); !r) return r.error();
    if (auto r = AuditTrail(clock_).record_change(tx, Actor::of(who), action, "report", id,
                                                  audit_fields((*before)->record.report), audit_fields(after->report));
        !r) {
        return r.error();
    }
    return {};
}

}  // namespace sanpi::service
