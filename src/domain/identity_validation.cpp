#include "domain/identity_validation.hpp"

#include <string>

#include "domain/approval.hpp"
#include "domain/capacity_agreement.hpp"
#include "domain/code_name.hpp"
#include "domain/field_checks.hpp"
#include "domain/funding.hpp"
#include "domain/project_code.hpp"

namespace sanpi::domain {
namespace {

void append(std::vector<FieldError>& out, std::vector<FieldError> more) {
    for (auto& e : more) out.push_back(std::move(e));
}

void check_national_code(const Project& p, Date today, std::vector<FieldError>& out) {
    if (p.national_code.empty()) {
        if (p.national_code_legacy) {
            add_field_error(out, "national_code_legacy", "没有项目代码时不能标记为旧版代码",
                            "there is no project code to mark as legacy");
        }
        return;
    }
    const auto code = ProjectCode::parse(p.national_code, today);
    if (!code) {
        append(out, code.error().fields);
    } else if (code->str() != p.national_code) {
        add_field_error(out, "national_code", "项目代码应按规范写法保存：" + code->str(),
                        "the project code must be stored in its normal form: " + code->str());
    } else if (code->legacy() != p.national_code_legacy) {
        add_field_error(out, "national_code_legacy", "旧版代码标记与项目代码的格式不符",
                        "the legacy flag does not match the project code's layout");
    }
}

void check_approval(const Project& p, Date today, std::vector<FieldError>& out) {
    if (!p.approval) return;
    append(out, validate_approval(*p.approval, today));
    if (p.actual.start && p.approval->date > *p.actual.start) {
        add_field_error(
            out, "approval.date", "须先审批（核准、备案）后开工：审批日期晚于实际开工日期 " + p.actual.start->iso(),
            "construction may start only once approved or filed: the approval is dated after the actual start (" +
                p.actual.start->iso() + ")");
    }
}

void check_stats_entry(const Project& p, Date today, std::vector<FieldError>& out) {
    if (!p.stats_entry_date) return;
    const Date entry = *p.stats_entry_date;
    if (entry > today) {
        add_field_error(out, "stats_entry_date", "入库日期不能晚于今天",
                        "the statistics entry date cannot be in the future");
    }
    if (!p.actual.start) {
        add_field_error(
            out, "stats_entry_date", "项目开工后才能纳入固定资产投资统计（入库），尚无实际开工日期",
            "a project enters the fixed-asset investment statistics once construction has started; there is no "
            "actual start date");
    } else if (entry < *p.actual.start) {
        add_field_error(out, "stats_entry_date", "入库日期不能早于实际开工日期 " + p.actual.start->iso(),
                        "the statistics entry date cannot precede the actual start (" + p.actual.start->iso() + ")");
    }
}

}  // namespace

std::vector<FieldError> validate_identity_and_commitments(const Project& p, Date today) {
    std::vector<FieldError> out;
    check_national_code(p, today, out);
    check_approval(p, today, out);
    check_stats_entry(p, today, out);
    append(out, validate_code_name(p.code_name, p.name));
    append(out, validate_funding(p.funding, p.total_investment));
    if (p.capacity_agreement) {
        append(out, validate_capacity_agreement(*p.capacity_agreement));
    }
    append(out, validate_realisations(p.realised, p.actual.production, today));
    return out;
}

}  // namespace sanpi::domain
