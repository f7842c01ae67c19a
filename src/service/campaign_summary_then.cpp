// A campaign summary as of a day before the campaign was held: its entries as they stood at the end
// of that day, rebuilt from the audit log, counted with their projects as they stood (a planning
// campaign's entries follow their projects' zone, industry and investment), and marked not yet
// held; the previous campaign and the conversion since earlier campaigns are those of that day too.
// The kept figures cannot answer it: they hold the campaign's figures now, or as frozen at the hold.
#include <algorithm>
#include <map>
#include <set>

#include "domain/campaign_summary.hpp"
#include "service/as_of.hpp"
#include "service/campaign_summary_parts.hpp"
#include "service/project_identity.hpp"

namespace sanpi::service {
namespace {

using EntryKey = std::pair<std::int64_t, domain::BatchKind>;  // project, batch
using Entries = std::map<EntryKey, domain::EntryStatus>;

// A campaign's entries now, by project and batch, with their status.
Result<Entries> entries_now(store::Tx& tx, std::int64_t campaign_id) {
    Entries out;
    for (const auto status :
         {domain::EntryStatus::kProposed, domain::EntryStatus::kConfirmed, domain::EntryStatus::kWithdrawn}) {
        auto list = tx.campaign_entries_with(campaign_id, status);
        if (!list) return list.error();
        for (const auto& e : *list) out[{e.project_id, e.batch}] = e.status;
    }
    return out;
}

// The entries of `campaign_ids` as they stood at `cutoff`: each campaign's entries now, with the
// entry writes after the cutoff rewound, newest first. An entry write changes
// "campaign_entry.<batch>" (the campaign, before and after) and "campaign_entry.<batch>.status";
// a hold's stage move names the campaign without a status and changes no entry.
Result<std::map<std::int64_t, Entries>> entries_then(store::Tx& tx, const std::set<std::int64_t>& campaign_ids,
                                                     store::Timestamp cutoff) {
    std::map<std::int64_t, Entries> out;
    for (const auto id : campaign_ids) {
        auto now = entries_now(tx, id);
        if (!now) return now.error();
        out[id] = std::move(*now);
    }
    auto later = tx.audit_entries_after("project", cutoff);
    if (!later) return later.error();
    const std::string prefix = "campaign_entry.";
    for (const auto& e : *later) {
        for (const auto& c : e.changes) {
            if (!c.field.starts_with(prefix) || c.field.find('.', prefix.size()) != std::string::npos) continue;
            const auto& named = c.after ? c.after : c.before;
            if (!named) continue;
            const auto campaign = std::find_if(out.begin(), out.end(),
                                               [&](const auto& kv) { return std::to_string(kv.first) == *named; });
            const auto batch = domain::batch_kind_from_string(c.field.substr(prefix.size()));
            const auto status = std::find_if(e.changes.begin(), e.changes.end(),
                                             [&](const auto& s) { return s.field == c.field + ".status"; });
            if (campaign == out.end() || !batch || status == e.changes.end()) continue;
            const EntryKey key{e.entity_id, *batch};
            const auto was = status->before ? domain::entry_status_from_string(*status->before) : std::nullopt;
            if (!c.before || !was) {
                campaign->second.erase(key);
            } else {
                campaign->second[key] = *was;
            }
        }
    }
    return out;
}

// Campaigns created in the system after `cutoff`: they did not exist yet.
Result<std::set<std::int64_t>> created_after(store::Tx& tx, store::Timestamp cutoff) {
    auto later = tx.audit_entries_after("campaign", cutoff);
    if (!later) return later.error();
    std::set<std::int64_t> out;
    for (const auto& e : *later) {
        if (e.action == "campaign.create") out.insert(e.entity_id);
    }
    return out;
}

using ProjectsThen = std::map<std::int64_t, const domain::ProjectFacts*>;

// A campaign's batches as they stood: its confirmed and withdrawn entries (proposals count once
// confirmed) of projects recorded that day and in the scope, each with the investment it had.
std::map<domain::BatchKind, std::vector<const domain::ProjectFacts*>> counted_then(const Entries& entries,
                                                                                   const ProjectsThen& then) {
    std::map<domain::BatchKind, std::vector<const domain::ProjectFacts*>> out;
    for (const auto& [key, status] : entries) {
        const auto p = then.find(key.first);
        if (status == domain::EntryStatus::kProposed || p == then.end()) continue;
        out[key.second].push_back(p->second);
    }
    return out;
}

std::vector<domain::BatchSummary> batch_totals(
    const std::map<domain::BatchKind, std::vector<const domain::ProjectFacts*>>& counted) {
    std::vector<domain::BatchSummary> out;
    for (const auto batch : {domain::BatchKind::kSign, domain::BatchKind::kStart, domain::BatchKind::kProduce}) {
        domain::BatchSummary b;
        b.batch = batch;
        if (const auto it = counted.find(batch); it != counted.end()) {
            for (const auto* p : it->second) {
                ++b.projects;
                b.total_investment += p->total_investment;
            }
        }
        out.push_back(std::move(b));
    }
    return out;
}

// Of the projects counted (confirmed) in the sign and start batches of `earlier` campaigns as they
// stood, how many had started, or were producing, by then.
domain::Conversion conversion_then(const std::vector<std::int64_t>& earlier,
                                   const std::map<std::int64_t, Entries>& entries, const ProjectsThen& then) {
    domain::Conversion out;
    for (const auto id : earlier) {
        for (const auto& [key, status] : entries.at(id)) {
            const auto p = then.find(key.first);
            if (status != domain::EntryStatus::kConfirmed || p == then.end()) continue;
            const auto stage = p->second->stage;
            if (key.second == domain::BatchKind::kSign) {
                ++out.signed_earlier;
                if (domain::Stage::kStarted <= stage) ++out.started_since;
            } else if (key.second == domain::BatchKind::kStart) {
                ++out.started_earlier;
                if (domain::Stage::kProducing <= stage) ++out.producing_since;
            }
        }
    }
    return out;
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

Result<std::set<std::int64_t>> held_after(store::Tx& tx, store::Timestamp cutoff) {
    auto later = tx.audit_entries_after("campaign", cutoff);
    if (!later) return later.error();
    std::set<std::int64_t> out;
    for (const auto& e : *later) {
        for (const auto& c : e.changes) {
            if (c.field == "status" && (!c.before || *c.before == "planning")) out.insert(e.entity_id);
        }
    }
    return out;
}

Result<domain::CampaignSummary> summary_before_held(store::Tx& tx, const Principal& who,
                                                    const domain::Campaign& campaign, domain::Date day) {
    const auto as_of = as_of_end_of(day);
    auto created_later = created_after(tx, as_of.cutoff);
    if (!created_later) return created_later.error();
    if (created_later->contains(campaign.id)) {
        return Error::invalid_field("as_of", "该活动在这一天尚未创建", "the campaign had not been created by that day");
    }
    // The campaigns that existed that day, by date: the previous one is the last before this one,
    // the earlier ones are those of an earlier event date (as the conversion counts them now).
    auto campaigns = tx.list_campaigns();
    if (!campaigns) return campaigns.error();
    const domain::Campaign* previous = nullptr;
    std::vector<std::int64_t> earlier;
    bool reached = false;
    for (const auto& c : *campaigns) {
        if (c.id == campaign.id) reached = true;
        if (c.id == campaign.id || created_later->contains(c.id)) continue;
        if (c.date < campaign.date) earlier.push_back(c.id);
        if (!reached) previous = &c;
    }
    std::set<std::int64_t> wanted(earlier.begin(), earlier.end());
    wanted.insert(campaign.id);
    if (previous) wanted.insert(previous->id);
    auto entries = entries_then(tx, wanted, as_of.cutoff);
    if (!entries) return entries.error();

    domain::CampaignFigures figures;
    auto zones = tx.list_zones(who.scope);
    if (!zones) return zones.error();
    figures.zones = std::move(*zones);
    std::vector<std::int64_t> zone_ids;
    for (const auto& z : figures.zones) zone_ids.push_back(z.id);
    auto facts = figure_facts(tx, who.scope, zone_ids, std::nullopt, as_of);
    if (!facts) return facts.error();
    ProjectsThen then;
    for (const auto& p : facts->projects) then[p.id] = &p;

    domain::CampaignSummary summary;
    summary.campaign = campaign;
    summary.campaign.status = domain::CampaignStatus::kPlanning;  // as it stood: not yet held
    summary.figures_as_of = day;
    auto counted = counted_then(entries->at(campaign.id), then);
    std::map<std::pair<std::int64_t, domain::BatchKind>, domain::BatchFigure> by_zone;
    std::map<std::pair<domain::BatchKind, std::string>, domain::BatchIndustryTotal> by_industry;
    for (const auto& [batch, projects] : counted) {
        for (const auto* p : projects) {
            auto& z = by_zone[{p->zone_id, batch}];
            z = {campaign.id, p->zone_id, batch, z.projects + 1, z.investment + p->total_investment};
            auto& i = by_industry[{batch, p->industry_code}];
            i = {batch, p->industry_code, i.projects + 1, i.investment + p->total_investment};
        }
    }
    for (auto& [k, row] : by_zone) figures.zone_rows.push_back(row);
    for (auto& [k, row] : by_industry) figures.industry_totals.push_back(row);
    auto regions = tx.list_regions();
    if (!regions) return regions.error();
    figures.regions = std::move(*regions);
    auto industries = tx.list_industries();
    if (!industries) return industries.error();
    figures.industries = std::move(*industries);
    summary.batches = batch_totals(counted);
    for (auto& b : summary.batches) {
        std::vector<domain::Money> investments;
        for (const auto* p : counted[b.batch]) investments.push_back(p->total_investment);
        add_size_bands(b, investments);
    }
    domain::add_breakdowns(summary, figures, who.scope.kind == domain::Scope::Kind::kAll);
    for (auto& b : summary.batches) {
        if (auto r = add_top_projects(tx, who, b, counted[b.batch], figures); !r) return r.error();
    }

    if (previous) {
        // Held by then: its frozen figures, as published; else its entries as they stood.
        auto held_later = held_after(tx, as_of.cutoff);
        if (!held_later) return held_later.error();
        summary.previous = *previous;
        if (previous->held_on && *previous->held_on <= day && !held_later->contains(previous->id)) {
            auto batches = tx.campaign_batches(who.scope, previous->id);
            if (!batches) return batches.error();
            summary.previous_batches = std::move(*batches);
        } else {
            summary.previous->status = domain::CampaignStatus::kPlanning;
            summary.previous->held_on.reset();
            summary.previous_batches = batch_totals(counted_then(entries->at(previous->id), then));
        }
    }
    summary.conversion = conversion_then(earlier, *entries, then);
    return summary;
}

}  // namespace sanpi::service
