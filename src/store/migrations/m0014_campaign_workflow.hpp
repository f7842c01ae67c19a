#pragma once
// Migration 14: campaigns are planned, held and closed, entries proposed, confirmed and withdrawn.
//
// - campaigns gain their year and sequence in it, a status and the day they were held. Campaigns
//   from before were entered by the province directly, stage moves included: they count as held
//   on their event date.
// - a branch venue may belong to one zone.
// - campaign_entries is rebuilt: a status; the zone, industry and investment the entry counts
//   (kept equal to its project's while the campaign is planned, frozen from the day it is held, so
//   later edits of the project leave the published figures alone); a withdrawal's reason. A
//   project counts once per batch kind across campaigns among entries not withdrawn (a partial
//   unique index), so a withdrawn entry no longer blocks a later one. The kept figures (m0008,
//   m0013) count confirmed and withdrawn entries, from these columns.
// - figures_campaign_band keeps, per campaign, zone and batch, the entries at or above each size
//   band of a bulletin (1, 10, 50 and 100 亿元), like the other kept figures.
// Released migrations are history: add a new one, never edit.
#include <string_view>

namespace sanpi::store::migrations {

inline constexpr std::string_view kM0014CampaignWorkflow = R"sql(
ALTER TABLE campaigns ADD COLUMN year INTEGER NOT NULL DEFAULT 0;
ALTER TABLE campaigns ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE campaigns ADD COLUMN status TEXT NOT NULL DEFAULT 'planning'
    CONSTRAINT ck_campaign_status CHECK (status IN ('planning', 'held', 'closed'));
ALTER TABLE campaigns ADD COLUMN held_on TEXT;
UPDATE campaigns SET year = CAST(substr(event_date, 1, 4) AS INTEGER), status = 'held', held_on = event_date;
UPDATE campaigns SET sequence = (
    SELECT COUNT(*) FROM campaigns c2
    WHERE c2.year = campaigns.year
      AND (c2.event_date < campaigns.event_date OR (c2.event_date = campaigns.event_date AND c2.id <= campaigns.id)));
CREATE UNIQUE INDEX campaigns_year_sequence ON campaigns (year, sequence);

ALTER TABLE campaign_venues ADD COLUMN zone_id BIGINT REFERENCES zones (id);

CREATE TABLE campaign_entries_m14 (
    campaign_id    BIGINT NOT NULL REFERENCES campaigns (id),
    project_id     BIGINT NOT NULL REFERENCES projects (id),
    batch          TEXT NOT NULL CONSTRAINT ck_entry_batch CHECK (batch IN ('sign', 'start', 'produce')),
    status         TEXT NOT NULL DEFAULT 'confirmed'
                   CONSTRAINT ck_entry_status CHECK (status IN ('proposed', 'confirmed', 'withdrawn')),
    zone_id        BIGINT NOT NULL REFERENCES zones (id),
    industry_code  TEXT NOT NULL,
    investment_fen BIGINT NOT NULL,
    reason         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (campaign_id, project_id, batch)
);
INSERT INTO campaign_entries_m14 (campaign_id, project_id, batch, status, zone_id, industry_code, investment_fen)
SELECT ce.campaign_id, ce.project_id, ce.batch, 'confirmed', p.zone_id, p.industry_code, p.total_investment_fen
FROM campaign_entries ce JOIN projects p ON p.id = ce.project_id;
DROP TABLE campaign_entries;
ALTER TABLE campaign_entries_m14 RENAME TO campaign_entries;
CREATE UNIQUE INDEX campaign_entries_counted_once ON campaign_entries (project_id, batch) WHERE status <> 'withdrawn';
CREATE INDEX campaign_entries_batch_project ON campaign_entries (campaign_id, batch, project_id);
CREATE INDEX campaign_entries_by_investment ON campaign_entries (campaign_id, batch, investment_fen);
CREATE INDEX campaign_entries_by_status ON campaign_entries (campaign_id, status);

CREATE TABLE figures_campaign_band (
    campaign_id    BIGINT NOT NULL REFERENCES campaigns (id),
    zone_id        BIGINT NOT NULL REFERENCES zones (id),
    batch          TEXT NOT NULL,
    threshold_yi   BIGINT NOT NULL,
    projects       BIGINT NOT NULL DEFAULT 0,
    investment_fen BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, zone_id, batch, threshold_yi)
);
INSERT INTO figures_campaign_band (campaign_id, zone_id, batch, threshold_yi, projects, investment_fen)
SELECT ce.campaign_id, ce.zone_id, ce.batch, t.threshold_yi, COUNT(*), SUM(ce.investment_fen)
FROM campaign_entries ce
JOIN (SELECT 1 AS threshold_yi UNION ALL SELECT 10 UNION ALL SELECT 50 UNION ALL SELECT 100) t
  ON ce.investment_fen >= t.threshold_yi * 10000000000
WHERE ce.status <> 'proposed'
GROUP BY ce.campaign_id, ce.zone_id, ce.batch, t.threshold_yi;
)sql";

}  // namespace sanpi::store::migrations
