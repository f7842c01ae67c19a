#include "service/report_rules.hpp"

#include <string>

#include "domain/report_validation.hpp"

namespace sanpi::service {

using domain::Role;

Result<void> require_report_writer(const Principal& who) {
    const auto& u = who.user;
    if (u.active && (u.role == Role::kZone || u.role == Role::kProvince)) return {};
    return Error::forbidden("只有开发区和省级用户可以填报、修改和提交月报",
                            "only zone and province users draft, change and submit reports");
}

Result<void> require_report_reviewer(const Principal& who) {
    const auto& u = who.user;
    if (u.active && (u.role == Role::kCity || u.role == Role::kProvince)) return {};
    return Error::forbidden("只有市级和省级用户可以审核或退回月报",
                            "only city and province users approve or return reports");
}

std::optional<domain::Date> cancellation_date(const std::vector<domain::StageChange>& history) {
    for (auto it = history.rbegin(); it != history.rend(); ++it) {
        if (it->to_status == domain::ProjectStatus::kCancelled &&
            it->from_status != domain::ProjectStatus::kCancelled) {
            return it->date;
        }
    }
    return std::nullopt;
}

Error duplicate_month(domain::Month month, std::int64_t existing_id) {
    const std::string m = month.to_string(), id = std::to_string(existing_id);
    const Text why{"该项目" + m + "的月报已存在（月报编号 " + id + "），请修改该月报",
                   "the project already has a report for " + m + " (report id " + id + "); change that one instead"};
    Error e = Error::conflict(why.zh, why.en);
    e.fields.push_back(FieldError{"month", why});
    return e;
}

Result<void> check_month_free(store::Tx& tx, std::int64_t project_id, domain::Month month, std::int64_t self_id) {
    auto found = tx.find_progress_report(project_id, month);
    if (!found) return found.error();
    if (*found && **found != self_id) return duplicate_month(month, **found);
    return {};
}

Result<void> check_report(store::Tx& tx, const domain::Project& project, const domain::ProgressReport& report,
                          domain::Date today) {
    std::optional<domain::Date> cancelled_on;
    if (project.status == domain::ProjectStatus::kCancelled) {
        auto history = tx.list_stage_changes(project.id);
        if (!history) return history.error();
        cancelled_on = cancellation_date(*history);
    }
    auto others = tx.list_reports_of_projects({project.id});
    if (!others) return others.error();
    auto errors = domain::validate_report(report, project, cancelled_on, *others, today);
    if (!errors.empty()) return Error::invalid(std::move(errors));
    return {};
}

}  // namespace sanpi::service
