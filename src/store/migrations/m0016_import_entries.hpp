#pragma once
// Migration 16: an import of a campaign's batch list (kind 'entries') names the campaign and the
// batch its rows are entered into, so a preview committed later (by any server) enters them into
// the same batch; the commit records how many rows it entered.
// Released migrations are history: add a new one, never edit.
#include <string_view>

namespace sanpi::store::migrations {

inline constexpr std::string_view kM0016ImportEntries = R"sql(
ALTER TABLE imports ADD COLUMN campaign_id BIGINT REFERENCES campaigns (id);
ALTER TABLE imports ADD COLUMN batch TEXT CONSTRAINT ck_import_batch CHECK (batch IN ('sign', 'start', 'produce'));
ALTER TABLE imports ADD COLUMN rows_entered BIGINT NOT NULL DEFAULT 0;
)sql";

}  // namespace sanpi::store::migrations
