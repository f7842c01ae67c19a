#include "service/report_input.hpp"

namespace sanpi::service {

void apply_input(domain::ProgressReport& r, const ReportInput& in) {
    if (in.month) r.month = *in.month;
    if (in.investment_completed) r.investment_completed = *in.investment_completed;
    if (in.capital_arrived) r.capital_arrived = *in.capital_arrived;
    if (in.progress_text) r.progress_text = *in.progress_text;
    if (in.percent_complete) r.percent_complete = *in.percent_complete;
    if (in.jobs) r.jobs = *in.jobs;
    if (in.confirmation_note) r.confirmation_note = *in.confirmation_note;
}

std::vector<FieldError> missing_for_create(const ReportInput& in) {
    std::vector<FieldError> out;
    const auto require = [&](bool present, const char* field, const char* zh) {
        if (!present) out.push_back({field, {std::string("须填写") + zh, std::string(field) + " is required"}});
    };
    require(in.month.has_value(), "month", "月份");
    require(in.investment_completed.has_value(), "investment_completed", "本月完成投资");
    require(in.capital_arrived.has_value(), "capital_arrived", "本月到位资金");
    require(in.progress_text.has_value(), "progress_text", "形象进度");
    require(in.percent_complete.has_value(), "percent_complete", "工程形象进度百分比");
    require(in.jobs.has_value(), "jobs", "用工人数");
    return out;
}

}  // namespace sanpi::service
