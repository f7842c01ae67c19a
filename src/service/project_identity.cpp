#include "service/project_identity.hpp"

#include <algorithm>

#include "domain/project_code.hpp"

namespace sanpi::service {

void normalise_identity(domain::Project& p, domain::Date today) {
    if (p.national_code.empty()) {
        p.national_code_legacy = false;
    } else if (auto code = domain::ProjectCode::parse(p.national_code, today)) {
        p.national_code = code->str();
        p.national_code_legacy = code->legacy();
    }
    std::stable_sort(p.realised.begin(), p.realised.end(),
                     [](const auto& a, const auto& b) { return a.year < b.year; });
}

Result<std::vector<FieldError>> check_identity_references(store::Tx& tx, const domain::Project& p, domain::Date today) {
    std::vector<FieldError> errors;
    if (p.national_code.empty()) return errors;
    auto code = domain::ProjectCode::parse(p.national_code, today);
    if (!code || !code->region()) return errors;  // a malformed code is validation's to report
    auto exists = tx.region_exists(code->region()->str());
    if (!exists) return exists.error();
    if (!*exists) {
        const std::string region = code->region()->str();
        errors.push_back({"national_code",
                          {"项目代码中的行政区划代码 " + region + " 不存在",
                           "the region code " + region + " in the project code does not exist"}});
    }
    return errors;
}

Result<void> save_planned_date_changes(store::Tx& tx, const std::vector<domain::PlannedDateChange>& changes) {
    for (const auto& c : changes) {
        if (auto r = tx.insert_planned_date_change(c); !r) return r;
    }
    return {};
}

bool sees_every_name(const Principal& who) { return domain::sees_every_name(who.user.role, who.scope); }

bool shows_code_name(const Principal& who, const domain::CodeNameSubject& project) {
    return domain::shown_name(project, who.user.role, who.scope) == domain::ShownName::kCodeName;
}

void show_to(const Principal& who, domain::ProjectView& view) {
    domain::Project& p = view.project;
    if (!shows_code_name(who, {p.zone_id, view.region_code, p.stage, p.code_name})) return;
    p.name = p.code_name;
    p.investor_ids.clear();
    view.investor_names.clear();
    view.investor_credit_codes.clear();
    p.national_code.clear();
    p.national_code_legacy = false;
    p.approval.reset();
    p.construction_content.clear();
}

}  // namespace sanpi::service
