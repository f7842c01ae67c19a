#include "service/project_rules.hpp"

#include <string>

namespace sanpi::service {

Result<void> require_project_writer(const Principal& who) {
    if (who.user.can_write_projects()) return {};
    return Error::forbidden("您的角色只能查看项目", "your role may only read projects");
}

Result<std::vector<FieldError>> check_references(store::Tx& tx, const Principal& who, const domain::Project& p) {
    // Ids and codes that domain validation already refuses are not looked up.
    std::vector<std::int64_t> investors;
    std::vector<std::size_t> positions;
    for (std::size_t i = 0; i < p.investor_ids.size(); ++i) {
        if (p.investor_ids[i] <= 0) continue;
        investors.push_back(p.investor_ids[i]);
        positions.push_back(i);
    }
    auto found = tx.find_project_references(who.scope, p.zone_id, p.industry_code, investors, enterprise_scope(who));
    if (!found) return found.error();
    std::vector<FieldError> errors;
    if (p.zone_id > 0 && !found->zone_in_scope) {
        errors.push_back({"zone_id", {"开发区不存在或不在您的管辖范围内", "zone does not exist or is outside your scope"}});
    }
    if (!p.industry_code.empty() && !found->industry_known) {
        errors.push_back({"industry", {"产业不在产业目录中", "industry is not in the dictionary"}});
    }
    if (p.chain_node_id && *p.chain_node_id > 0) {
        auto node = tx.chain_node_exists(*p.chain_node_id);
        if (!node) return node.error();
        if (!*node) errors.push_back({"chain_node_id", {"产业链节点不存在", "no such industry chain node"}});
    }
    for (std::size_t k = 0; k < positions.size(); ++k) {
        if (found->investors_exist[k]) continue;
        errors.push_back({"investor_ids[" + std::to_string(positions[k]) + "]", {"投资企业不存在", "no such enterprise"}});
    }
    return errors;
}

}  // namespace sanpi::service
