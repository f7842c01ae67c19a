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

// The insert, naming the holder when a concurrent writer registered the code first.
Result<std::int64_t> insert_registered(Tx& tx, const domain::Enterprise& e) {
    auto found = tx.find_enterprise_by_credit_code(e.credit_code.str());
    if (!found) return found.error();
    if (*found) return credit_code_taken(**found);
    return tx.insert_enterprise(e);
}

}  // namespace

Result<std::optional<domain::Enterprise>> EnterpriseService::find_by_credit_code(const Principal&,
                                                                                 const domain::CreditCode& code) {
    return store::read_value<std::optional<domain::Enterprise>>(
        store_, [&](Tx& tx) { return tx.find_enterprise_by_credit_code(code.str()); });
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
    auto id = insert_registered(tx, e);
    if (!id) return id.error();
    e.id = *id;
    if (auto r = AuditTrail(clock_).record_change(tx, Actor::of(who), "enterprise.create", "enterprise", e.id, {},
                                                  audit_fields(e));
        !r)
        return r.error();
    return e;
}

}  // namespace sanpi::service
