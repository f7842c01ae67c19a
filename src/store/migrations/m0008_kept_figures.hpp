#pragma once
// Migration 8: the figures dashboards and campaign summaries show, kept up to date by every write
// that changes them, in the same transaction (store/sql/figures_tx.cpp), so reading them costs the
// same at any number of projects. Counts and sums per zone: scopes are unions of zones, so any
// scope's figure is a sum over a few zone rows. They are derived data: not exported, rebuilt after
// an import, and checked against a full recomputation by `sanpi figures verify`.
//
// A row whose counts fell to zero stays (harmless, and another write reuses it). The on-time
// columns count the row's projects that reached that milestone by its planned date (both dates
// known, actual <= planned), whatever their stage; readers add them up over the stages that have
// reached the milestone, as domain/rates.hpp defines. This migration also fills the tables from
// the data already there. Released migrations are history: add a new one, never edit.
#include <string_view>

namespace sanpi::store::migrations {

inline constexpr std::string_view kM0008KeptFigures = R"sql(
CREATE TABLE figures_zone_stage (
    zone_id           BIGINT NOT NULL REFERENCES zones (id),
    stage             TEXT NOT NULL,
    status            TEXT NOT NULL,
    projects          BIGINT NOT NULL DEFAULT 0,
    investment_fen    BIGINT NOT NULL DEFAULT 0,
    started_on_time   BIGINT NOT NULL DEFAULT 0,
    producing_on_time BIGINT NOT NULL DEFAULT 0,
    capacity_on_time  BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (zone_id, stage, status)
);

CREATE TABLE figures_zone_industry (
    zone_id        BIGINT NOT NULL REFERENCES zones (id),
    industry_code  TEXT NOT NULL,
    status         TEXT NOT NULL,
    projects       BIGINT NOT NULL DEFAULT 0,
    investment_fen BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (zone_id, industry_code, status)
);

CREATE TABLE figures_campaign_batch (
    campaign_id    BIGINT NOT NULL REFERENCES campaigns (id),
    zone_id        BIGINT NOT NULL REFERENCES zones (id),
    batch          TEXT NOT NULL,
    projects       BIGINT NOT NULL DEFAULT 0,
    investment_fen BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, zone_id, batch)
);

INSERT INTO figures_zone_stage
    (zone_id, stage, status, projects, investment_fen, started_on_time, producing_on_time, capacity_on_time)
SELECT zone_id, stage, status, COUNT(*), SUM(total_investment_fen),
       SUM(CASE WHEN actual_start <= planned_start THEN 1 ELSE 0 END),
       SUM(CASE WHEN actual_production <= planned_production THEN 1 ELSE 0 END),
       SUM(CASE WHEN actual_capacity <= planned_capacity THEN 1 ELSE 0 END)
FROM projects GROUP BY zone_id, stage, status;

INSERT INTO figures_zone_industry (zone_id, industry_code, status, projects, investment_fen)
SELECT zone_id, industry_code, status, COUNT(*), SUM(total_investment_fen)
FROM projects GROUP BY zone_id, industry_code, status;

INSERT INTO figures_campaign_batch (campaign_id, zone_id, batch, projects, investment_fen)
SELECT ce.campaign_id, p.zone_id, ce.batch, COUNT(*), SUM(p.total_investment_fen)
FROM campaign_entries ce JOIN projects p ON p.id = ce.project_id
GROUP BY ce.campaign_id, p.zone_id, ce.batch;
)sql";

}  // namespace sanpi::store::migrations
