#pragma once
// Migration 18: supervision notices (督办单). The province's escalation ladder as numbered versions
// (none seeded: with no row the defaults of domain/escalation_ladder.hpp are version 1); each
// notice with its target (a project, a coordination item with its project, or a zone), the zone
// that answers it (scope), level, status, texts and deadline; one history row per step. A ladder
// notice names its rung and the day its spell of light began: at most one open notice per project
// and rung, and one per spell, enforced by unique indexes. Released migrations are history: add a
// new one, never edit.
#include <string_view>

namespace sanpi::store::migrations {

inline constexpr std::string_view kM0018Notices = R"sql(
CREATE TABLE escalation_ladders (
    version                BIGINT PRIMARY KEY,
    yellow_streak_days     INTEGER NOT NULL,
    red_after_days         INTEGER NOT NULL,
    city_deadline_days     INTEGER NOT NULL,
    province_deadline_days INTEGER NOT NULL,
    created_by             BIGINT REFERENCES users (id),
    created_at             BIGINT NOT NULL
);

CREATE TABLE notices (
    id                   {{ID_PK}},
    target_kind          TEXT NOT NULL CHECK (target_kind IN ('project', 'coordination_item', 'zone')),
    project_id           BIGINT REFERENCES projects (id),
    coordination_item_id BIGINT REFERENCES coordination_items (id),
    zone_id              BIGINT NOT NULL REFERENCES zones (id),
    level                TEXT NOT NULL CHECK (level IN ('city', 'province')),
    status               TEXT NOT NULL CHECK (status IN ('issued', 'responded', 'closed')),
    problem              TEXT NOT NULL,
    action_requested     TEXT NOT NULL,
    deadline             TEXT NOT NULL CHECK (length(deadline) = 10),
    escalated_on         TEXT CHECK (length(escalated_on) = 10),
    ladder_step          TEXT CHECK (ladder_step IN ('yellow_streak', 'red')),
    ladder_since         TEXT CHECK (length(ladder_since) = 10),
    issued_by            BIGINT REFERENCES users (id),
    issued_at            BIGINT NOT NULL,
    updated_at           BIGINT NOT NULL,
    version              BIGINT NOT NULL
);
CREATE INDEX notices_zone ON notices (zone_id, id);
CREATE INDEX notices_project ON notices (project_id, id);
CREATE INDEX notices_status_deadline ON notices (status, deadline, id);
CREATE UNIQUE INDEX notices_ladder_open ON notices (project_id, ladder_step)
    WHERE ladder_step IS NOT NULL AND status <> 'closed';
CREATE UNIQUE INDEX notices_ladder_spell ON notices (project_id, ladder_step, ladder_since)
    WHERE ladder_step IS NOT NULL;

CREATE TABLE notice_events (
    id        {{ID_PK}},
    notice_id BIGINT NOT NULL REFERENCES notices (id),
    step      TEXT NOT NULL CHECK (step IN ('issue', 'respond', 'comment', 'close', 'reopen', 'escalate')),
    user_id   BIGINT REFERENCES users (id),
    at        BIGINT NOT NULL,
    text      TEXT,
    deadline  TEXT CHECK (length(deadline) = 10),
    level     TEXT NOT NULL CHECK (level IN ('city', 'province'))
);
CREATE INDEX notice_events_notice ON notice_events (notice_id, id);
)sql";

}  // namespace sanpi::store::migrations
