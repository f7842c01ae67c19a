#pragma once
// The campaign's life inside one write transaction: created and edited by the province while it is
// planned; entries proposed by zones and confirmed by their city (or entered directly by a city or
// the province); held, which records each entered project's move to its batch's stage dated the
// event day and freezes the figures; closed. The HTTP use cases (CampaignService) and the demo
// loader both go through these, so the demo's campaign obeys the same rules as anyone's.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/campaign.hpp"
#include "domain/error.hpp"
#include "domain/project.hpp"
#include "service/audit_trail.hpp"
#include "service/clock.hpp"
#include "service/principal.hpp"
#include "store/store.hpp"

namespace sanpi::service {

// What a create or an edit says; an absent field is left as it is (an edit) or takes its default
// (a create: the date's year, the next sequence of that year, no venues).
struct CampaignDraft {
    std::optional<std::string> name;
    std::optional<domain::Date> date;
    std::optional<int> year;
    std::optional<int> sequence;
    std::optional<std::vector<domain::Venue>> venues;
    std::optional<domain::CampaignStatus> status;  // an edit's: held (as hold) or closed (as close)
};

// Who acts, for the rules (role, scope) and for the audit log (the demo acts as the system).
struct CampaignActor {
    const Principal& who;
    Actor actor;
};

class CampaignWorkflow {
public:
    CampaignWorkflow(store::Tx& tx, const Clock& clock) : tx_(tx), clock_(clock) {}

    Result<domain::Campaign> create(const CampaignActor& by, const CampaignDraft& draft);
    // `expected_version`: the campaign's version the edit is based on (kConflict when stale).
    Result<domain::Campaign> update(const CampaignActor& by, std::int64_t id, std::int64_t expected_version,
                                    const CampaignDraft& draft);
    Result<domain::Campaign> hold(const CampaignActor& by, std::int64_t id, std::optional<std::int64_t> expected_version);
    Result<domain::Campaign> close(const CampaignActor& by, std::int64_t id, std::optional<std::int64_t> expected_version);

    // A zone's entry is proposed; a city's or the province's confirmed at once.
    Result<domain::CampaignEntry> enter(const CampaignActor& by, std::int64_t campaign_id, std::int64_t project_id,
                                        domain::BatchKind batch);
    Result<domain::CampaignEntry> confirm(const CampaignActor& by, std::int64_t campaign_id, std::int64_t project_id,
                                          domain::BatchKind batch);
    // Takes an entry of a planned campaign out (a zone its own proposals; a city or the province any
    // in scope). Entries of a held campaign are withdrawn instead.
    Result<void> remove(const CampaignActor& by, std::int64_t campaign_id, std::int64_t project_id,
                        domain::BatchKind batch);
    // Province only, held or closed campaigns, with a reason: the entry stays in the published
    // figures and stops blocking the project's later correction or entry elsewhere.
    Result<domain::CampaignEntry> withdraw(const CampaignActor& by, std::int64_t campaign_id, std::int64_t project_id,
                                           domain::BatchKind batch, const std::string& reason);

private:
    Result<domain::Campaign> load(std::int64_t id, bool locked);
    Result<domain::Campaign> save(const CampaignActor& by, const domain::Campaign& before, domain::Campaign after,
                                  std::string_view action);
    Result<void> check_venues(const std::vector<domain::Venue>& venues);
    Result<void> check_entries_at(const domain::Campaign& campaign);
    Result<domain::ProjectView> project_in_scope(const CampaignActor& by, std::int64_t project_id);
    Result<domain::CampaignEntry> entry_in_scope(const CampaignActor& by, std::int64_t campaign_id,
                                                 std::int64_t project_id, domain::BatchKind batch);
    Result<void> record_entry(const CampaignActor& by, std::string_view action, const domain::CampaignEntry& entry,
                              std::optional<std::string> before_status, std::optional<std::string> after_status,
                              const std::string& reason = {});

    store::Tx& tx_;
    const Clock& clock_;
};

// Whether `project` may go into `campaign`'s `batch`: not counted in that batch kind anywhere yet
// (kConflict naming the campaign where it is, this one included) and at the stage the batch
// needs by the event day (domain::check_entry_stage). The campaign's status is the caller's check.
Result<void> check_enterable(store::Tx& tx, const domain::Campaign& campaign, const domain::Project& project,
                             domain::BatchKind batch);

// What a change of a counted project must keep true (domain::check_entry_kept) for each of its
// entries that is not withdrawn; checked only when the stage went back or an actual date changed.
Result<void> check_counted_entries(store::Tx& tx, const domain::Project& before, const domain::Project& after);

}  // namespace sanpi::service
