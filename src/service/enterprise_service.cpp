#include "service/enterprise_service.hpp"

#include "domain/enterprise_registration.hpp"
#include "service/audit_fields.hpp"
#include "service/audit_trail.hpp"
#include "service/project_rules.hpp"
#include "store/transact.hpp"

namespace sanpi::service {

using store::Tx;

namespace {

// 409 naming the enterprise that already holds the code, so the caller can attach that one.
Error credit_code_taken(const domain::Enterprise& holder) {
    const std::string id = std::to_string(holder.id);
    const Text why{"该统一社会信用代码已登记为“" + holder.name + "”（企业编号 " + id + "）",
                   "this credit code is already registered to " + holder.name + " (enterprise id " + id + ")"};
    Error e = Error::conflict(why.zh, why.en);
    e.fields.push_back(FieldError{"credit_code", why});
    return e;
}

// The register's record for the code when the caller cannot see it yet (none: the code is free,
// or the caller sees its holder, which is then a 409 naming it).
Result<std::optional<domain::Enterprise>> hidden_holder(Tx& tx, const Principal& who, const domain::Enterprise& e) {
    auto found = tx.find_enterprise_by_credit_code(e.credit_code.str());
    if (!found) return found.error();
    if (!*found) return std::optional<domain::Enterprise>();
    auto visible = tx.find_visible_enterprise(enterprise_scope(who), e.credit_code.str());
    if (!visible) return visible.error();
    if (*visible) return credit_code_taken(**visible);
    return found;
}

}  // namespace

Result<std::optional<domain::Enterprise>> EnterpriseService::find_by_credit_code(const Principal& who,
                                                                                 const domain::CreditCode& code) {
    return store::read_value<std::optional<domain::Enterprise>>(
        store_, [&](Tx& tx) { return tx.find_visible_enterprise(enterprise_scope(who), code.str()); });
}

Result<domain::Enterprise> EnterpriseService::create(const Principal& who, const EnterpriseInput& input) {
    if (auto r = require_project_writer(who); !r) return r.error();
    return store::write_value<domain::Enterprise>(store_, [&](Tx& tx) { return create_in(tx, who, input); });
}

Result<domain::Enterprise> EnterpriseService::create_in(Tx& tx, const Principal& who, const EnterpriseInput& input) {
    if (auto r = require_project_writer(who); !r) return r.error();
    auto registered = domain::register_enterprise(input.name, input.credit_code);
    if (!registered) return registered.error();
    domain::Enterprise e = *registered;
    auto hidden = hidden_holder(tx, who, e);
    if (!hidden) return hidden.error();
    // A code held outside the caller's sight answers as a registration does (no existence oracle):
    // the caller's zone is linked to the register's record and sees it from now on.
    if (*hidden) return link_to_zone(tx, who, **hidden);
    auto id = tx.insert_enterprise(e);
    if (!id) return id.error();
    e.id = *id;
    if (who.user.zone_id) {
        if (auto r = tx.link_enterprise_zone(e.id, *who.user.zone_id); !r) return r.error();
    }
    if (auto r = AuditTrail(clock_).record_change(tx, Actor::of(who), "enterprise.create", "enterprise", e.id, {},
                                                  audit_fields(e));
        !r)
        return r.error();
    return e;
}

Result<domain::Enterprise> EnterpriseService::link_to_zone(Tx& tx, const Principal& who,
                                                           const domain::Enterprise& holder) {
    if (!who.user.zone_id) return Error::forbidden("您的角色只能查看项目", "your role may only read projects");
    if (auto r = tx.link_enterprise_zone(holder.id, *who.user.zone_id); !r) return r.error();
    AuditEvent event{
        "enterprise.link", "enterprise", holder.id, {{"zone_id", std::nullopt, std::to_string(*who.user.zone_id)}}};
    if (auto r = AuditTrail(clock_).record(tx, Actor::of(who), std::move(event)); !r) return r.error();
    return holder;
}

}  // namespace sanpi::service
