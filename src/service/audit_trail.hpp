#pragma once
// Every write use case appends one audit entry in its own transaction: who, when, what, which
// entity, and each changed field's before -> after. The entry is sealed into the hash chain with
// BLAKE2b-256 (libsodium) by the store, under the chain head's lock. A failed append fails the
// use case, so a write is never kept without its entry, and a refused write leaves neither.
//
// For a new write use case, one line inside its write transaction:
//   if (auto r = AuditTrail(clock_).record_change(tx, Actor::of(who), "report.approve", "report", id,
//                                                 audit_fields(before), audit_fields(after)); !r)
//       return r.error();
// with an audit_fields() for the entity (service/audit_fields.hpp shows the conventions).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/audit.hpp"
#include "domain/error.hpp"
#include "service/clock.hpp"
#include "service/principal.hpp"
#include "store/store.hpp"

namespace sanpi::service {

// Who an entry names. The command line and the demo loader act as the system.
struct Actor {
    std::int64_t id = 0;
    std::string name;

    static Actor system() { return {0, "system"}; }
    // Someone not signed in (a failed log-in): nobody can vouch for a name they typed.
    static Actor anonymous() { return {0, "anonymous"}; }
    static Actor of(const Principal& who) { return {who.user.id, who.user.name}; }
    static Actor of(const domain::User& user) { return {user.id, user.name}; }
};

struct AuditEvent {
    std::string action;       // "<entity>.<verb>": "project.update", "session.login" ...
    std::string entity_type;  // "project", "user", "campaign" ...
    std::int64_t entity_id = 0;
    std::vector<domain::FieldChange> changes;
};

// BLAKE2b-256 as 64 lower-case hex digits: the chain's hash function.
domain::HashFunction audit_hash_function();

class AuditTrail {
public:
    explicit AuditTrail(const Clock& clock) : clock_(clock) {}

    // Appends one entry, stamped with the clock's now, inside the caller's write transaction.
    Result<domain::AuditEntry> record(store::Tx& tx, const Actor& actor, AuditEvent event) const;
    // The same for the fields that differ between `before` and `after` (empty `before`: created).
    Result<domain::AuditEntry> record_change(store::Tx& tx, const Actor& actor, std::string_view action,
                                             std::string_view entity_type, std::int64_t entity_id,
                                             const domain::FieldValues& before, const domain::FieldValues& after) const;

    // One entry per event, in order, all stamped now (the daily sweep's notices, a batch at a time).
    Result<void> record_all(store::Tx& tx, const Actor& actor, std::vector<AuditEvent> events) const;

private:
    domain::AuditEntry entry_of(const Actor& actor, AuditEvent event) const;

    const Clock& clock_;
};

}  // namespace sanpi::service
