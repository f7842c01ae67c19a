#pragma once
// Service tests of the audit log: what each write appends, read back from the store.
#include <optional>
#include <string>
#include <vector>

#include "service/audit_service.hpp"
#include "service_fixture.hpp"

namespace sanpi::testing {

class AuditTest : public ServiceTest {
protected:
    std::int64_t head_seq() {
        auto head = store::read_value<std::optional<domain::ChainHead>>(store(), [](store::Tx& tx) { return tx.audit_head(); });
        EXPECT_TRUE(head) << head.error().message.en;
        return *head ? (*head)->seq : 0;
    }

    // The entries appended after `seq`, oldest first.
    std::vector<domain::AuditEntry> entries_after(std::int64_t seq) {
        auto page = store::read_value<std::vector<domain::AuditEntry>>(
            store(), [&](store::Tx& tx) { return tx.audit_chain_page(seq, 1000); });
        EXPECT_TRUE(page) << page.error().message.en;
        return *page;
    }

    // The one entry appended after `seq` (a test failure when there is not exactly one).
    domain::AuditEntry only_entry_after(std::int64_t seq) {
        auto entries = entries_after(seq);
        EXPECT_EQ(entries.size(), 1u);
        return entries.empty() ? domain::AuditEntry{} : entries.front();
    }

    service::AuditVerification verify() {
        auto result = service::AuditService(store()).verify();
        EXPECT_TRUE(result) << result.error().message.en;
        return *result;
    }
};

// The change of `field`, if the entry has one.
inline std::optional<domain::FieldChange> change_of(const domain::AuditEntry& e, const std::string& field) {
    for (const auto& c : e.changes) {
        if (c.field == field) return c;
    }
    return std::nullopt;
}

inline domain::FieldChange change(std::string field, std::optional<std::string> before,
                                  std::optional<std::string> after) {
    return {std::move(field), std::move(before), std::move(after)};
}

}  // namespace sanpi::testing
