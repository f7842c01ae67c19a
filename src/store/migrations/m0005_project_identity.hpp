#pragma once
// Migration 5: the project's official identity (national project code, approval, statistics
// entry, code name), its funding breakdown, the capacity agreement with realised figures per
// year, and the history of planned milestone dates. Released migrations are history: add a new
// one, never edit.
//
// Every new project column is nullable (or defaulted), so projects written before this migration
// read back with none of it. SQLite adds one column per ALTER TABLE.
#include <string_view>

namespace sanpi::store::migrations {

inline constexpr std::string_view kM0005ProjectIdentity = R"sql(
ALTER TABLE projects ADD COLUMN national_code TEXT
    CONSTRAINT ck_national_code CHECK (length(national_code) BETWEEN 8 AND 40);
ALTER TABLE projects ADD COLUMN national_code_legacy INTEGER NOT NULL DEFAULT 0
    CONSTRAINT ck_national_code_legacy CHECK (national_code_legacy IN (0, 1));
ALTER TABLE projects ADD COLUMN approval_kind TEXT
    CONSTRAINT ck_approval_kind CHECK (approval_kind IN ('approval', 'verification', 'filing'));
ALTER TABLE projects ADD COLUMN approval_date TEXT
    CONSTRAINT ck_approval_date CHECK (length(approval_date) = 10);
ALTER TABLE projects ADD COLUMN approval_authority TEXT;
ALTER TABLE projects ADD COLUMN approval_document_number TEXT;
ALTER TABLE projects ADD COLUMN approval_extension_granted_on TEXT
    CONSTRAINT ck_approval_extension_granted_on CHECK (length(approval_extension_granted_on) = 10);
ALTER TABLE projects ADD COLUMN approval_extension_start_by TEXT
    CONSTRAINT ck_approval_extension_start_by CHECK (length(approval_extension_start_by) = 10);
ALTER TABLE projects ADD COLUMN stats_entry_date TEXT
    CONSTRAINT ck_stats_entry_date CHECK (length(stats_entry_date) = 10);
ALTER TABLE projects ADD COLUMN code_name TEXT;
ALTER TABLE projects ADD COLUMN agreement_output_value_fen BIGINT
    CONSTRAINT ck_capacity_agreement_output_value CHECK (agreement_output_value_fen >= 0);
ALTER TABLE projects ADD COLUMN agreement_tax_fen BIGINT
    CONSTRAINT ck_capacity_agreement_tax CHECK (agreement_tax_fen >= 0);
ALTER TABLE projects ADD COLUMN agreement_jobs INTEGER
    CONSTRAINT ck_capacity_agreement_jobs CHECK (agreement_jobs >= 0);
ALTER TABLE projects ADD COLUMN agreement_land_area_centimu BIGINT
    CONSTRAINT ck_capacity_agreement_land_area_mu CHECK (agreement_land_area_centimu >= 0);

-- Unique when present: projects without a code (NULL) do not collide. Also serves the exact
-- national_code search.
CREATE UNIQUE INDEX projects_national_code ON projects (national_code) WHERE national_code IS NOT NULL;

CREATE TABLE project_funding (
    project_id BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    source     TEXT NOT NULL CONSTRAINT ck_funding_source
               CHECK (source IN ('central_budget', 'provincial_budget', 'special_bonds', 'bank_loans', 'own_funds',
                                 'foreign_capital', 'other')),
    amount_fen BIGINT NOT NULL CONSTRAINT ck_funding_amount CHECK (amount_fen >= 0),
    position   INTEGER NOT NULL,
    PRIMARY KEY (project_id, source)
);

CREATE TABLE project_realised (
    project_id       BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    year             INTEGER NOT NULL CONSTRAINT ck_realised_year CHECK (year BETWEEN 1900 AND 9999),
    output_value_fen BIGINT NOT NULL CONSTRAINT ck_realised_output_value CHECK (output_value_fen >= 0),
    tax_fen          BIGINT NOT NULL CONSTRAINT ck_realised_tax CHECK (tax_fen >= 0),
    jobs             INTEGER NOT NULL CONSTRAINT ck_realised_jobs CHECK (jobs >= 0),
    PRIMARY KEY (project_id, year)
);

CREATE TABLE planned_date_changes (
    id         {{ID_PK}},
    project_id BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    milestone  TEXT NOT NULL CONSTRAINT ck_milestone
               CHECK (milestone IN ('sign', 'start', 'production', 'capacity')),
    old_date   TEXT CHECK (length(old_date) = 10),
    new_date   TEXT CHECK (length(new_date) = 10),
    reason     TEXT NOT NULL DEFAULT '',
    user_id    BIGINT REFERENCES users (id),
    changed_at BIGINT NOT NULL
);
CREATE INDEX planned_date_changes_project_id ON planned_date_changes (project_id, id);
)sql";

}  // namespace sanpi::store::migrations
