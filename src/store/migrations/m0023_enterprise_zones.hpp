#pragma once
// Migration 23: which zones registered an enterprise. A zone sees an enterprise that invests in one
// of its projects or that one of its accounts registered (docs/api.md, "Enterprises"); the second
// needs this table, since a registration names no project yet. Enterprises registered by zone
// accounts before this migration are found in the audit log (their "enterprise.create" entry and the
// account's zone). Released migrations are history: add a new one, never edit.
#include <string_view>

namespace sanpi::store::migrations {

inline constexpr std::string_view kM0023EnterpriseZones = R"sql(
CREATE TABLE enterprise_zones (
    enterprise_id BIGINT NOT NULL REFERENCES enterprises (id),
    zone_id       BIGINT NOT NULL REFERENCES zones (id),
    PRIMARY KEY (enterprise_id, zone_id)
);
CREATE INDEX enterprise_zones_zone_id ON enterprise_zones (zone_id);

INSERT INTO enterprise_zones (enterprise_id, zone_id)
SELECT DISTINCT a.entity_id, u.zone_id
FROM audit_log a
JOIN users u ON u.id = a.actor_id
JOIN enterprises e ON e.id = a.entity_id
WHERE a.action = 'enterprise.create' AND a.entity_type = 'enterprise' AND u.role = 'zone' AND u.zone_id IS NOT NULL;
)sql";

}  // namespace sanpi::store::migrations
