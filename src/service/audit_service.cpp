#include "service/audit_service.hpp"

#include <limits>

#include "service/audit_trail.hpp"
#include "store/transact.hpp"

namespace sanpi::service {

using store::AuditPage;
using store::Tx;

namespace {

bool reads_whole_log(const domain::User& user) {
    return user.active && (user.role == domain::Role::kProvince || user.role == domain::Role::kSupervisor);
}

// Feeds the stored chain to `check` page by page; stops at the first finding.
Result<AuditVerification> walk_chain(Tx& tx, domain::AuditChainCheck& check, std::int64_t page_size) {
    // Forged entries may carry any seq, zero and negative ones included.
    std::int64_t after = std::numeric_limits<std::int64_t>::min();
    for (;;) {
        auto page = tx.audit_chain_page(after, page_size);
        if (!page) return page.error();
        if (page->empty()) break;  // rather than a short page: the store may cap the page size
        for (const auto& entry : *page) {
            if (auto found = check.add(entry)) return AuditVerification{check.verified(), std::move(found)};
        }
        after = page->back().seq;
    }
    return AuditVerification{check.verified(), check.finish()};
}

}  // namespace

Result<AuditPage> AuditService::list(const Principal& who, const store::AuditQuery& q) {
    if (!reads_whole_log(who.user)) {
        return Error::forbidden("只有省级用户和督导组可以查看审计日志",
                                "only province and supervisor users may read the audit log");
    }
    return store::read_value<AuditPage>(store_, [&](Tx& tx) { return tx.list_audit(q); });
}

Result<AuditPage> AuditService::project_audit(const Principal& who, std::int64_t project_id, store::AuditQuery q) {
    q.project_id = project_id;
    return store::read_value<AuditPage>(store_, [&](Tx& tx) -> Result<AuditPage> {
        // Visibility first, through the scoped read, so other zones' entries stay out of reach by id.
        auto view = tx.get_project(who.scope, project_id);
        if (!view) return view.error();
        if (!*view) return Error::not_found("项目", "project");
        return tx.list_audit(q);
    });
}

Result<AuditVerification> AuditService::verify(std::int64_t page_size) {
    return store::read_value<AuditVerification>(store_, [&](Tx& tx) -> Result<AuditVerification> {
        auto head = tx.audit_head();
        if (!head) return head.error();
        domain::AuditChainCheck check(audit_hash_function(), *head);
        return walk_chain(tx, check, page_size);
    });
}

}  // namespace sanpi::service
