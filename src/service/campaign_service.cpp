#include "service/campaign_service.hpp"

#include "domain/campaign_summary.hpp"
#include "domain/stage_machine.hpp"
#include "service/audit_fields.hpp"
#include "service/audit_trail.hpp"
#include "service/project_identity.hpp"
#include "store/transact.hpp"

namespace sanpi::service {

using domain::BatchKind;
using domain::Stage;
using store::Tx;

namespace {

Stage stage_of(BatchKind batch) {
    switch (batch) {
        case BatchKind::kSign:
            return Stage::kSigned;
        case BatchKind::kStart:
            return Stage::kStarted;
        case BatchKind::kProduce:
            return Stage::kProducing;
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

// The region of a province or city filter as a scope, if it lies inside `scope`.
Result<domain::Scope> narrowed_to_region(const domain::Scope& scope, const std::string& code, std::string_view field,
                                         Text outside) {
    auto region = domain::RegionCode::parse(code, field);
    if (!region) return region.error();
    const auto prefix = region->scope_prefix();
    const bool inside = scope.kind == domain::Scope::Kind::kAll ||
                        (scope.kind == domain::Scope::Kind::kRegion && prefix.starts_with(scope.region_prefix));
    if (!inside) {
        Error e = Error::forbidden(outside.zh, outside.en);
        e.fields.push_back({std::string(field), e.message});
        return e;
    }
    return domain::Scope::region(*region);
}

// The key of a kept dashboard: the caller's scope and what narrows it. Whether a filter is allowed
// depends only on these and on stored data the generation covers, so refusals are never kept.
std::string dashboard_key(const domain::Scope& scope, const DashboardFilter& filter) {
    std::string key = scope_key(scope);
    if (filter.province_code) key += " province=" + *filter.province_code;
    if (filter.city_code) key += " city=" + *filter.city_code;
    if (filter.zone_id) key += " zone=" + std::to_string(*filter.zone_id);
    return key;
}

// The scope a filter narrows the caller's to, or the refusal naming the filter.
Result<domain::Scope> narrowed_scope(Tx& tx, const Principal& who, const DashboardFilter& filter) {
    domain::Scope scope = who.scope;
    if (filter.province_code) {
        auto narrowed = narrowed_to_region(scope, *filter.province_code, "province",
                                           {"该省份不在您的权限范围内", "the province is outside your scope"});
        if (!narrowed) return narrowed.error();
        scope = *narrowed;
    }
    if (filter.city_code) {
        auto narrowed = narrowed_to_region(scope, *filter.city_code, "city",
                                           {"该城市不在您的权限范围内", "the city is outside your scope"});
        if (!narrowed) return narrowed.error();
        scope = *narrowed;
    }
    if (filter.zone_id) {
        auto zone = tx.get_zone(scope, *filter.zone_id);
        if (!zone) return zone.error();
        if (!*zone) {
            Error e = Error::forbidden("该开发区不存在或不在您的权限范围内",
                                       "the zone does not exist or is outside your scope");
            e.fields.push_back({"zone", e.message});
            return e;
        }
        scope = domain::Scope::zone(*filter.zone_id);
    }
    return scope;
}

// What a summary's breakdowns are added up from. A national scope lists no cities or zones, so
// neither its thousands of zones nor their rows are read.
Result<domain::CampaignFigures> campaign_figures(Tx& tx, const domain::Scope& scope, std::int64_t campaign_id,
                                                 bool national) {
    domain::CampaignFigures out;
    auto industry_totals = tx.campaign_industry_totals(scope, campaign_id);
    if (!industry_totals) return industry_totals.error();
    out.industry_totals = std::move(*industry_totals);
    auto industries = tx.list_industries();
    if (!industries) return industries.error();
    out.industries = std::move(*industries);
    if (national) return out;
    auto zone_rows = tx.campaign_zone_figures(scope, campaign_id);
    if (!zone_rows) return zone_rows.error();
    out.zone_rows = std::move(*zone_rows);
    auto zones = tx.list_zones(scope);
    if (!zones) return zones.error();
    out.zones = std::move(*zones);
    auto regions = tx.list_regions();
    if (!regions) return regions.error();
    out.regions = std::move(*regions);
    return out;
}

}  // namespace

Result<std::vector<domain::Campaign>> CampaignService::list(const Principal&) {
    // Campaigns are province-wide events every role takes part in; their figures are scoped.
    return store::read_value<std::vector<domain::Campaign>>(store_, [](Tx& tx) { return tx.list_campaigns(); });
}

Result<domain::CampaignSummary> CampaignService::summary(const Principal& who, std::int64_t campaign_id) {
    return store::read_value<domain::CampaignSummary>(store_, [&](Tx& tx) -> Result<domain::CampaignSummary> {
        auto generation = tx.figures_generation();  // first: the answer is at least this recent
        if (!generation) return generation.error();
        const auto key = scope_key(who.scope) + " campaign=" + std::to_string(campaign_id);
        if (auto kept = summaries_.find(key, *generation)) return *kept;
        auto campaign = load_campaign(tx, campaign_id);
        if (!campaign) return campaign.error();
        auto batches = tx.campaign_batches(who.scope, campaign_id);
        if (!batches) return batches.error();
        domain::CampaignSummary summary;
        summary.campaign = std::move(*campaign);
        summary.batches = std::move(*batches);
        const bool national = who.scope.kind == domain::Scope::Kind::kAll;
        auto figures = campaign_figures(tx, who.scope, campaign_id, national);
        if (!figures) return figures.error();
        domain::add_breakdowns(summary, *figures, national);
        auto kept = std::make_shared<const domain::CampaignSummary>(std::move(summary));
        summaries_.keep(key, *generation, kept);
        return *kept;
    });
}

Result<store::Page<store::CampaignEntryView>> CampaignService::entries(const Principal& who,
                                                                       const store::CampaignEntryQuery& query) {
    using Page = store::Page<store::CampaignEntryView>;
    auto page = store::read_value<Page>(store_, [&](Tx& tx) -> Result<Page> {
        if (auto campaign = load_campaign(tx, query.campaign_id); !campaign) return campaign.error();
        return tx.list_campaign_entries(who.scope, query);
    });
    if (page) {
        for (auto& item : page->items) show_to(who, item.project);
    }
    return page;
}

Result<std::shared_ptr<const domain::Dashboard>> CampaignService::dashboard(const Principal& who,
                                                                            const DashboardFilter& filter) {
    using Answer = std::shared_ptr<const domain::Dashboard>;
    return store::read_value<Answer>(store_, [&](Tx& tx) -> Result<Answer> {
        auto generation = tx.figures_generation();  // first: the answer is at least this recent
        if (!generation) return generation.error();
        const auto key = dashboard_key(who.scope, filter);
        if (auto kept = dashboards_.find(key, *generation)) return kept;
        auto scope = narrowed_scope(tx, who, filter);
        if (!scope) return scope.error();
        auto figures = tx.kept_figures(*scope);
        if (!figures) return figures.error();
        auto zones = tx.list_zones(*scope);
        if (!zones) return zones.error();
        auto regions = tx.list_regions();
        if (!regions) return regions.error();
        auto industries = tx.list_industries();
        if (!industries) return industries.error();
        auto dashboard = domain::summarize_dashboard(*figures, *zones, *regions, *industries,
                                                     scope->kind == domain::Scope::Kind::kAll);
        auto campaigns = tx.list_campaigns();  // by date: the last is the latest
        if (!campaigns) return campaigns.error();
        if (!campaigns->empty()) {
            auto batches = tx.campaign_batches(*scope, campaigns->back().id);
            if (!batches) return batches.error();
            dashboard.campaign.emplace();
            dashboard.campaign->campaign = std::move(campaigns->back());
            dashboard.campaign->batches = std::move(*batches);
        }
        auto answer = std::make_shared<const domain::Dashboard>(std::move(dashboard));
        dashboards_.keep(key, *generation, answer);
        return answer;
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
