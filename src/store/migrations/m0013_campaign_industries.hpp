#pragma once
// Migration 13: a campaign summary's industry lines kept like the other figures (m0008), per
// campaign, zone, batch and industry, by every entry write and every change of an entered project's
// zone, industry or investment, in the same transaction (store/sql/figures_tx.cpp). Counting them
// from the entries instead would join every entry of the campaign to its project on each summary:
// `sanpi gen` enters about a third of the projects that reached a batch's stage, some 200,000
// entries at 1,000,000 projects. Kept, a summary sums at most zones × 3 × industries rows, and a
// province's or city's far fewer.
//
// Also indexes for a campaign's entry list, by project within a batch or across batches; they
// replace the index of (campaign_id, batch), a prefix of the first.
// Released migrations are history: add a new one, never edit.
#include <string_view>

namespace sanpi::store::migrations {

inline constexpr std::string_view kM0013CampaignIndustries = R"sql(
CREATE TABLE figures_campaign_industry (
    campaign_id    BIGINT NOT NULL REFERENCES campaigns (id),
    zone_id        BIGINT NOT NULL REFERENCES zones (id),
    batch          TEXT NOT NULL,
    industry_code  TEXT NOT NULL,
    projects       BIGINT NOT NULL DEFAULT 0,
    investment_fen BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, zone_id, batch, industry_code)
);

INSERT INTO figures_campaign_industry (campaign_id, zone_id, batch, industry_code, projects, investment_fen)
SELECT ce.campaign_id, p.zone_id, ce.batch, p.industry_code, COUNT(*), SUM(p.total_investment_fen)
FROM campaign_entries ce JOIN projects p ON p.id = ce.project_id
GROUP BY ce.campaign_id, p.zone_id, ce.batch, p.industry_code;

DROP INDEX campaign_entries_campaign;
CREATE INDEX campaign_entries_batch_project ON campaign_entries (campaign_id, batch, project_id);
CREATE INDEX campaign_entries_campaign_project ON campaign_entries (campaign_id, project_id);
)sql";

}  // namespace sanpi::store::migrations
