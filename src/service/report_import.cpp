#include "service/report_import.hpp"

#include <map>
#include <utility>

#include "service/import_cells.hpp"
#include "service/import_project_ref.hpp"
#include "service/report_rules.hpp"

namespace sanpi::service {
namespace {

using F = ImportField;
using domain::Money;
using domain::MoneyUnit;

struct ReportWrite {
    std::int64_t row = 0;
    std::int64_t project_id = 0;
    std::int64_t report_id = 0;  // 0: create
    std::int64_t version = 0;
    ReportInput input;
};

std::string yuan(const Money& m) { return m.to_decimal(MoneyUnit::kYuan); }

// The figures a row gives that differ from the stored report's.
std::vector<ImportChange> report_changes(const ReportInput& in, const domain::ProgressReport& r) {
    std::vector<ImportChange> out;
    if (in.investment_completed && *in.investment_completed != r.investment_completed) {
        out.push_back({"investment_completed", yuan(r.investment_completed), yuan(*in.investment_completed)});
    }
    if (in.capital_arrived && *in.capital_arrived != r.capital_arrived) {
        out.push_back({"capital_arrived", yuan(r.capital_arrived), yuan(*in.capital_arrived)});
    }
    if (in.progress_text && *in.progress_text != r.progress_text) {
        out.push_back({"progress_text", r.progress_text, *in.progress_text});
    }
    if (in.percent_complete && *in.percent_complete != r.percent_complete) {
        out.push_back({"percent_complete", std::to_string(r.percent_complete), std::to_string(*in.percent_complete)});
    }
    if (in.jobs && *in.jobs != r.jobs) out.push_back({"jobs", std::to_string(r.jobs), std::to_string(*in.jobs)});
    if (in.confirmation_note && *in.confirmation_note != r.confirmation_note) {
        out.push_back({"confirmation_note", r.confirmation_note.value_or(""), in.confirmation_note->value_or("")});
    }
    return out;
}

// The month and figures of a row; unreadable cells are the row's problems.
ReportInput read_report_input(ImportRowCells& cells, bool date1904) {
    ReportInput in;
    if (const auto* c = cells.cell(F::kMonth)) {
        in.month = cells.value(F::kMonth, read_month(*c, date1904, "month"));
    } else {
        cells.problem(F::kMonth, cells.has_column(F::kMonth)
                                     ? Text{"须填写填报月份", "month is required"}
                                     : Text{"表中没有“填报月份”列", "the table has no month column"});
    }
    const auto money = [&](F field, std::optional<Money>& target) {
        const auto* c = cells.cell(field);
        if (c == nullptr) return;
        const auto unit = cells.layout().unit_of(*cells.layout().find(field));
        target = cells.value(field, read_money(*c, unit, report_field_name(field)));
    };
    money(F::kInvestmentCompleted, in.investment_completed);
    money(F::kCapitalArrived, in.capital_arrived);
    in.progress_text = cells.text(F::kProgressText);
    if (const auto* c = cells.cell(F::kPercentComplete)) {
        in.percent_complete = cells.value(F::kPercentComplete, read_percent(*c, "percent_complete"));
    }
    if (const auto* c = cells.cell(F::kJobs)) in.jobs = cells.value(F::kJobs, read_count(*c, "jobs"));
    if (auto note = cells.text(F::kRemarks)) in.confirmation_note = std::optional<std::string>(*note);
    return in;
}

// Whether a refusal of ReportService's checks is the row's (shown as rejected) or the import's.
bool is_row_refusal(const Error& e) {
    return e.code == ErrorCode::kInvalidInput || e.code == ErrorCode::kConflict || e.code == ErrorCode::kNotFound;
}

class ReportPlanner {
public:
    ReportPlanner(store::Tx& tx, const Principal& who, ReportService& reports, const KindImportContext& context,
                  bool date1904)
        : tx_(tx), who_(who), reports_(reports), context_(context), date1904_(date1904), finder_(tx, who) {}

    void add(const sheet::Row& row, const TableLayout& layout) {
        if (failed_) return;
        ImportRowCells cells(row, layout, report_field_name);
        const auto ref = read_project_reference(cells, context_.catalog, context_.default_zone);
        const auto input = read_report_input(cells, date1904_);
        if (cells.ok()) {
            if (auto r = plan(cells, ref, input); !r) failed_ = r.error();
        }
        for (auto& p : cells.take_problems()) preview_.rejected.push_back(std::move(p));
    }

    ImportPreview& preview() { return preview_; }
    std::vector<ReportWrite>& writes() { return writes_; }
    const std::optional<Error>& failed() const { return failed_; }

private:
    Result<void> plan(ImportRowCells& cells, const ProjectReference& ref, const ReportInput& input) {
        auto found = finder_.find(ref, cells);
        if (!found) return found.error();
        if (!*found) return {};
        const domain::Project& project = **found;
        const auto [first, fresh] = seen_.try_emplace({project.id, input.month->to_string()}, cells.row());
        if (!fresh) {
            preview_.repeated.push_back({cells.row(), first->second});
            return {};
        }
        auto existing = tx_.find_progress_report(project.id, *input.month);
        if (!existing) return existing.error();
        if (!*existing) return plan_create(cells, project, input);
        auto stored = tx_.get_progress_report(who_.scope, **existing);
        if (!stored) return stored.error();
        if (!*stored) return refuse(cells, Error::not_found("月报", "progress report"));
        return plan_update(cells, project, **stored, input);
    }

    Result<void> plan_create(ImportRowCells& cells, const domain::Project& project, const ReportInput& input) {
        auto checked = reports_.check_create_in(tx_, who_, project.id, input);
        if (!checked) return refuse(cells, checked.error());
        PlannedCreate c{cells.row(), project.name, project.zone_id};
        c.project_id = project.id;
        c.code = project.code;
        c.month = input.month->to_string();
        preview_.created.push_back(std::move(c));
        writes_.push_back({cells.row(), project.id, 0, 0, input});
        return {};
    }

    Result<void> plan_update(ImportRowCells& cells, const domain::Project& project, const store::ReportView& stored,
                             const ReportInput& input) {
        const auto& report = stored.record.report;
        auto changes = report_changes(input, report);
        if (changes.empty()) {
            preview_.unchanged.push_back(cells.row());
            return {};
        }
        if (!domain::is_editable(report.status)) {
            const std::string status(domain::label_zh(report.status));
            cells.problem(
                F::kMonth,
                {"已提交/已审核的月报不能由导入修改（" + report.month.to_string() + "的月报" + status + "）",
                 "a submitted or approved report cannot be changed by an import (the " + report.month.to_string() +
                     " report is " + std::string(domain::to_string(report.status)) + ")"});
            return {};
        }
        auto checked = reports_.check_update_in(tx_, who_, stored, input);
        if (!checked) return refuse(cells, checked.error());
        PlannedUpdate u{cells.row(), project.id, project.code, std::move(changes)};
        u.record_id = report.id;
        u.name = project.name;
        u.month = report.month.to_string();
        preview_.updated.push_back(std::move(u));
        writes_.push_back({cells.row(), project.id, report.id, report.version, input});
        return {};
    }

    // A refusal of the API's checks lands on the row (its fields' columns; else the month's);
    // anything else (the store failing, the role) ends the import.
    Result<void> refuse(ImportRowCells& cells, const Error& e) {
        if (!is_row_refusal(e)) return e;
        cells.api_problems(e, F::kMonth);
        return {};
    }

    store::Tx& tx_;
    const Principal& who_;
    ReportService& reports_;
    const KindImportContext& context_;
    bool date1904_;
    ImportProjectFinder finder_;
    std::map<std::pair<std::int64_t, std::string>, std::int64_t> seen_;  // (project, month) → first row
    ImportPreview preview_;
    std::vector<ReportWrite> writes_;
    std::optional<Error> failed_;
};

}  // namespace

std::string_view report_field_name(ImportField field) {
    return field == F::kRemarks ? std::string_view("confirmation_note") : import_field_name(field);
}

Result<ImportPreview> ReportImport::run(store::Tx& tx, const Principal& who, sheet::SheetReader& reader,
                                        const KindImportContext& context, bool write) {
    if (auto r = require_report_writer(who); !r) return r.error();
    if (who.user.id == 0) {
        return Error::forbidden("月报须以某个用户的名义填报", "monthly reports are filed in a user's name");
    }
    ReportPlanner planner(tx, who, reports_, context, reader.date1904());
    auto table = read_import_table(reader, {context.sheet, ImportKind::kReports, context.progress},
                                   [&](const sheet::Row& row, const TableLayout& layout) { planner.add(row, layout); });
    if (!table) return table.error();
    if (planner.failed()) return *planner.failed();
    ImportPreview& preview = planner.preview();
    preview.sheet = table->sheet;
    preview.title = table->layout.title;
    preview.layout = std::move(table->layout);
    preview.total_checks = std::move(table->total_checks);
    if (write) {
        // The first failed write fails the commit, so none needs undoing alone.
        if (auto bulk = tx.begin_bulk(0); !bulk) return bulk.error();
        for (const auto& w : planner.writes()) {
            if (w.report_id == 0) {
                auto id = reports_.create_in(tx, who, w.project_id, w.input, "import.report.create");
                if (!id) return error_at_row(w.row, id.error());
            } else if (auto r = reports_.update_in(tx, who, w.report_id, w.version, w.input, "import.report.update");
                       !r) {
                return error_at_row(w.row, r.error());
            }
        }
    }
    return std::move(preview);
}

}  // namespace sanpi::service
