#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "domain/audit.hpp"
#include "domain/error.hpp"
#include "service/audit_trail.hpp"
#include "service/clock.hpp"
#include "store/store.hpp"

namespace sanpi::service {

// The demo's writes are recorded like anyone's, by the system: what it created, and what a rerun
// changed (a refreshed password); a rerun that finds a row as it should be records nothing.
class DemoAudit {
public:
    DemoAudit(store::Tx& tx, const Clock& clock) : tx_(tx), trail_(clock) {}
    Result<void> operator()(std::string action, std::string entity_type, std::int64_t id,
                            std::vector<domain::FieldChange> changes) const {
        if (changes.empty()) return {};
        auto r = trail_.record(tx_, Actor::system(), {std::move(action), std::move(entity_type), id, std::move(changes)});
        if (!r) return r.error();
        return {};
    }
    Result<void> created(std::string action, std::string entity_type, std::int64_t id,
                         const domain::FieldValues& fields) const {
        return (*this)(std::move(action), std::move(entity_type), id, domain::diff_fields({}, fields));
    }

private:
    store::Tx& tx_;
    AuditTrail trail_;
};

}  // namespace sanpi::service
