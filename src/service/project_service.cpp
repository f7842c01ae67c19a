#include "service/project_service.hpp"

#include <algorithm>

#include "domain/planned_date_change.hpp"
#include "domain/stage_machine.hpp"
#include "domain/warning_light.hpp"
#include "domain/validation.hpp"
#include "service/audit_fields.hpp"
#include "service/audit_trail.hpp"
#include "service/campaign_workflow.hpp"
#include "service/light_keeper.hpp"
#include "service/project_identity.hpp"
#include "service/project_rules.hpp"
#include "service/secrets.hpp"
#include "store/transact.hpp"

namespace sanpi::service {

using domain::Project;
using domain::ProjectView;
using domain::StageChange;
using store::Tx;

namespace {

Error project_not_found() { return Error::not_found("项目", "project"); }

// Stage and status moves go through the stage machine; each one yields a history record.
Result<std::vector<StageChange>> apply_moves(Project& p, const ProjectPatch& patch, domain::Date today) {
    std::vector<StageChange> changes;
    if (patch.status) {
        auto c = domain::apply_status_change(p, *patch.status, patch.status_reason);
        if (!c) return c.error();
        changes.push_back(*c);
    }
    if (patch.stage_move) {
        auto c = domain::apply_stage_move(p, *patch.stage_move, today);
        if (!c) return c.error();
        changes.push_back(*c);
    }
    return changes;
}

// An explicit move yields one history record; the history so far bounds a status change's date.
Result<std::vector<StageChange>> transition_changes(Tx& tx, Project& p, const TransitionRequest& request,
                                                    domain::Date today) {
    auto history = tx.list_stage_changes(p.id);
    if (!history) return history.error();
    auto change = apply_transition(p, request, today, last_status_date(*history));
    if (!change) return change.error();
    return std::vector<StageChange>{std::move(*change)};
}

// Field and reference problems together, so the caller sees everything wrong at once. A code the
// system was to generate is not the caller's problem when the zone itself is wrong.
// `errors` holds problems found before (the planned-date history's).
Result<void> check_project(Tx& tx, const Principal& who, const Project& p, domain::Date today,
                           bool code_generated = false, std::vector<FieldError> errors = {}) {
    auto problems = domain::validate_project(p, today);
    if (code_generated) {
        std::erase_if(problems, [](const FieldError& e) { return e.field == "code"; });
    }
    errors.insert(errors.end(), problems.begin(), problems.end());
    auto refs = check_references(tx, who, p);
    if (!refs) return refs.error();
    errors.insert(errors.end(), refs->begin(), refs->end());
    auto identity_refs = check_identity_references(tx, p, today);
    if (!identity_refs) return identity_refs.error();
    errors.insert(errors.end(), identity_refs->begin(), identity_refs->end());
    if (!errors.empty()) return Error::invalid(std::move(errors));
    return {};
}

// The planned dates' changes, or (as field errors, to report with the rest) why they are refused.
std::vector<domain::PlannedDateChange> planned_changes(const Project& before, const Project& after,
                                                       const domain::PlannedDateEdit& edit,
                                                       std::vector<FieldError>& errors) {
    auto changes = domain::planned_date_changes(before.planned, after.planned, edit);
    if (changes) return std::move(*changes);
    const Error refused = changes.error();  // a copy: error() answers by value
    errors.insert(errors.end(), refused.fields.begin(), refused.fields.end());
    return {};
}

Result<void> save_history(Tx& tx, std::vector<StageChange> changes, std::int64_t project_id, std::int64_t user_id,
                          store::Timestamp at) {
    for (auto& c : changes) {
        c.project_id = project_id;
        if (auto r = tx.insert_stage_change(c, user_id, at); !r) return r;
    }
    return {};
}

Result<ProjectView> reload(Tx& tx, const Principal& who, std::int64_t id) {
    auto view = tx.get_project(who.scope, id);
    if (!view) return view.error();
    if (!*view) return project_not_found();
    return std::move(**view);
}

// The audit entry of a project write: its changed fields, and the text the history records keep
// (a correction's reason, a forward move's evidence, a status change's reason).
AuditEvent project_event(std::string_view action, const domain::FieldValues& before, const Project& after,
                         const std::vector<StageChange>& moves) {
    AuditEvent event{std::string(action), "project", after.id, domain::diff_fields(before, audit_fields(after))};
    for (const auto& c : moves) {
        if (c.reason.empty()) continue;
        event.changes.push_back({c.from_status != c.to_status ? "status_reason" : "stage_reason", std::nullopt, c.reason});
    }
    return event;
}

// The project as the caller may see it (code names: project_identity.hpp).
Result<ProjectView> reload_shown(Tx& tx, const Principal& who, std::int64_t id) {
    auto view = reload(tx, who, id);
    if (view) show_to(who, *view);
    return view;
}

// A readable code when the caller gives none: zone code, month, random suffix.
std::string generated_code(const domain::Zone& zone, domain::Date today, const std::string& suffix) {
    std::string month = today.iso().substr(0, 4) + today.iso().substr(5, 2);
    return zone.code + "-" + month + "-" + suffix;
}

// A made-up code may clash with one already stored in its zone and month (with six hex digits a
// 200-row import into a zone already holding thousands that month did so once); it is made again.
constexpr int kGeneratedCodeTries = 8;

bool code_clash(const Error& e) {
    return e.code == ErrorCode::kConflict && !e.fields.empty() && e.fields.front().field == "code";
}

// The key of a kept list count: the scope and the filters that decide which projects match.
std::string list_total_key(const domain::Scope& scope, const store::ProjectQuery& q) {
    std::string key = scope_key(scope);
    if (q.city_code) key += " city=" + *q.city_code;
    if (q.zone_id) key += " zone=" + std::to_string(*q.zone_id);
    if (q.industry_code) key += " industry=" + *q.industry_code;
    if (q.stage) key += " stage=" + std::string(domain::to_string(*q.stage));
    if (q.status) key += " status=" + std::string(domain::to_string(*q.status));
    return key;
}

}  // namespace

Result<store::Page<ProjectView>> ProjectService::list(const Principal& who, const store::ProjectQuery& query) {
    store::ProjectQuery q = query;
    q.mask_code_names = !sees_every_name(who);
    auto page = store::read_value<store::Page<ProjectView>>(store_, [&](Tx& tx) -> Result<store::Page<ProjectView>> {
        // Which projects zone, city, industry, stage and status filters match changes only when the
        // kept figures do, so such a count is kept with the figures' generation: one count per
        // change, not one per page (an unfiltered national count walks every project).
        if (!q.count_total || q.after || q.text || q.national_code) return tx.list_projects(who.scope, q);
        auto generation = tx.figures_generation();  // first: the count is at least this recent
        if (!generation) return generation.error();
        const auto key = list_total_key(who.scope, q);
        const auto kept = list_totals_.find(key, *generation);
        auto counted = q;
        counted.count_total = !kept;
        auto listed = tx.list_projects(who.scope, counted);
        if (!listed) return listed;
        if (kept) {
            listed->total = *kept;
        } else {
            list_totals_.keep(key, *generation, std::make_shared<const std::int64_t>(listed->total));
        }
        return listed;
    });
    if (page) {
        for (auto& view : page->items) show_to(who, view);
    }
    return page;
}

std::string ProjectService::random_code_suffix() { return secrets::random_token().substr(0, 8); }

Result<ProjectView> ProjectService::get(const Principal& who, std::int64_t id) {
    return store::read_value<ProjectView>(store_,
                                          [&](Tx& tx) -> Result<ProjectView> { return reload_shown(tx, who, id); });
}

Result<ProjectView> ProjectService::create(const Principal& who, const ProjectPatch& patch) {
    if (auto r = require_project_writer(who); !r) return r.error();
    const domain::Date today = clock_.today();
    return store::write_value<ProjectView>(store_, [&](Tx& tx) { return create_in(tx, who, patch, today); });
}

Result<ProjectView> ProjectService::create_in(Tx& tx, const Principal& who, const ProjectPatch& patch,
                                              domain::Date today, std::string_view action) {
    auto inserted = insert_new(tx, who, patch, today);
    if (!inserted) return inserted.error();
    auto created = reload(tx, who, inserted->project.id);
    if (!created) return created.error();
    auto light = light_new_project(tx, created->project, today);
    if (!light) return light.error();
    created->light = std::move(*light);
    auto event = project_event(action, {}, created->project, inserted->moves);
    if (auto r = AuditTrail(clock_).record(tx, Actor::of(who), std::move(event)); !r) return r.error();
    show_to(who, *created);
    return created;
}

Result<std::int64_t> ProjectService::create_in_bulk(Tx& tx, const Principal& who, const ProjectPatch& patch,
                                                    domain::Date today, std::string_view action,
                                                    std::vector<AuditEvent>& audit) {
    auto inserted = insert_new(tx, who, patch, today);
    if (!inserted) return inserted.error();
    if (auto light = light_new_project(tx, inserted->project, today); !light) return light.error();
    audit.push_back(project_event(action, {}, inserted->project, inserted->moves));
    return inserted->project.id;
}

// The checks and writes of a new project up to its history records: the project as inserted,
// with its id and version.
Result<ProjectService::Inserted> ProjectService::insert_new(Tx& tx, const Principal& who, const ProjectPatch& patch,
                                                            domain::Date today) {
    if (auto r = require_project_writer(who); !r) return r.error();
    Inserted out;
    Project& p = out.project;
    if (who.user.zone_id) p.zone_id = *who.user.zone_id;
    apply_fields(p, patch);
    normalise_identity(p, today);
    auto changes = apply_moves(p, patch, today);
    if (!changes) return changes.error();
    std::optional<domain::Zone> code_zone;  // the zone a made-up code is of
    if (p.code.empty() && p.zone_id > 0) {
        auto zone = tx.get_zone(who.scope, p.zone_id);
        if (!zone) return zone.error();
        code_zone = std::move(*zone);
        if (code_zone) p.code = generated_code(*code_zone, today, code_suffix_());
    }
    if (auto r = check_project(tx, who, p, today, !patch.code); !r) return r.error();
    auto id = tx.insert_project(p);
    for (int tries = 1; !id && code_zone && code_clash(id.error()) && tries < kGeneratedCodeTries; ++tries) {
        p.code = generated_code(*code_zone, today, code_suffix_());
        id = tx.insert_project(p);
    }
    if (!id) return id.error();
    if (auto r = save_history(tx, *changes, *id, who.user.id, clock_.now()); !r) return r.error();
    p.id = *id;
    p.version = 1;
    out.moves = std::move(*changes);
    return out;
}

Result<ProjectView> ProjectService::update(const Principal& who, std::int64_t id, std::int64_t expected_version,
                                           const ProjectPatch& patch) {
    return write_existing(
        who, id, expected_version, "project.update",
        [&](Tx&, Project& p, domain::Date today) {
            apply_fields(p, patch);
            return apply_moves(p, patch, today);
        },
        patch.planned_reason);
}

Result<ProjectView> ProjectService::transition(const Principal& who, std::int64_t id, std::int64_t expected_version,
                                               const TransitionRequest& request) {
    return write_existing(who, id, expected_version, "project.transition", [&](Tx& tx, Project& p, domain::Date today) {
        return transition_changes(tx, p, request, today);
    });
}

// Scope (404), version (409), the edit, whole-record checks, then the project, its history records
// (stage moves, planned-date changes) and its audit entry in the same transaction: any error leaves
// nothing written.
Result<ProjectView> ProjectService::write_existing(const Principal& who, std::int64_t id, std::int64_t expected_version,
                                                   std::string_view action, const ProjectEdit& edit,
                                                   const std::string& planned_reason) {
    if (auto r = require_project_writer(who); !r) return r.error();
    const domain::Date today = clock_.today();
    return store::write_value<ProjectView>(store_, [&](Tx& tx) {
        return write_existing_in(tx, who, id, expected_version, action, edit, planned_reason, today);
    });
}

Result<ProjectView> ProjectService::update_in(Tx& tx, const Principal& who, std::int64_t id,
                                              std::int64_t expected_version, const ProjectPatch& patch,
                                              domain::Date today, std::string_view action) {
    if (auto r = require_project_writer(who); !r) return r.error();
    return write_existing_in(
        tx, who, id, expected_version, action,
        [&](Tx&, Project& p, domain::Date day) {
            apply_fields(p, patch);
            return apply_moves(p, patch, day);
        },
        patch.planned_reason, today);
}

Result<ProjectView> ProjectService::write_existing_in(Tx& tx, const Principal& who, std::int64_t id,
                                                      std::int64_t expected_version, std::string_view action,
                                                      const ProjectEdit& edit, const std::string& planned_reason,
                                                      domain::Date today) {
    auto current = reload(tx, who, id);
    if (!current) return current.error();
    Project p = current->project;
    if (p.version != expected_version) {
        return Error::conflict("项目已被他人修改，请刷新后重试", "the project was changed by someone else; reload and retry");
    }
    auto changes = edit(tx, p, today);
    if (!changes) return changes.error();
    // A published batch must keep adding up: its projects cannot slip back behind it.
    if (auto r = check_counted_entries(tx, current->project, p); !r) return r.error();
    normalise_identity(p, today);
    std::vector<FieldError> errors;
    const auto planned = planned_changes(current->project, p, {id, who.user.id, clock_.now(), planned_reason}, errors);
    if (auto r = check_project(tx, who, p, today, false, std::move(errors)); !r) return r.error();
    if (auto r = tx.update_project(p, expected_version); !r) return r.error();
    if (auto r = save_history(tx, *changes, id, who.user.id, clock_.now()); !r) return r.error();
    if (auto r = save_planned_date_changes(tx, planned); !r) return r.error();
    auto light = refresh_light(tx, id, today);
    if (!light) return light.error();
    auto updated = reload(tx, who, id);
    if (!updated) return updated.error();
    updated->light = std::move(*light);
    auto event = project_event(action, audit_fields(current->project), updated->project, *changes);
    if (auto r = AuditTrail(clock_).record(tx, Actor::of(who), std::move(event)); !r) return r.error();
    show_to(who, *updated);
    return updated;
}

Result<std::vector<StageChange>> ProjectService::history(const Principal& who, std::int64_t id) {
    return store::read_value<std::vector<StageChange>>(store_, [&](Tx& tx) -> Result<std::vector<StageChange>> {
        // Checking visibility first keeps other zones' histories out of reach by id.
        if (auto view = reload(tx, who, id); !view) return view.error();
        return tx.list_stage_changes(id);
    });
}

Result<ProjectTimeline> ProjectService::timeline(const Principal& who, std::int64_t id) {
    return store::read_value<ProjectTimeline>(store_, [&](Tx& tx) -> Result<ProjectTimeline> {
        if (auto view = reload(tx, who, id); !view) return view.error();
        auto stages = tx.list_stage_changes(id);
        if (!stages) return stages.error();
        auto planned = tx.list_planned_date_changes(id);
        if (!planned) return planned.error();
        auto photos = tx.list_stage_change_photos(id);
        if (!photos) return photos.error();
        return ProjectTimeline{std::move(*stages), std::move(*planned), std::move(*photos)};
    });
}

}  // namespace sanpi::service
