#include "service/audit_trail.hpp"

#include "service/secrets.hpp"

namespace sanpi::service {

domain::HashFunction audit_hash_function() {
    return [](std::string_view bytes) { return secrets::blake2b_256_hex(bytes); };
}

domain::AuditEntry AuditTrail::entry_of(const Actor& actor, AuditEvent event) const {
    domain::AuditEntry entry;
    entry.actor_id = actor.id;
    entry.actor_name = actor.name;
    entry.at = clock_.now();
    entry.action = std::move(event.action);
    entry.entity_type = std::move(event.entity_type);
    entry.entity_id = event.entity_id;
    entry.changes = std::move(event.changes);
    return entry;
}

Result<domain::AuditEntry> AuditTrail::record(store::Tx& tx, const Actor& actor, AuditEvent event) const {
    return tx.append_audit(entry_of(actor, std::move(event)), audit_hash_function());
}

Result<void> AuditTrail::record_all(store::Tx& tx, const Actor& actor, std::vector<AuditEvent> events) const {
    std::vector<domain::AuditEntry> entries;
    entries.reserve(events.size());
    for (auto& event : events) entries.push_back(entry_of(actor, std::move(event)));
    auto sealed = tx.append_audits(entries, audit_hash_function());
    if (!sealed) return sealed.error();
    return {};
}

Result<domain::AuditEntry> AuditTrail::record_change(store::Tx& tx, const Actor& actor, std::string_view action,
                                                     std::string_view entity_type, std::int64_t entity_id,
                                                     const domain::FieldValues& before,
                                                     const domain::FieldValues& after) const {
    return record(tx, actor,
                  {std::string(action), std::string(entity_type), entity_id, domain::diff_fields(before, after)});
}

}  // namespace sanpi::service
