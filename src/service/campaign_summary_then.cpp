// A campaign summary as of a day before the campaign was held: its entries as they stood at the end
// of that day, rebuilt from the audit log, counted with their projects as they stood (a planning
// campaign's entries follow their projects' zone, industry and investment), and marked not yet
// held. The kept figures cannot answer it: they hold the campaign's figures now, or as frozen at
// the hold.
#include <algorithm>
#include <map>

#include "domain/campaign_summary.hpp"
#include "service/as_of.hpp"
#include "service/campaign_summary_parts.hpp"
#include "service/project_identity.hpp"

namespace sanpi::service {
namespace {

using EntryKey = std::pair<std::int64_t, domain::BatchKind>;  // project, batch

// The campaign's entries now, by project and batch, with their status.
Result<std::map<EntryKey, domain::EntryStatus>> entries_now(store::Tx& tx, std::int64_t campaign_id) {
    std::map<EntryKey, domain::EntryStatus> out;
    for (const auto status :
         {domain::EntryStatus::kProposed, domain::EntryStatus::kConfirmed, domain::EntryStatus::kWithdrawn}) {
        auto list = tx.campaign_entries_with(campaign_id, status);
        if (!list) return list.error();
        for (const auto& e : *list) out[{e.project_id, e.batch}] = e.status;
    }
    return out;
}

// Rewinds `entries` over the entry writes after `cutoff` (newest first). An entry write changes
// "campaign_entry.<batch>" (the campaign, before and after) and "campaign_entry.<batch>.status";
// a hold's stage move names the campaign without a status and changes no entry.
Result<void> rewind_entries(store::Tx& tx, std::int64_t campaign_id, store::Timestamp cutoff,
                            std::map<EntryKey, domain::EntryStatus>& entries) {
    auto later = tx.audit_entries_after("project", cutoff);
    if (!later) return later.error();
    const std::string campaign = std::to_string(campaign_id);
    const std::string prefix = "campaign_entry.";
    for (const auto& e : *later) {
        for (const auto& c : e.changes) {
            if (!c.field.starts_with(prefix) || c.field.find('.', prefix.size()) != std::string::npos) continue;
            if (c.before != campaign && c.after != campaign) continue;
            const auto batch = domain::batch_kind_from_string(c.field.substr(prefix.size()));
            const auto status = std::find_if(e.changes.begin(), e.changes.end(),
                                             [&](const auto& s) { return s.field == c.field + ".status"; });
            if (!batch || status == e.changes.end()) continue;
            const EntryKey key{e.entity_id, *batch};
            const auto was = status->before ? domain::entry_status_from_string(*status->before) : std::nullopt;
            if (c.before != campaign || !was) {
                entries.erase(key);
            } else {
                entries[key] = *was;
            }
        }
    }
    return {};
}

Result<bool> created_after(store::Tx& tx, std::int64_t campaign_id, store::Timestamp cutoff) {
    auto later = tx.audit_entries_after("campaign", cutoff);
    if (!later) return later.error();
    return std::any_of(later->begin(), later->end(), [&](const domain::AuditEntry& e) {
        return e.entity_id == campaign_id && e.action == "campaign.create";
    });
}

void add_size_bands(domain::BatchSummary& batch, const std::vector<domain::Money>& investments) {
    for (const std::int64_t yi : {1, 10, 50, 100}) {
        domain::SizeBand band{yi, 0, {}};
        for (const auto& m : investments) {
            if (m < domain::Money::from_fen(yi * domain::Money::kFenPerYi)) continue;
            ++band.projects;
            band.investment += m;
        }
        batch.size_bands.push_back(band);
    }
}

// The batch's largest projects as they stood, named as the caller may see them now.
Result<void> add_top_projects(store::Tx& tx, const Principal& who, domain::BatchSummary& batch,
                              std::vector<const domain::ProjectFacts*> counted,
                              const domain::CampaignFigures& figures) {
    std::sort(counted.begin(), counted.end(), [](const auto* a, const auto* b) {
        return a->total_investment != b->total_investment ? b->total_investment < a->total_investment : a->id < b->id;
    });
    for (std::size_t i = 0; i < counted.size() && i < static_cast<std::size_t>(kTopProjects); ++i) {
        auto view = tx.get_project(who.scope, counted[i]->id);
        if (!view) return view.error();
        if (!*view) continue;
        show_to(who, **view);
        domain::TopProject t;
        t.project_id = counted[i]->id;
        t.name = (*view)->project.name;
        t.zone_id = counted[i]->zone_id;
        t.investment = counted[i]->total_investment;
        t.industry_code = counted[i]->industry_code;
        for (const auto& z : figures.zones) {
            if (z.id != t.zone_id) continue;
            t.zone_name = z.name;
            t.city_code = z.region.city().str();
        }
        for (const auto& r : figures.regions) {
            if (r.code.str() != t.city_code) continue;
            t.city_name = r.name_zh;
            t.city_name_en = r.name_en;
        }
        for (const auto& ind : figures.industries) {
            if (ind.code != t.industry_code) continue;
            t.industry_name = ind.name_zh;
            t.industry_name_en = ind.name_en;
        }
        batch.top_projects.push_back(std::move(t));
    }
    return {};
}

}  // namespace

Result<domain::CampaignSummary> summary_before_held(store::Tx& tx, const Principal& who,
                                                    const domain::Campaign& campaign, domain::Date day) {
    const auto as_of = as_of_end_of(day);
    auto created = created_after(tx, campaign.id, as_of.cutoff);
    if (!created) return created.error();
    if (*created) {
        return Error::invalid_field("as_of", "该活动在这一天尚未创建", "the campaign had not been created by that day");
    }
    auto entries = entries_now(tx, campaign.id);
    if (!entries) return entries.error();
    if (auto r = rewind_entries(tx, campaign.id, as_of.cutoff, *entries); !r) return r.error();

    domain::CampaignFigures figures;
    auto zones = tx.list_zones(who.scope);
    if (!zones) return zones.error();
    figures.zones = std::move(*zones);
    std::vector<std::int64_t> zone_ids;
    for (const auto& z : figures.zones) zone_ids.push_back(z.id);
    auto facts = figure_facts(tx, who.scope, zone_ids, std::nullopt, as_of);
    if (!facts) return facts.error();
    std::map<std::int64_t, const domain::ProjectFacts*> then;
    for (const auto& p : facts->projects) then[p.id] = &p;

    domain::CampaignSummary summary;
    summary.campaign = campaign;
    summary.campaign.status = domain::CampaignStatus::kPlanning;  // as it stood: not yet held
    summary.figures_as_of = day;
    std::map<std::pair<std::int64_t, domain::BatchKind>, domain::BatchFigure> by_zone;
    std::map<std::pair<domain::BatchKind, std::string>, domain::BatchIndustryTotal> by_industry;
    std::map<domain::BatchKind, std::vector<const domain::ProjectFacts*>> counted;
    for (const auto& [key, status] : *entries) {
        const auto p = then.find(key.first);
        // Proposals count once confirmed, as in the kept figures; projects outside the scope or not
        // yet recorded that day count nowhere.
        if (status == domain::EntryStatus::kProposed || p == then.end()) continue;
        auto& z = by_zone[{p->second->zone_id, key.second}];
        z = {campaign.id, p->second->zone_id, key.second, z.projects + 1, z.investment + p->second->total_investment};
        auto& i = by_industry[{key.second, p->second->industry_code}];
        i = {key.second, p->second->industry_code, i.projects + 1, i.investment + p->second->total_investment};
        counted[key.second].push_back(p->second);
    }
    for (auto& [k, row] : by_zone) figures.zone_rows.push_back(row);
    for (auto& [k, row] : by_industry) figures.industry_totals.push_back(row);
    auto regions = tx.list_regions();
    if (!regions) return regions.error();
    figures.regions = std::move(*regions);
    auto industries = tx.list_industries();
    if (!industries) return industries.error();
    figures.industries = std::move(*industries);
    for (const auto batch : {domain::BatchKind::kSign, domain::BatchKind::kStart, domain::BatchKind::kProduce}) {
        domain::BatchSummary b;
        b.batch = batch;
        std::vector<domain::Money> investments;
        for (const auto* p : counted[batch]) {
            ++b.projects;
            b.total_investment += p->total_investment;
            investments.push_back(p->total_investment);
        }
        add_size_bands(b, investments);
        summary.batches.push_back(std::move(b));
    }
    domain::add_breakdowns(summary, figures, who.scope.kind == domain::Scope::Kind::kAll);
    for (auto& b : summary.batches) {
        if (auto r = add_top_projects(tx, who, b, counted[b.batch], figures); !r) return r.error();
    }
    return summary;
}

}  // namespace sanpi::service
