#include "service/project_rules.hpp"

#include <algorithm>
#include <string>

namespace sanpi::service {

Result<void> require_project_writer(const Principal& who) {
    if (who.user.can_write_projects()) return {};
    return Error::forbidden("您的角色只能查看项目", "your role may only read projects");
}

namespace {

Result<void> check_zone(store::Tx& tx, const Principal& who, const domain::Project& p,
                        std::vector<FieldError>& errors) {
    if (p.zone_id <= 0) return {};  // reported by domain validation
    auto zone = tx.get_zone(who.scope, p.zone_id);
    if (!zone) return zone.error();
    if (!*zone) {
        errors.push_back({"zone_id", {"开发区不存在或不在您的管辖范围内", "zone does not exist or is outside your scope"}});
    }
    return {};
}

Result<void> check_industry(store::Tx& tx, const domain::Project& p, std::vector<FieldError>& errors) {
    if (p.industry_code.empty()) return {};
    auto industries = tx.list_industries();
    if (!industries) return industries.error();
    bool known = std::any_of(industries->begin(), industries->end(),
                             [&](const domain::Industry& i) { return i.code == p.industry_code; });
    if (!known) errors.push_back({"industry", {"产业不在产业目录中", "industry is not in the dictionary"}});
    return {};
}

Result<void> check_investors(store::Tx& tx, const domain::Project& p, std::vector<FieldError>& errors) {
    for (std::size_t i = 0; i < p.investor_ids.size(); ++i) {
        if (p.investor_ids[i] <= 0) continue;  // reported by domain validation
        auto e = tx.get_enterprise(p.investor_ids[i]);
        if (!e) return e.error();
        if (!*e) {
            errors.push_back({"investor_ids[" + std::to_string(i) + "]", {"投资企业不存在", "no such enterprise"}});
        }
    }
    return {};
}

}  // namespace

Result<std::vector<FieldError>> check_references(store::Tx& tx, const Principal& who, const domain::Project& p) {
    std::vector<FieldError> errors;
    if (auto r = check_zone(tx, who, p, errors); !r) return r.error();
    if (auto r = check_industry(tx, p, errors); !r) return r.error();
    if (auto r = check_investors(tx, p, errors); !r) return r.error();
    return errors;
}

}  // namespace sanpi::service
