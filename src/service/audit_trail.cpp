#include "service/audit_trail.hpp"

#include "service/secrets.hpp"

namespace sanpi::service {

domain::HashFunction audit_hash_function() {
    return [](std::string_view bytes) { return secrets::blake2b_256_hex(bytes); };
}

Result<domain::AuditEntry> AuditTrail::record(store::Tx& tx, const Actor& actor, AuditEvent event) const {
    domain::AuditEntry entry;
    entry.actor_id = actor.id;
    entry.actor_name = actor.name;
    entry.at = clock_.now();
    entry.action = std::move(event.action);
    entry.entity_type = std::move(event.entity_type);
    entry.entity_id = event.entity_id;
    entry.changes = std::move(event.changes);
    return tx.append_audit(entry, audit_hash_function());
}

Result<domain::AuditEntry> AuditTrail::record_change(store::Tx& tx, const Actor& actor, std::string_view action,
                                                     std::string_view entity_type, std::int64_t entity_id,
                                                     const domain::FieldValues& before,
                                                     const domain::FieldValues& after) const {
    return record(tx, actor,
                  {std::string(action), std::string(entity_type), entity_id, domain::diff_fields(before, after)});
}

}  // namespace sanpi::service
