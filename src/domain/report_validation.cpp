#include "domain/report_validation.hpp"

#include <string>

#include "domain/field_checks.hpp"
#include "domain/report_totals.hpp"
#include "domain/text_normalize.hpp"

namespace sanpi::domain {
namespace {

constexpr std::size_t kMaxProgressTextLength = 2000;
constexpr std::size_t kMaxNoteLength = 1000;
constexpr std::int32_t kMaxPercent = 100;

void check_text(std::vector<FieldError>& out, std::string field, std::string_view text, std::size_t max_length) {
    if (!is_valid_utf8(text)) {
        add_field_error(out, std::move(field), "含有无效字符（不是有效的 UTF-8）",
                        "contains invalid characters (not valid UTF-8)");
    } else if (utf8_length(text) > max_length) {
        const std::string n = std::to_string(max_length);
        add_field_error(out, std::move(field), "不能超过" + n + "个字", "must not be longer than " + n + " characters");
    }
}

// Why `month` is after the end of the project's reporting, if it is.
std::optional<Text> past_end(Month month, const Project& project, std::optional<Date> cancelled_on) {
    if (project.status == ProjectStatus::kCancelled) {
        if (!cancelled_on) {
            return Text{"项目已终止且终止日期不详，不能填报月报",
                        "the project is cancelled and its cancellation date is unknown; it cannot report"};
        }
        if (month > Month::of(*cancelled_on)) {
            const std::string m = Month::of(*cancelled_on).to_string();
            return Text{"项目已于" + m + "终止，不能填报此后月份的月报",
                        "the project was cancelled in " + m + "; no report for a later month"};
        }
    }
    if (project.actual.capacity && month > Month::of(*project.actual.capacity)) {
        const std::string m = Month::of(*project.actual.capacity).to_string();
        return Text{"项目已于" + m + "达产，不能填报此后月份的月报",
                    "the project reached capacity in " + m + "; no report for a later month"};
    }
    return std::nullopt;
}

}  // namespace

std::vector<FieldError> check_report_month(Month month, const Project& project, std::optional<Date> cancelled_on,
                                           Date today) {
    std::vector<FieldError> out;
    const std::string m = month.to_string();
    if (project.stage == Stage::kReserve || !project.actual.sign) {
        add_field_error(out, "month", "项目尚未签约，储备项目不填报月报",
                        "the project has not been signed; a reserve project cannot report");
    } else if (month < Month::of(*project.actual.sign)) {
        const std::string sign = project.actual.sign->iso();
        add_field_error(out, "month", m + "早于项目签约月份（签约日期 " + sign + "）",
                        m + " is before the month the project was signed (" + sign + ")");
    } else if (auto why = past_end(month, project, cancelled_on)) {
        out.push_back(FieldError{"month", std::move(*why)});
    } else if (!has_ended(month, today)) {
        add_field_error(out, "month", m + "尚未结束，月末之后才能填报",
                        m + " has not ended yet; report it after its last day");
    }
    return out;
}

std::vector<FieldError> check_report_content(const ProgressReport& r) {
    std::vector<FieldError> out;
    if (r.investment_completed.fen() < 0)
        add_field_error(out, "investment_completed", "本月完成投资不能为负数",
                        "investment completed cannot be negative");
    if (r.capital_arrived.fen() < 0)
        add_field_error(out, "capital_arrived", "本月到位资金不能为负数", "capital arrived cannot be negative");
    if (r.percent_complete < 0 || r.percent_complete > kMaxPercent)
        add_field_error(out, "percent_complete", "工程形象进度百分比应在0至100之间",
                        "percent complete must be between 0 and 100");
    if (r.jobs < 0) add_field_error(out, "jobs", "用工人数不能为负数", "jobs cannot be negative");
    if (is_blank(r.progress_text)) {
        add_field_error(out, "progress_text", "形象进度不能为空", "progress text is required");
    } else {
        check_text(out, "progress_text", r.progress_text, kMaxProgressTextLength);
    }
    if (r.confirmation_note) check_text(out, "confirmation_note", *r.confirmation_note, kMaxNoteLength);
    return out;
}

std::vector<FieldError> validate_report(const ProgressReport& report, const Project& project,
                                        std::optional<Date> cancelled_on, const std::vector<ProgressReport>& reports,
                                        Date today) {
    std::vector<FieldError> out = check_report_month(report.month, project, cancelled_on, today);
    for (auto& e : check_report_content(report)) out.push_back(std::move(e));
    if (report.investment_completed.fen() >= 0) {  // a negative figure is already reported on its own field
        if (auto overrun = check_overrun(report, reports, project.total_investment)) out.push_back(std::move(*overrun));
    }
    return out;
}

}  // namespace sanpi::domain
