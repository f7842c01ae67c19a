#pragma once
// Migration 4: the audit log. Released migrations are history: add a new one, never edit.
//
// audit_log holds one row per write, hash-chained (domain/audit.hpp). Every column of the domain's
// AuditEntry is stored as it was sealed, so the canonical bytes can be recomputed from the row:
// `changes` is the entry's field changes in the same item grammar as the canonical form — per
// change its field, before and after, each item either "<byte length>:<bytes>" or "~" for an
// absent value — so it decodes to exactly what was sealed (store/sql/audit_changes.hpp).
//
// audit_head is the one-row record (id 1) of the last entry appended, updated in the same
// transaction as every append. It is created by the first append, not here: a restore or copy
// target must be an empty, freshly migrated database. No foreign keys: actor 0 is the system,
// and entries outlive whatever they describe.
#include <string_view>

namespace sanpi::store::migrations {

inline constexpr std::string_view kM0004AuditLog = R"sql(
CREATE TABLE audit_log (
    seq         BIGINT PRIMARY KEY,
    actor_id    BIGINT NOT NULL,
    actor_name  TEXT NOT NULL,
    at          BIGINT NOT NULL,
    action      TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id   BIGINT NOT NULL,
    changes     TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, seq);

CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  BIGINT NOT NULL,
    hash TEXT NOT NULL
);
)sql";

}  // namespace sanpi::store::migrations
