#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"
#include "domain/project.hpp"
#include "service/audit_trail.hpp"
#include "service/clock.hpp"
#include "service/kept_answers.hpp"
#include "service/principal.hpp"
#include "service/project_patch.hpp"
#include "service/project_transition.hpp"
#include "store/store.hpp"

namespace sanpi::service {

// A project's history: stage and status moves, and changes of planned dates, each oldest first.
struct ProjectTimeline {
    std::vector<domain::StageChange> stage_changes;
    std::vector<store::PlannedDateChangeEntry> planned_date_changes;
    // Evidence photos (metadata) of the pause and restart records, by record id then photo id.
    std::vector<store::PhotoRecord> evidence_photos;
};

class ProjectService {
public:
    // The random part of a code the server makes up for a project created without one (eight hex
    // digits by default); tests give their own to make two codes clash.
    using CodeSuffix = std::function<std::string()>;
    static std::string random_code_suffix();

    ProjectService(store::Store& store, const Clock& clock, CodeSuffix code_suffix = random_code_suffix)
        : store_(store), clock_(clock), code_suffix_(std::move(code_suffix)) {}

    // Reserve projects with a code name show it in place of their name outside their zone and the
    // province (project_identity.hpp: show_to), in lists, details and write answers alike.
    Result<store::Page<domain::ProjectView>> list(const Principal& who, const store::ProjectQuery& q);
    // Every project the list `q` selects (its filters, sort and order; paging fields ignored), in
    // the list's order, shown to `who` as `list` shows them, handed to `sink` one at a time. Read in
    // chunks of `chunk` rows by key (keyset paging) inside one read transaction: one snapshot,
    // memory flat in the number of rows. The walk stops at the first error, the sink's included.
    using ProjectSink = std::function<Result<void>(const domain::ProjectView&)>;
    static constexpr std::int64_t kEachChunk = 500;
    Result<void> each(const Principal& who, const store::ProjectQuery& q, const ProjectSink& sink,
                      std::int64_t chunk = kEachChunk);
    // Today in China Standard Time, by the clock the service runs on (the date an export is of).
    domain::Date today() const { return clock_.today(); }
    // kNotFound both when the id does not exist and when it is outside the caller's scope.
    Result<domain::ProjectView> get(const Principal& who, std::int64_t id);
    // Province users create anywhere in scope; zone users only in their zone; others kForbidden.
    Result<domain::ProjectView> create(const Principal& who, const ProjectPatch& patch);
    // kConflict if expected_version is stale; nothing is written on any error.
    Result<domain::ProjectView> update(const Principal& who, std::int64_t id, std::int64_t expected_version,
                                       const ProjectPatch& patch);
    // The explicit stage or status move: same roles, scope and version rule as update; the
    // project and its history record are written together or not at all.
    Result<domain::ProjectView> transition(const Principal& who, std::int64_t id, std::int64_t expected_version,
                                           const TransitionRequest& request);
    // create and update inside a caller's transaction, so that many rows (an import) are written
    // together or not at all; `action` names each write in the audit log.
    Result<domain::ProjectView> create_in(store::Tx& tx, const Principal& who, const ProjectPatch& patch,
                                          domain::Date today, std::string_view action = "project.create");
    // create_in for a bulk write (an import's commit): the same checks and writes, but the
    // project is not read back, only its id answered, and its audit entry is added to `audit` for
    // the caller to record with the others (AuditTrail::record_all: one lock and move of the
    // chain head, multi-row inserts) before the transaction ends.
    Result<std::int64_t> create_in_bulk(store::Tx& tx, const Principal& who, const ProjectPatch& patch,
                                        domain::Date today, std::string_view action, std::vector<AuditEvent>& audit);
    Result<domain::ProjectView> update_in(store::Tx& tx, const Principal& who, std::int64_t id,
                                          std::int64_t expected_version, const ProjectPatch& patch, domain::Date today,
                                          std::string_view action = "project.update");
    Result<std::vector<domain::StageChange>> history(const Principal& who, std::int64_t id);
    // Stage moves and planned-date changes together, from one snapshot.
    Result<ProjectTimeline> timeline(const Principal& who, std::int64_t id);

private:
    struct Inserted {
        domain::Project project;
        std::vector<domain::StageChange> moves;  // the stage moves its creation records
    };
    Result<Inserted> insert_new(store::Tx& tx, const Principal& who, const ProjectPatch& patch, domain::Date today);
    // Changes a loaded project in place and returns the history records the change makes.
    using ProjectEdit =
        std::function<Result<std::vector<domain::StageChange>>(store::Tx&, domain::Project&, domain::Date today)>;
    // `action` names the write in the audit log ("project.update", "project.transition"). Planned
    // dates the edit moves are recorded; `planned_reason` explains them (required for a slip).
    Result<domain::ProjectView> write_existing(const Principal& who, std::int64_t id, std::int64_t expected_version,
                                               std::string_view action, const ProjectEdit& edit,
                                               const std::string& planned_reason = {});

    Result<domain::ProjectView> write_existing_in(store::Tx& tx, const Principal& who, std::int64_t id,
                                                  std::int64_t expected_version, std::string_view action,
                                                  const ProjectEdit& edit, const std::string& planned_reason,
                                                  domain::Date today);

    store::Store& store_;
    const Clock& clock_;
    CodeSuffix code_suffix_;
    KeptAnswers<std::int64_t> list_totals_;  // counts of filtered lists (list)
};

}  // namespace sanpi::service
