#pragma once
// Reading the audit log (the province and the supervision team see all of it; anyone who can see
// a project sees its entries) and verifying the whole chain for `sanpi audit verify`.
#include <cstdint>
#include <optional>

#include "domain/audit_check.hpp"
#include "domain/error.hpp"
#include "service/principal.hpp"
#include "store/store.hpp"

namespace sanpi::service {

struct AuditVerification {
    std::int64_t verified = 0;                  // entries found intact before any finding
    std::optional<domain::ChainFinding> broken;  // none: the whole log is intact
};

class AuditService {
public:
    static constexpr std::int64_t kVerifyPageSize = 1000;

    explicit AuditService(store::Store& store) : store_(store) {}

    // Province and supervisor users only (kForbidden for the others).
    Result<store::AuditPage> list(const Principal& who, const store::AuditQuery& q);
    // The entries about one project, for whoever can see it: kNotFound for anyone else, as for the
    // project itself. The query's entity filters are replaced by the project.
    Result<store::AuditPage> project_audit(const Principal& who, std::int64_t project_id, store::AuditQuery q);
    // Walks the whole chain in seq order, `page_size` entries at a time, from one consistent
    // snapshot, and compares its end with the chain head.
    Result<AuditVerification> verify(std::int64_t page_size = kVerifyPageSize);

private:
    store::Store& store_;
};

}  // namespace sanpi::service
