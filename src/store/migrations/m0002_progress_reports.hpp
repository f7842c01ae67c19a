#pragma once
// Migration 2: monthly progress reports (月报). Released migrations are history: add a new one,
// never edit. Named CHECK constraints are called ck_<api field> so a violation names the field.
#include <string_view>

namespace sanpi::store::migrations {

// One report per project and month ("YYYY-MM", which sorts as text). Figures are the month's own;
// cumulative figures are derived when read, never stored. Who acted and when is kept per step:
// created, submitted, approved, and the latest return (with its reason).
inline constexpr std::string_view kM0002ProgressReports = R"sql(
CREATE TABLE progress_reports (
    id                       {{ID_PK}},
    project_id               BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    month                    TEXT NOT NULL CONSTRAINT ck_month CHECK (length(month) = 7),
    investment_completed_fen BIGINT NOT NULL
                             CONSTRAINT ck_investment_completed CHECK (investment_completed_fen >= 0),
    capital_arrived_fen      BIGINT NOT NULL CONSTRAINT ck_capital_arrived CHECK (capital_arrived_fen >= 0),
    progress_text            TEXT NOT NULL,
    percent_complete         INTEGER NOT NULL
                             CONSTRAINT ck_percent_complete CHECK (percent_complete BETWEEN 0 AND 100),
    jobs                     INTEGER NOT NULL CONSTRAINT ck_jobs CHECK (jobs >= 0),
    status                   TEXT NOT NULL CONSTRAINT ck_status
                             CHECK (status IN ('draft', 'submitted', 'approved', 'returned')),
    confirmation_note        TEXT,
    return_reason            TEXT,
    created_by               BIGINT NOT NULL REFERENCES users (id),
    created_at               BIGINT NOT NULL,
    submitted_by             BIGINT REFERENCES users (id),
    submitted_at             BIGINT,
    approved_by              BIGINT REFERENCES users (id),
    approved_at              BIGINT,
    returned_by              BIGINT REFERENCES users (id),
    returned_at              BIGINT,
    version                  BIGINT NOT NULL DEFAULT 1,
    CONSTRAINT progress_reports_project_month UNIQUE (project_id, month)
);
-- The unique key serves a project's own list (project_id, then month); this one the reviewer's
-- queue, which asks for a month and a status across projects.
CREATE INDEX progress_reports_month_status ON progress_reports (month, status);
)sql";

}  // namespace sanpi::store::migrations
