#pragma once
// Migration 1: the initial schema. Released migrations are history: add a new one, never edit.
// Named CHECK constraints are called ck_<api field> so a violation can be reported by field.
#include <string_view>

namespace sanpi::store::migrations {

inline constexpr std::string_view kM0001Initial = R"sql(
CREATE TABLE regions (
    code    TEXT PRIMARY KEY CONSTRAINT ck_code CHECK (length(code) = 6),
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    slug    TEXT NOT NULL
);

CREATE TABLE industries (
    code       TEXT PRIMARY KEY,
    name_zh    TEXT NOT NULL,
    name_en    TEXT NOT NULL,
    sort_order INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE zones (
    id                 {{ID_PK}},
    code               TEXT NOT NULL UNIQUE,
    name               TEXT NOT NULL,
    level              TEXT NOT NULL CONSTRAINT ck_level
                       CHECK (level IN ('national_etdz', 'national_high_tech', 'provincial', 'reform_demonstration')),
    region_code        TEXT NOT NULL REFERENCES regions (code),
    leading_industries TEXT NOT NULL DEFAULT '',
    slug               TEXT NOT NULL DEFAULT ''
);
CREATE INDEX zones_region_code ON zones (region_code);

CREATE TABLE enterprises (
    id          {{ID_PK}},
    name        TEXT NOT NULL,
    credit_code TEXT NOT NULL UNIQUE CONSTRAINT ck_credit_code CHECK (length(credit_code) = 18),
    ownership   TEXT NOT NULL CONSTRAINT ck_ownership
                CHECK (ownership IN ('state', 'private', 'foreign', 'mixed', 'other')),
    chain_role  TEXT NOT NULL CONSTRAINT ck_chain_role
                CHECK (chain_role IN ('none', 'chain_owner', 'core', 'supporting')),
    synthetic   INTEGER NOT NULL DEFAULT 0 CHECK (synthetic IN (0, 1))
);

CREATE TABLE projects (
    id                            {{ID_PK}},
    code                          TEXT NOT NULL UNIQUE,
    name                          TEXT NOT NULL,
    zone_id                       BIGINT NOT NULL REFERENCES zones (id),
    industry_code                 TEXT NOT NULL REFERENCES industries (code),
    chain_node_id                 BIGINT,
    total_investment_fen          BIGINT NOT NULL CONSTRAINT ck_total_investment CHECK (total_investment_fen >= 0),
    construction_content          TEXT NOT NULL DEFAULT '',
    planned_sign                  TEXT CHECK (length(planned_sign) = 10),
    planned_start                 TEXT CHECK (length(planned_start) = 10),
    planned_production            TEXT CHECK (length(planned_production) = 10),
    planned_capacity              TEXT CHECK (length(planned_capacity) = 10),
    actual_sign                   TEXT CHECK (length(actual_sign) = 10),
    actual_start                  TEXT CHECK (length(actual_start) = 10),
    actual_production             TEXT CHECK (length(actual_production) = 10),
    actual_capacity               TEXT CHECK (length(actual_capacity) = 10),
    stage                         TEXT NOT NULL CONSTRAINT ck_stage
                                  CHECK (stage IN ('reserve', 'signed', 'started', 'producing', 'at_capacity')),
    status                        TEXT NOT NULL CONSTRAINT ck_status
                                  CHECK (status IN ('active', 'suspended', 'cancelled')),
    annual_planned_investment_fen BIGINT NOT NULL DEFAULT 0
                                  CONSTRAINT ck_annual_planned_investment CHECK (annual_planned_investment_fen >= 0),
    expected_output_value_fen     BIGINT NOT NULL DEFAULT 0
                                  CONSTRAINT ck_expected_output_value CHECK (expected_output_value_fen >= 0),
    expected_tax_fen              BIGINT NOT NULL DEFAULT 0
                                  CONSTRAINT ck_expected_tax CHECK (expected_tax_fen >= 0),
    expected_jobs                 INTEGER NOT NULL DEFAULT 0 CONSTRAINT ck_expected_jobs CHECK (expected_jobs >= 0),
    land_area_centimu             BIGINT NOT NULL DEFAULT 0
                                  CONSTRAINT ck_land_area_centimu CHECK (land_area_centimu >= 0),
    responsible_unit              TEXT NOT NULL DEFAULT '',
    responsible_post              TEXT NOT NULL DEFAULT '',
    tags                          TEXT NOT NULL DEFAULT '',
    synthetic                     INTEGER NOT NULL DEFAULT 0 CHECK (synthetic IN (0, 1)),
    version                       BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX projects_zone_id ON projects (zone_id);
CREATE INDEX projects_industry_code ON projects (industry_code);
CREATE INDEX projects_stage ON projects (stage);
CREATE INDEX projects_status ON projects (status);

CREATE TABLE project_investors (
    project_id    BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    enterprise_id BIGINT NOT NULL REFERENCES enterprises (id),
    position      INTEGER NOT NULL,
    PRIMARY KEY (project_id, enterprise_id)
);
CREATE INDEX project_investors_enterprise_id ON project_investors (enterprise_id);

CREATE TABLE users (
    id            {{ID_PK}},
    name          TEXT NOT NULL UNIQUE,
    role          TEXT NOT NULL CONSTRAINT ck_role
                  CHECK (role IN ('province', 'city', 'zone', 'supervisor', 'viewer')),
    region_code   TEXT REFERENCES regions (code),
    zone_id       BIGINT REFERENCES zones (id),
    password_hash TEXT NOT NULL,
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version       BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE project_stage_changes (
    id          {{ID_PK}},
    project_id  BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    from_stage  TEXT NOT NULL,
    to_stage    TEXT NOT NULL,
    from_status TEXT NOT NULL,
    to_status   TEXT NOT NULL,
    change_date TEXT CHECK (length(change_date) = 10),
    correction  INTEGER NOT NULL DEFAULT 0 CHECK (correction IN (0, 1)),
    reason      TEXT NOT NULL DEFAULT '',
    user_id     BIGINT REFERENCES users (id),
    changed_at  BIGINT NOT NULL
);
CREATE INDEX project_stage_changes_project_id ON project_stage_changes (project_id, id);

CREATE TABLE campaigns (
    id         {{ID_PK}},
    name       TEXT NOT NULL UNIQUE,
    event_date TEXT NOT NULL CHECK (length(event_date) = 10),
    version    BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE campaign_venues (
    campaign_id BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    region_code TEXT NOT NULL CONSTRAINT ck_region_code CHECK (length(region_code) = 6),
    main        INTEGER NOT NULL DEFAULT 0 CHECK (main IN (0, 1)),
    PRIMARY KEY (campaign_id, position)
);

-- The primary key is the rule against double counting: a project enters each batch kind once,
-- across all campaigns.
CREATE TABLE campaign_entries (
    campaign_id BIGINT NOT NULL REFERENCES campaigns (id),
    project_id  BIGINT NOT NULL REFERENCES projects (id),
    batch       TEXT NOT NULL CONSTRAINT ck_batch CHECK (batch IN ('sign', 'start', 'produce')),
    PRIMARY KEY (project_id, batch)
);
CREATE INDEX campaign_entries_campaign ON campaign_entries (campaign_id, batch);

CREATE TABLE api_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    label      TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX api_tokens_user_id ON api_tokens (user_id);

CREATE TABLE sessions (
    session_hash TEXT PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token   TEXT NOT NULL,
    expires_at   BIGINT NOT NULL
);
CREATE INDEX sessions_expires_at ON sessions (expires_at);
)sql";

}  // namespace sanpi::store::migrations
