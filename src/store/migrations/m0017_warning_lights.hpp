#pragma once
// Migration 17: warning lights (亮灯). The province's rules as numbered versions (version 1 seeded
// with the defaults of domain/warning_rules.hpp); each project's light kept current on every write
// and by the daily sweep, with its reasons (the stored form of domain/warning_light.hpp) and one
// row per rule for filtering and counting; a history row whenever the light changes colour; and one
// row per swept day, which several servers claim with INSERT ... ON CONFLICT DO NOTHING.
// Green projects have no row in project_lights. Released migrations are history: add a new one,
// never edit.
#include <string_view>

namespace sanpi::store::migrations {

inline constexpr std::string_view kM0017WarningLights = R"sql(
CREATE TABLE warning_rules (
    version                         BIGINT PRIMARY KEY,
    start_overdue_red_days          INTEGER NOT NULL,
    production_overdue_red_days     INTEGER NOT NULL,
    capacity_overdue_red_days       INTEGER NOT NULL,
    report_missing_yellow_months    INTEGER NOT NULL,
    report_missing_red_months       INTEGER NOT NULL,
    investment_behind_yellow_points INTEGER NOT NULL,
    investment_behind_red_points    INTEGER NOT NULL,
    coordination_overdue_red_days   INTEGER NOT NULL,
    stats_entry_yellow_months       INTEGER NOT NULL,
    stats_entry_red_months          INTEGER NOT NULL,
    approval_lapse_yellow_days      INTEGER NOT NULL,
    commitment_yellow_percent       INTEGER NOT NULL,
    commitment_red_percent          INTEGER NOT NULL,
    created_by                      BIGINT REFERENCES users (id),
    created_at                      BIGINT NOT NULL
);
INSERT INTO warning_rules VALUES (1, 90, 90, 180, 2, 3, 10, 30, 30, 1, 2, 90, 80, 50, NULL, 0);

CREATE TABLE project_lights (
    project_id   BIGINT PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
    light        TEXT NOT NULL CONSTRAINT ck_light CHECK (light IN ('yellow', 'red')),
    reasons      TEXT NOT NULL,
    since        TEXT NOT NULL CHECK (length(since) = 10),
    rule_version BIGINT NOT NULL
);
CREATE INDEX project_lights_light ON project_lights (light, project_id);

CREATE TABLE project_light_rules (
    project_id BIGINT NOT NULL REFERENCES project_lights (project_id) ON DELETE CASCADE,
    rule       TEXT NOT NULL,
    light      TEXT NOT NULL CHECK (light IN ('yellow', 'red')),
    PRIMARY KEY (project_id, rule)
);
CREATE INDEX project_light_rules_rule ON project_light_rules (rule, project_id);

CREATE TABLE light_history (
    id           {{ID_PK}},
    project_id   BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    from_light   TEXT NOT NULL CHECK (from_light IN ('green', 'yellow', 'red')),
    to_light     TEXT NOT NULL CHECK (to_light IN ('green', 'yellow', 'red')),
    changed_on   TEXT NOT NULL CHECK (length(changed_on) = 10),
    rule_version BIGINT NOT NULL
);
CREATE INDEX light_history_project ON light_history (project_id, id);

CREATE TABLE sweeps (
    day         TEXT PRIMARY KEY CHECK (length(day) = 10),
    started_at  BIGINT NOT NULL,
    finished_at BIGINT,
    projects    BIGINT NOT NULL DEFAULT 0,
    changed     BIGINT NOT NULL DEFAULT 0
);
)sql";

// What the migration seeded, removed before a dump is loaded into a freshly migrated database (the
// dump carries its own rules, version 1 included).
inline constexpr std::string_view kM0017SeedCleanup = "DELETE FROM warning_rules WHERE version = 1 AND created_by IS NULL";

}  // namespace sanpi::store::migrations
