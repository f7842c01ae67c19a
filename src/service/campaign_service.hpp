#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/campaign.hpp"
#include "domain/dashboard.hpp"
#include "domain/error.hpp"
#include "service/as_of.hpp"
#include "service/campaign_workflow.hpp"
#include "service/clock.hpp"
#include "service/kept_answers.hpp"
#include "service/principal.hpp"
#include "store/store.hpp"

namespace sanpi::service {

// Narrows a dashboard to a province, a city or a zone inside the caller's scope; none: the whole
// scope.
struct DashboardFilter {
    std::optional<std::string> province_code;  // six digits, e.g. "140000"
    std::optional<std::string> city_code;      // six digits
    std::optional<std::int64_t> zone_id;
};

struct DashboardAsOf {
    domain::Dashboard dashboard;
    AsOf as_of;
    std::vector<Correction> corrections;  // newest first
};

class CampaignService {
public:
    CampaignService(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

    Result<std::vector<domain::Campaign>> list(const Principal& who);
    // Counts only projects inside the caller's scope; each batch broken down by city, zone and
    // industry (domain/campaign_summary.hpp). kNotFound for an unknown campaign.
    Result<domain::CampaignSummary> summary(const Principal& who, std::int64_t campaign_id);
    // The same answer, shared: an unchanged summary is the very same object again, so its JSON
    // can be kept too (http/rendered_answers.hpp).
    Result<std::shared_ptr<const domain::CampaignSummary>> kept_summary(const Principal& who, std::int64_t campaign_id);
    // The summary as it stood at the end of `day`: a campaign's official figures are frozen when it
    // is held, so this is the frozen summary once it had been held (in the system) by then.
    // kInvalidInput naming `as_of` for a day after today, or a day before it was held.
    Result<std::shared_ptr<const domain::CampaignSummary>> summary_as_of(const Principal& who, std::int64_t campaign_id,
                                                                         domain::Date day);
    // A page of the campaign's entries whose projects are inside the caller's scope, each project
    // as the caller may see it (code names). kNotFound for an unknown campaign.
    Result<store::Page<store::CampaignEntryView>> entries(const Principal& who, const store::CampaignEntryQuery& query);
    // Every entry `query` selects (its filters; offset and limit ignored), with the projects'
    // investors, in the list's order, each project as `entries` shows it, handed to `sink` one at a
    // time; read in chunks of `chunk` inside one read transaction (one snapshot). Answers the
    // campaign, read in the same snapshot; kNotFound for an unknown campaign. Stops at the first
    // error, the sink's included.
    using EntrySink = std::function<Result<void>(const store::CampaignEntryView&)>;
    static constexpr std::int64_t kEachEntryChunk = 500;
    Result<domain::Campaign> each_entry(const Principal& who, const store::CampaignEntryQuery& query,
                                        const EntrySink& sink, std::int64_t chunk = kEachEntryChunk);
    // The caller's dashboard (optionally narrowed), from the kept figures only, with the latest
    // campaign's batches. A filter outside the caller's scope is refused (kForbidden naming it).
    // The answer is shared: an unchanged dashboard is the very same object again (kept_answers.hpp).
    Result<std::shared_ptr<const domain::Dashboard>> dashboard(const Principal& who, const DashboardFilter& filter);
    // The dashboard as it stood at the end of `day` in China (service/as_of.hpp), counted from the
    // projects' facts rewound to then, with the corrections made since. Its campaign is the latest
    // held on or before that day (a held campaign's figures are frozen, so they are as published);
    // none if no campaign had been held by then. kInvalidInput naming `as_of` for a day after today.
    Result<DashboardAsOf> dashboard_as_of(const Principal& who, const DashboardFilter& filter, domain::Date day);
    // One campaign (every role sees every campaign); kNotFound.
    Result<domain::Campaign> get(const Principal& who, std::int64_t id);
    // The campaign's life and its entries (campaign_workflow.hpp has the rules), each in one
    // write transaction with its audit entry.
    Result<domain::Campaign> create(const Principal& who, const CampaignDraft& draft);
    Result<domain::Campaign> update(const Principal& who, std::int64_t id, std::int64_t expected_version,
                                    const CampaignDraft& draft);
    Result<domain::Campaign> hold(const Principal& who, std::int64_t id, std::optional<std::int64_t> expected_version);
    Result<domain::Campaign> close(const Principal& who, std::int64_t id, std::optional<std::int64_t> expected_version);
    Result<store::CampaignEntryView> add_entry(const Principal& who, std::int64_t campaign_id, std::int64_t project_id,
                                               domain::BatchKind batch);
    Result<store::CampaignEntryView> confirm_entry(const Principal& who, std::int64_t campaign_id,
                                                   std::int64_t project_id, domain::BatchKind batch);
    Result<void> remove_entry(const Principal& who, std::int64_t campaign_id, std::int64_t project_id,
                              domain::BatchKind batch);
    Result<store::CampaignEntryView> withdraw_entry(const Principal& who, std::int64_t campaign_id,
                                                    std::int64_t project_id, domain::BatchKind batch,
                                                    const std::string& reason);
    // A held campaign's frozen figures against what its entries' projects say today, in scope.
    Result<domain::CampaignChanges> changes(const Principal& who, std::int64_t campaign_id);

private:
    store::Store& store_;
    const Clock& clock_;
    KeptAnswers<domain::Dashboard> dashboards_;
    KeptAnswers<domain::CampaignSummary> summaries_;
};

}  // namespace sanpi::service
