#pragma once
// The kept figures against a full recount, and their repair (`sanpi figures verify|rebuild`).
#include <cstdint>

#include "domain/error.hpp"
#include "store/store.hpp"

namespace sanpi::service {

struct FiguresCheck {
    // Rows (keys) whose kept and recounted figures differ, or that only one side has, per table.
    std::int64_t stage_rows = 0;
    std::int64_t industry_rows = 0;
    std::int64_t batch_rows = 0;
    std::int64_t campaign_industry_rows = 0;  // per campaign, zone, batch and industry (m0013)
    // Entries of planned campaigns that no longer count their project's zone, industry or
    // investment (m0014): the recount reads the entries' own columns, so it cannot see these.
    std::int64_t stale_entries = 0;
    std::int64_t band_rows = 0;  // per campaign, zone, batch and size band (m0014)
    bool equal() const {
        return stage_rows == 0 && industry_rows == 0 && batch_rows == 0 && campaign_industry_rows == 0 &&
               stale_entries == 0 && band_rows == 0;
    }
};

// Both sides read in one consistent snapshot.
Result<FiguresCheck> check_figures(store::Store& store);
Result<void> rebuild_figures(store::Store& store);

}  // namespace sanpi::service
