#pragma once
#include <cstdint>
#include <vector>

#include "domain/campaign.hpp"
#include "domain/error.hpp"
#include "service/clock.hpp"
#include "service/principal.hpp"
#include "store/store.hpp"

namespace sanpi::service {

class CampaignService {
public:
    CampaignService(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

    Result<std::vector<domain::Campaign>> list(const Principal& who);
    // Counts only projects inside the caller's scope.
    Result<domain::CampaignSummary> summary(const Principal& who, std::int64_t campaign_id);
    // Enters a project into a batch: records the batch's stage with the campaign date through the
    // stage machine. Refuses (kConflict) a project already counted in that batch kind anywhere.
    // Province users only.
    Result<void> add_entry(const Principal& who, std::int64_t campaign_id, std::int64_t project_id,
                           domain::BatchKind batch);

private:
    store::Store& store_;
    const Clock& clock_;
};

}  // namespace sanpi::service
