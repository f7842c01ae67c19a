#include "service/campaign_service.hpp"

#include "domain/stage_machine.hpp"
#include "service/audit_fields.hpp"
#include "service/audit_trail.hpp"
#include "store/transact.hpp"

namespace sanpi::service {

using domain::BatchKind;
using domain::Stage;
using store::Tx;

namespace {

Stage stage_of(BatchKind batch) {
    switch (batch) {
        case BatchKind::kSign: return Stage::kSigned;
        case BatchKind::kStart: return Stage::kStarted;
        case BatchKind::kProduce: return Stage::kProducing;
    }
    return Stage::kSigned;
}

Result<domain::Campaign> load_campaign(Tx& tx, std::int64_t id) {
    auto c = tx.get_campaign(id);
    if (!c) return c.error();
    if (!*c) return Error::not_found("活动", "campaign");
    return std::move(**c);
}

// Recorded on the project, whose stage and dates the entry moves, naming the campaign.
AuditEvent entry_event(const domain::Project& before, const domain::Project& after, std::int64_t campaign_id,
                       BatchKind batch) {
    AuditEvent event{"campaign.entry_add", "project", after.id,
                     domain::diff_fields(audit_fields(before), audit_fields(after))};
    event.changes.push_back(
        {"campaign_entry." + std::string(domain::to_string(batch)), std::nullopt, std::to_string(campaign_id)});
    return event;
}

}  // namespace

Result<std::vector<domain::Campaign>> CampaignService::list(const Principal&) {
    // Campaigns are province-wide events every role takes part in; their figures are scoped.
    return store::read_value<std::vector<domain::Campaign>>(store_, [](Tx& tx) { return tx.list_campaigns(); });
}

Result<domain::CampaignSummary> CampaignService::summary(const Principal& who, std::int64_t campaign_id) {
    return store::read_value<domain::CampaignSummary>(store_, [&](Tx& tx) -> Result<domain::CampaignSummary> {
        auto campaign = load_campaign(tx, campaign_id);
        if (!campaign) return campaign.error();
        auto batches = tx.campaign_batches(who.scope, campaign_id);
        if (!batches) return batches.error();
        return domain::CampaignSummary{std::move(*campaign), std::move(*batches)};
    });
}

Result<void> CampaignService::add_entry(const Principal& who, std::int64_t campaign_id, std::int64_t project_id,
                                        BatchKind batch) {
    if (who.user.role != domain::Role::kProvince) {
        return Error::forbidden("只有省级用户可以登记活动项目", "only province users enter projects into a campaign");
    }
    const domain::Date today = clock_.today();
    return store_.write([&](Tx& tx) -> Result<void> {
        auto campaign = load_campaign(tx, campaign_id);
        if (!campaign) return campaign.error();
        auto view = tx.get_project(who.scope, project_id);
        if (!view) return view.error();
        if (!*view) return Error::not_found("项目", "project");
        auto existing = tx.find_campaign_entry(project_id, batch);
        if (!existing) return existing.error();
        if (*existing) {
            return Error::conflict("该项目已计入其他活动的同一批次，不能重复计数",
                                   "the project is already counted in this batch kind of a campaign");
        }
        const domain::Project before = (*view)->project;
        domain::Project p = before;
        if (p.stage < stage_of(batch)) {
            // Entering a batch is how the stage is reached: the event date becomes the actual date.
            auto change = domain::apply_stage_move(p, {stage_of(batch), campaign->date, std::nullopt}, today);
            if (!change) return change.error();
            change->project_id = project_id;
            if (auto r = tx.update_project(p, p.version); !r) return r;
            if (auto r = tx.insert_stage_change(*change, who.user.id, clock_.now()); !r) return r;
        }
        if (auto r = tx.insert_campaign_entry({campaign_id, project_id, batch}); !r) return r;
        auto recorded = AuditTrail(clock_).record(tx, Actor::of(who), entry_event(before, p, campaign_id, batch));
        if (!recorded) return recorded.error();
        return {};
    });
}

}  // namespace sanpi::service
