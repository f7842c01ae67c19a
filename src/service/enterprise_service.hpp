#pragma once
#include <optional>
#include <string>

#include "domain/credit_code.hpp"
#include "domain/enterprise.hpp"
#include "domain/error.hpp"
#include "service/clock.hpp"
#include "service/principal.hpp"
#include "store/store.hpp"

namespace sanpi::service {

// What a user types to register an investor enterprise.
struct EnterpriseInput {
    std::string name;
    std::string credit_code;
};

// The register of investor enterprises a project names. A caller sees an enterprise that invests in
// a project inside its scope or that a zone inside its scope registered (docs/api.md, "Enterprises");
// an exact look-up by credit code finds only those, and one outside answers as a code nobody holds.
class EnterpriseService {
public:
    EnterpriseService(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

    // The enterprise holding the code if the caller sees it, or none.
    Result<std::optional<domain::Enterprise>> find_by_credit_code(const Principal& who, const domain::CreditCode& code);
    // Whoever may write projects registers one: kForbidden for read-only roles, kInvalidInput
    // naming `name` and `credit_code`, kConflict naming `credit_code` and the holder's id when the
    // caller sees the code's holder already. A code held by an enterprise the caller cannot see is
    // not refused (that would tell it exists): the caller's zone is linked to it and it is answered.
    // The enterprise (or link) and its audit entry are written together or not at all.
    Result<domain::Enterprise> create(const Principal& who, const EnterpriseInput& input);
    // The same inside a caller's transaction (an import's commit).
    Result<domain::Enterprise> create_in(store::Tx& tx, const Principal& who, const EnterpriseInput& input);

private:
    Result<domain::Enterprise> link_to_zone(store::Tx& tx, const Principal& who, const domain::Enterprise& holder);

    store::Store& store_;
    const Clock& clock_;
};

}  // namespace sanpi::service
