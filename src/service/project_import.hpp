#pragma once
// Importing a project table, or a campaign's batch list (kind "entries": a project table whose
// rows' projects, matched or created, go into the batch the upload names), or a table of monthly
// reports or coordination items (kinds "reports" and "coordination": report_import.hpp,
// coordination_import.hpp): the upload is kept and previewed (nothing else written), then
// committed as a whole — every planned create and update in one transaction, or none. Rows match
// stored projects by project code, else by the investor's credit code and the normalised name in
// the row's zone. The same file committed twice changes nothing the second time: every row then
// matches a project that already holds its values.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/campaign.hpp"
#include "service/clock.hpp"
#include "service/coordination_service.hpp"
#include "service/enterprise_service.hpp"
#include "service/import_rejected.hpp"
#include "service/principal.hpp"
#include "service/project_service.hpp"
#include "service/project_table.hpp"
#include "service/report_service.hpp"
#include "store/store.hpp"

namespace sanpi::service {

struct ImportUpload {
    std::string file_name;
    std::string content;
    std::string kind = "projects";
    std::optional<std::string> zone_code;  // the zone of rows that name none
    std::int32_t sheet = 0;
    // A batch list (kind "entries"): every row's project goes into this campaign's batch.
    std::optional<std::int64_t> campaign_id;
    std::optional<domain::BatchKind> batch;
};

struct ImportChange {
    std::string field;  // "total_investment"
    std::string from, to;
};

struct PlannedCreate {
    std::int64_t row = 0;
    std::string name;
    std::int64_t zone_id = 0;
    // Kinds reports and coordination: the stored project the new report or item is for, and the
    // report's month ("2022-06") or the item's description.
    std::int64_t project_id = 0;
    std::string code{};
    std::string month{};
    std::string description{};
};

struct PlannedUpdate {
    std::int64_t row = 0;
    std::int64_t project_id = 0;
    std::string code;
    std::vector<ImportChange> changes;
    // Kinds reports and coordination: the report or item changed, the project's name, and the
    // report's month or the item's description.
    std::int64_t record_id = 0;
    std::string name{};
    std::string month{};
    std::string description{};
};

// A row to create whose investor already has a project of nearly the same name in the zone
// (spaces, brackets, punctuation or a small edit apart): left out unless the commit says create.
struct NearDuplicate {
    std::int64_t row = 0;
    std::string name;
    std::int64_t project_id = 0;
    std::string project_name;
};

// A row whose project goes into the campaign's batch on commit (kind "entries"); project_id 0:
// the row's project is new and is created first.
struct PlannedEntry {
    std::int64_t row = 0;
    std::int64_t project_id = 0;
    std::string name;
};

struct ImportPreview {
    store::ImportRecord record;
    std::string sheet, title;
    TableLayout layout;
    std::vector<PlannedCreate> created;
    std::vector<PlannedUpdate> updated;
    std::vector<std::int64_t> unchanged;  // rows whose project already holds their values
    std::vector<RowProblem> rejected;
    std::vector<RepeatedRow> repeated;
    std::vector<NearDuplicate> near_duplicates;
    std::vector<TotalCheck> total_checks;
    // Kind "entries": the campaign, the rows to enter and the rows whose project is in the batch
    // already.
    std::optional<domain::Campaign> campaign;
    std::vector<PlannedEntry> entered;
    std::vector<std::int64_t> already_entered;
    store::ImportCounts counts() const;
};

struct CommitChoices {
    std::vector<std::int64_t> create_near_duplicates;  // rows to create although they look like a project
};

class ProjectImportService {
public:
    ProjectImportService(store::Store& store, const Clock& clock, ProjectService& projects,
                         EnterpriseService& enterprises)
        : store_(store),
          clock_(clock),
          projects_(projects),
          enterprises_(enterprises),
          reports_(store, clock),
          coordination_(store, clock) {}

    // Called with the rows read so far while a file is read (a terminal's progress bar).
    void on_progress(std::function<void(std::int64_t rows_read)> progress) { progress_ = std::move(progress); }

    // Keeps the upload and answers what a commit would do. Only the import's record is written.
    Result<ImportPreview> preview(const Principal& who, const ImportUpload& upload);
    // The preview again, as the data stands now. kNotFound for another user's import.
    Result<ImportPreview> show(const Principal& who, std::int64_t import_id);
    // The rows the import refuses as the data stands now, with their cells as the file has them
    // (the import's creator only, like show).
    Result<RejectedRows> rejected_rows(const Principal& who, std::int64_t import_id);
    // Plans again inside the write and applies every create and update, or nothing; kConflict
    // when the import was already committed.
    Result<ImportPreview> commit(const Principal& who, std::int64_t import_id, const CommitChoices& choices = {});
    // preview and commit as one transaction, planned once (the CLI without --dry-run): the same
    // record, writes and answer as a commit right after the preview, near-duplicates left out.
    Result<ImportPreview> import_now(const Principal& who, const ImportUpload& upload);

private:
    struct Plan;
    // What preview and import_now refuse before touching the store.
    Result<void> check_upload(const Principal& who, const ImportUpload& upload);
    // The record of a new import (its zone, when named, in the caller's scope).
    Result<store::ImportRecord> new_record(store::Tx& tx, const Principal& who, const ImportUpload& upload);
    Result<ImportPreview> apply_plan(store::Tx& tx, const Principal& who, const store::ImportRecord& record,
                                     Plan planned, const CommitChoices& choices, domain::Date today);
    // `write_other`: a kind other than projects and entries is applied as it is planned (commit).
    Result<Plan> plan(store::Tx& tx, const Principal& who, const store::ImportRecord& record,
                      const std::string& content, bool write_other = false);
    // Kinds reports and coordination: read and planned by their own importers, and applied when
    // `write`.
    Result<ImportPreview> run_other(store::Tx& tx, const Principal& who, const store::ImportRecord& record,
                                    const std::string& content, bool write);
    Result<store::ImportRecord> owned_import(store::Tx& tx, const Principal& who, std::int64_t import_id);
    // The caller's import with its file, planned again as the data stands now.
    struct Replanned;
    Result<Replanned> replan(store::Tx& tx, const Principal& who, std::int64_t import_id);

    store::Store& store_;
    const Clock& clock_;
    ProjectService& projects_;
    EnterpriseService& enterprises_;
    ReportService reports_;
    CoordinationService coordination_;
    std::function<void(std::int64_t)> progress_;
};

}  // namespace sanpi::service
