#pragma once
// Monthly progress reports (月报): a zone drafts, changes and submits its projects' reports; a city
// approves or returns them; the province may do both. Every answer carries the cumulative
// figures through the report's month, derived from the stored monthly figures and marked official
// (approved reports only) or including unapproved data.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"
#include "domain/report_totals.hpp"
#include "service/clock.hpp"
#include "service/principal.hpp"
#include "service/report_input.hpp"
#include "store/store.hpp"

namespace sanpi::service {

struct ReportDetail {
    store::ReportView view;
    domain::Cumulative official;              // approved reports through the month
    domain::Cumulative including_unapproved;  // every report past draft through the month
    // The report's photos (metadata) in details; lists leave it empty (none) to stay one query.
    std::optional<std::vector<store::PhotoRecord>> photos;
};

// A project that owes a report for a month: it has none, or only a draft (`draft_id`).
struct MissingReport {
    domain::ProjectView project;
    std::optional<std::int64_t> draft_id;
};

struct MissingQuery {
    domain::Month month;
    std::optional<std::int64_t> zone_id;
    std::optional<std::string> city_code;
    std::int64_t offset = 0;
    std::int64_t limit = 50;
};

class ReportService {
public:
    ReportService(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

    // The reviewer's queue and any other list across projects, within the caller's scope.
    Result<store::Page<ReportDetail>> list(const Principal& who, const store::ReportQuery& q);
    // Every report `q` selects (its filters; offset and limit ignored), in the list's order, as
    // `list` answers them, handed to `sink` one at a time; read `chunk` at a time inside one read
    // transaction (one snapshot). Stops at the first error, the sink's included.
    using ReportSink = std::function<Result<void>(const ReportDetail&)>;
    static constexpr std::int64_t kEachChunk = 500;
    Result<void> each(const Principal& who, const store::ReportQuery& q, const ReportSink& sink,
                      std::int64_t chunk = kEachChunk);
    // One project's reports; kNotFound when the project is outside the scope.
    Result<store::Page<ReportDetail>> list_for_project(const Principal& who, std::int64_t project_id,
                                                       store::ReportQuery q);
    // In-scope projects that owe a report for an ended month (kInvalidInput naming `month` otherwise).
    Result<store::Page<MissingReport>> missing(const Principal& who, const MissingQuery& q);
    // kNotFound both when the id does not exist and when it is outside the caller's scope.
    Result<ReportDetail> get(const Principal& who, std::int64_t id);

    // A draft. kConflict naming the existing report when the month is taken; nothing is written
    // on any error.
    Result<ReportDetail> create(const Principal& who, std::int64_t project_id, const ReportInput& input);
    // Draft or returned reports only (else kConflict); kConflict if expected_version is stale.
    Result<ReportDetail> update(const Principal& who, std::int64_t id, std::int64_t expected_version,
                                const ReportInput& input);
    // create and update inside a caller's transaction, so that many rows (an import) are written
    // together or not at all: the same checks and audit entries, `action` naming each write.
    // create_in answers the new report's id.
    Result<std::int64_t> create_in(store::Tx& tx, const Principal& who, std::int64_t project_id,
                                   const ReportInput& input, std::string_view action = "report.create");
    Result<void> update_in(store::Tx& tx, const Principal& who, std::int64_t id, std::int64_t expected_version,
                           const ReportInput& input, std::string_view action = "report.update");
    // What create_in and update_in would store, checked as they check it (role, scope, required
    // figures, the month free and in the project's window, the content, the 150% rule), without
    // writing: an import's preview. `before` is the stored report update_in would change.
    Result<store::ReportRecord> check_create_in(store::Tx& tx, const Principal& who, std::int64_t project_id,
                                                const ReportInput& input) const;
    Result<store::ReportRecord> check_update_in(store::Tx& tx, const Principal& who, const store::ReportView& before,
                                                const ReportInput& input) const;

    // The review steps; each checks the version like update.
    Result<ReportDetail> submit(const Principal& who, std::int64_t id, std::int64_t expected_version);
    Result<ReportDetail> approve(const Principal& who, std::int64_t id, std::int64_t expected_version);
    Result<ReportDetail> return_report(const Principal& who, std::int64_t id, std::int64_t expected_version,
                                       std::string reason);

private:
    // Turns the stored report (`before`) into the one to store; `now` and `today` from the clock.
    using ReportStep = std::function<Result<store::ReportRecord>(store::Tx&, const store::ReportView& before,
                                                                 store::Timestamp now, domain::Date today)>;
    // `action` names the step in the audit log ("report.submit" ...).
    Result<ReportDetail> write_existing(const Principal& who, std::int64_t id, std::int64_t expected_version,
                                        std::string_view action, const ReportStep& step);
    Result<void> write_existing_in(store::Tx& tx, const Principal& who, std::int64_t id,
                                   std::int64_t expected_version, std::string_view action, const ReportStep& step);

    store::Store& store_;
    const Clock& clock_;
};

}  // namespace sanpi::service
