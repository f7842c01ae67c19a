#pragma once
// Migration 3: coordination items (问题诉求), the problems a project needs someone else to solve.
// Released migrations are history: add a new one, never edit.
#include <string_view>

namespace sanpi::store::migrations {

// Dates are ISO text, so `deadline < ?` compares days on both backends. created_by is NULL for
// items the system itself wrote (the demo loader).
inline constexpr std::string_view kM0003CoordinationItems = R"sql(
CREATE TABLE coordination_items (
    id                     {{ID_PK}},
    project_id             BIGINT NOT NULL REFERENCES projects (id),
    category               TEXT NOT NULL CONSTRAINT ck_category
                           CHECK (category IN ('land', 'planning_approval', 'financing', 'utilities', 'labour',
                                               'environment', 'other')),
    description            TEXT NOT NULL CONSTRAINT ck_description CHECK (length(description) > 0),
    level                  TEXT NOT NULL CONSTRAINT ck_level CHECK (level IN ('zone', 'city', 'province')),
    responsible_department TEXT NOT NULL
                           CONSTRAINT ck_responsible_department CHECK (length(responsible_department) > 0),
    deadline               TEXT NOT NULL CONSTRAINT ck_deadline CHECK (length(deadline) = 10),
    status                 TEXT NOT NULL CONSTRAINT ck_status
                           CHECK (status IN ('open', 'in_progress', 'resolved', 'closed', 'reopened')),
    resolution             TEXT,
    reopen_reason          TEXT,
    created_by             BIGINT REFERENCES users (id),
    created_at             BIGINT NOT NULL,
    updated_at             BIGINT NOT NULL,
    version                BIGINT NOT NULL DEFAULT 1
);
-- A project's own list, most urgent first.
CREATE INDEX coordination_items_project ON coordination_items (project_id, deadline, id);
-- The cross-project list: each filter with the list's order (deadline, id); the overdue filter
-- is a deadline range within the unsettled statuses.
CREATE INDEX coordination_items_status ON coordination_items (status, deadline, id);
CREATE INDEX coordination_items_category ON coordination_items (category, deadline, id);
CREATE INDEX coordination_items_level ON coordination_items (level, deadline, id);
CREATE INDEX coordination_items_deadline ON coordination_items (deadline, id);
)sql";

}  // namespace sanpi::store::migrations
