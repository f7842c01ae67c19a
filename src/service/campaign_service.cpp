#include "service/campaign_service.hpp"

#include <set>

#include "domain/campaign_changes.hpp"
#include "domain/campaign_summary.hpp"
#include "domain/figures_recount.hpp"
#include "service/audit_fields.hpp"
#include "service/audit_trail.hpp"
#include "service/campaign_summary_parts.hpp"
#include "service/project_identity.hpp"
#include "store/transact.hpp"

namespace sanpi::service {

using domain::BatchKind;
using store::Tx;

namespace {

Result<domain::Campaign> load_campaign(Tx& tx, std::int64_t id) {
    auto c = tx.get_campaign(id);
    if (!c) return c.error();
    if (!*c) return Error::not_found("活动", "campaign");
    return std::move(**c);
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

// The dashboard's campaign: the latest that was held (its figures are the published ones), else
// the latest planned one. `campaigns` are by date.
std::optional<domain::Campaign> current_campaign(const std::vector<domain::Campaign>& campaigns) {
    for (auto it = campaigns.rbegin(); it != campaigns.rend(); ++it) {
        if (it->status != domain::CampaignStatus::kPlanning) return *it;
    }
    if (campaigns.empty()) return std::nullopt;
    return campaigns.back();
}

Error not_after_today(domain::Date today) {
    return Error::invalid_field("as_of", "不能晚于今天（" + today.iso() + "）",
                                "cannot be after today (" + today.iso() + ")");
}

}  // namespace

Result<std::vector<domain::Campaign>> CampaignService::list(const Principal&) {
    // Campaigns are province-wide events every role takes part in; their figures are scoped.
    return store::read_value<std::vector<domain::Campaign>>(store_, [](Tx& tx) { return tx.list_campaigns(); });
}

Result<domain::CampaignSummary> CampaignService::summary(const Principal& who, std::int64_t campaign_id) {
    auto kept = kept_summary(who, campaign_id);
    if (!kept) return kept.error();
    return **kept;
}

Result<std::shared_ptr<const domain::CampaignSummary>> CampaignService::kept_summary(const Principal& who,
                                                                                     std::int64_t campaign_id) {
    using Answer = std::shared_ptr<const domain::CampaignSummary>;
    return store::read_value<Answer>(store_, [&](Tx& tx) -> Result<Answer> {
        auto generation = tx.figures_generation();  // first: the answer is at least this recent
        if (!generation) return generation.error();
        // The role decides which names a summary shows (code names), and a planned campaign's
        // figures are as of today.
        const domain::Date today = clock_.today();
        const auto key = scope_key(who.scope) + " role=" + std::string(domain::to_string(who.user.role)) +
                         " campaign=" + std::to_string(campaign_id) + " on=" + today.iso();
        if (auto kept = summaries_.find(key, *generation)) return kept;
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
        auto campaigns = tx.list_campaigns();
        if (!campaigns) return campaigns.error();
        if (auto parts = add_summary_parts(tx, who, summary, *campaigns, today); !parts) return parts.error();
        auto kept = std::make_shared<const domain::CampaignSummary>(std::move(summary));
        summaries_.keep(key, *generation, kept);
        return kept;
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
        if (auto shown = current_campaign(*campaigns)) {
            auto batches = tx.campaign_batches(*scope, shown->id);
            if (!batches) return batches.error();
            dashboard.campaign.emplace();
            dashboard.campaign->campaign = std::move(*shown);
            dashboard.campaign->batches = std::move(*batches);
        }
        auto answer = std::make_shared<const domain::Dashboard>(std::move(dashboard));
        dashboards_.keep(key, *generation, answer);
        return answer;
    });
}

Result<DashboardAsOf> CampaignService::dashboard_as_of(const Principal& who, const DashboardFilter& filter,
                                                       domain::Date day) {
    if (clock_.today() < day) return not_after_today(clock_.today());
    return store::read_value<DashboardAsOf>(store_, [&](Tx& tx) -> Result<DashboardAsOf> {
        auto scope = narrowed_scope(tx, who, filter);
        if (!scope) return scope.error();
        auto zones = tx.list_zones(*scope);
        if (!zones) return zones.error();
        std::vector<std::int64_t> zone_ids;
        for (const auto& z : *zones) zone_ids.push_back(z.id);
        DashboardAsOf out;
        out.as_of = as_of_end_of(day);
        auto facts = figure_facts(tx, *scope, zone_ids, std::nullopt, out.as_of);  // projects only
        if (!facts) return facts.error();
        auto regions = tx.list_regions();
        if (!regions) return regions.error();
        auto industries = tx.list_industries();
        if (!industries) return industries.error();
        out.dashboard = domain::summarize_dashboard(domain::count_figures(facts->projects), *zones, *regions,
                                                    *industries, scope->kind == domain::Scope::Kind::kAll);
        out.corrections = std::move(facts->corrections);
        auto campaigns = tx.list_campaigns();  // by date: the last is the latest
        if (!campaigns) return campaigns.error();
        auto later = held_after(tx, out.as_of.cutoff);
        if (!later) return later.error();
        for (auto it = campaigns->rbegin(); it != campaigns->rend(); ++it) {
            if (!it->held_on || day < *it->held_on || later->contains(it->id)) continue;
            auto batches = tx.campaign_batches(*scope, it->id);
            if (!batches) return batches.error();
            out.dashboard.campaign.emplace();
            out.dashboard.campaign->campaign = *it;
            out.dashboard.campaign->batches = std::move(*batches);
            break;
        }
        return out;
    });
}

Result<std::shared_ptr<const domain::CampaignSummary>> CampaignService::summary_as_of(const Principal& who,
                                                                                      std::int64_t campaign_id,
                                                                                      domain::Date day) {
    if (clock_.today() < day) return not_after_today(clock_.today());
    auto held = store::read_value<bool>(store_, [&](Tx& tx) -> Result<bool> {
        auto campaign = load_campaign(tx, campaign_id);
        if (!campaign) return campaign.error();
        auto later = held_after(tx, as_of_end_of(day).cutoff);
        if (!later) return later.error();
        return campaign->held_on && *campaign->held_on <= day && !later->contains(campaign_id);
    });
    if (!held) return held.error();
    if (!*held) {
        // Not yet held that day: what was lined up then, rebuilt from the entries as they stood.
        using Answer = std::shared_ptr<const domain::CampaignSummary>;
        return store::read_value<Answer>(store_, [&](Tx& tx) -> Result<Answer> {
            auto campaign = load_campaign(tx, campaign_id);
            if (!campaign) return campaign.error();
            auto summary = summary_before_held(tx, who, *campaign, day);
            if (!summary) return summary.error();
            return std::make_shared<const domain::CampaignSummary>(std::move(*summary));
        });
    }
    return kept_summary(who, campaign_id);
}

Result<domain::Campaign> CampaignService::get(const Principal&, std::int64_t id) {
    return store::read_value<domain::Campaign>(store_, [&](Tx& tx) { return load_campaign(tx, id); });
}

Result<domain::Campaign> CampaignService::create(const Principal& who, const CampaignDraft& draft) {
    return store::write_value<domain::Campaign>(store_, [&](Tx& tx) {
        return CampaignWorkflow(tx, clock_).create({who, Actor::of(who)}, draft);
    });
}

Result<domain::Campaign> CampaignService::update(const Principal& who, std::int64_t id, std::int64_t expected_version,
                                                 const CampaignDraft& draft) {
    return store::write_value<domain::Campaign>(store_, [&](Tx& tx) {
        return CampaignWorkflow(tx, clock_).update({who, Actor::of(who)}, id, expected_version, draft);
    });
}

Result<domain::Campaign> CampaignService::hold(const Principal& who, std::int64_t id,
                                               std::optional<std::int64_t> expected_version) {
    return store::write_value<domain::Campaign>(store_, [&](Tx& tx) {
        return CampaignWorkflow(tx, clock_).hold({who, Actor::of(who)}, id, expected_version);
    });
}

Result<domain::Campaign> CampaignService::close(const Principal& who, std::int64_t id,
                                                std::optional<std::int64_t> expected_version) {
    return store::write_value<domain::Campaign>(store_, [&](Tx& tx) {
        return CampaignWorkflow(tx, clock_).close({who, Actor::of(who)}, id, expected_version);
    });
}

namespace {

// The entry with its project as the caller may see it.
Result<store::CampaignEntryView> entry_view(Tx& tx, const Principal& who, domain::CampaignEntry entry) {
    auto view = tx.get_project(who.scope, entry.project_id);
    if (!view) return view.error();
    if (!*view) return Error::not_found("项目", "project");
    store::CampaignEntryView out{std::move(entry), std::move(**view)};
    show_to(who, out.project);
    return out;
}

}  // namespace

Result<store::CampaignEntryView> CampaignService::add_entry(const Principal& who, std::int64_t campaign_id,
                                                            std::int64_t project_id, BatchKind batch) {
    return store::write_value<store::CampaignEntryView>(store_, [&](Tx& tx) -> Result<store::CampaignEntryView> {
        auto entry = CampaignWorkflow(tx, clock_).enter({who, Actor::of(who)}, campaign_id, project_id, batch);
        if (!entry) return entry.error();
        return entry_view(tx, who, std::move(*entry));
    });
}

Result<store::CampaignEntryView> CampaignService::confirm_entry(const Principal& who, std::int64_t campaign_id,
                                                                std::int64_t project_id, BatchKind batch) {
    return store::write_value<store::CampaignEntryView>(store_, [&](Tx& tx) -> Result<store::CampaignEntryView> {
        auto entry = CampaignWorkflow(tx, clock_).confirm({who, Actor::of(who)}, campaign_id, project_id, batch);
        if (!entry) return entry.error();
        return entry_view(tx, who, std::move(*entry));
    });
}

Result<void> CampaignService::remove_entry(const Principal& who, std::int64_t campaign_id, std::int64_t project_id,
                                           BatchKind batch) {
    return store_.write([&](Tx& tx) {
        return CampaignWorkflow(tx, clock_).remove({who, Actor::of(who)}, campaign_id, project_id, batch);
    });
}

Result<store::CampaignEntryView> CampaignService::withdraw_entry(const Principal& who, std::int64_t campaign_id,
                                                                 std::int64_t project_id, BatchKind batch,
                                                                 const std::string& reason) {
    return store::write_value<store::CampaignEntryView>(store_, [&](Tx& tx) -> Result<store::CampaignEntryView> {
        auto entry =
            CampaignWorkflow(tx, clock_).withdraw({who, Actor::of(who)}, campaign_id, project_id, batch, reason);
        if (!entry) return entry.error();
        return entry_view(tx, who, std::move(*entry));
    });
}

Result<domain::CampaignChanges> CampaignService::changes(const Principal& who, std::int64_t campaign_id) {
    return store::read_value<domain::CampaignChanges>(store_, [&](Tx& tx) -> Result<domain::CampaignChanges> {
        auto campaign = load_campaign(tx, campaign_id);
        if (!campaign) return campaign.error();
        if (campaign->status == domain::CampaignStatus::kPlanning) {
            Error e = Error::conflict("活动尚未举办，没有冻结的数据可比较",
                                      "the campaign has not been held: there is no frozen count to compare");
            e.fields.push_back({"status", e.message});
            return e;
        }
        auto entries = tx.counted_entries_now(who.scope, campaign_id);
        if (!entries) return entries.error();
        return domain::compare_with_today(std::move(*campaign), *entries);
    });
}

}  // namespace sanpi::service
