#pragma once
// The storage interface the services own. The backends (sqlite/, postgres/, sharing sql/)
// implement it; nothing backend-specific appears here, and a service can include nothing of the
// store but this, transact.hpp and dump.hpp. Every call that takes a Scope filters inside the query.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/audit.hpp"
#include "domain/audit_check.hpp"
#include "domain/campaign.hpp"
#include "domain/enterprise.hpp"
#include "domain/error.hpp"
#include "domain/figures.hpp"
#include "domain/industry.hpp"
#include "domain/month.hpp"
#include "domain/planned_date_change.hpp"
#include "domain/progress_report.hpp"
#include "domain/project.hpp"
#include "domain/region.hpp"
#include "domain/user.hpp"
#include "domain/zone.hpp"
#include "store/campaign_records.hpp"
#include "store/chain_records.hpp"
#include "store/coordination_records.hpp"
#include "store/dump.hpp"
#include "store/light_records.hpp"
#include "store/notice_records.hpp"
#include "store/ranking_records.hpp"

namespace sanpi::store {

using domain::Scope;

enum class ProjectSortKey { kId, kCode, kName, kTotalInvestment, kPlannedStart, kStage };

// A row's place in a sorted list: its sort value (none for the id sort or a NULL planned_start,
// a number, or text) and its id, which breaks ties. Keyset paging starts after such a place.
using SortValue = std::variant<std::monostate, std::int64_t, std::string>;
struct ListPosition {
    SortValue value;
    std::int64_t id = 0;
    bool operator==(const ListPosition&) const = default;
};

// A text search counts its matches up to this many: a word as common as 光伏 matches one project in
// eight of a national dataset, and counting them all cost seconds on every first page.
inline constexpr std::int64_t kTextSearchCountLimit = 10000;

struct ProjectQuery {
    std::optional<std::string> city_code;  // six digits, the zone's city
    std::optional<std::int64_t> zone_id;
    std::optional<std::string> industry_code;
    std::optional<domain::Stage> stage;
    std::optional<domain::ProjectStatus> status;
    std::optional<std::string> text;           // substring of project name, code name, national code or any
                                               // investor's name
    std::optional<std::string> national_code;  // exact, as ProjectCode::parse normalises it
    // Text of two characters or more is searched through an index (SQLite FTS5 of character pairs,
    // PostgreSQL pg_trgm and character pairs) that narrows the rows the LIKE terms then check; true
    // skips the index: the reference the tests compare with.
    bool text_without_index = false;
    // Set for viewers who see a reserve project's code name instead of its name (domain/code_name.hpp):
    // on such rows text search and the name sort use only the code name, so neither the name nor
    // the investors nor the national code can be probed.
    bool mask_code_names = false;
    ProjectSortKey sort = ProjectSortKey::kId;
    bool descending = false;
    std::int64_t offset = 0;
    std::int64_t limit = 50;
    // Keyset paging: the rows after this place in the sort (offset is then ignored). Rows that
    // existed throughout are neither repeated nor skipped however the list changes between pages.
    std::optional<ListPosition> after;
    // Counting every matching row costs a scan of them: lists paged by key count once, on the first.
    bool count_total = true;
    // With `text`, rows are counted up to this many (Page::total_exact tells whether more match).
    std::int64_t text_count_limit = kTextSearchCountLimit;
};

template <class T>
struct Page {
    std::vector<T> items;
    std::int64_t total = 0;            // matching rows in scope, ignoring offset/limit (0 when not counted)
    bool total_exact = true;           // false: at least `total` rows match (kTextSearchCountLimit)
    std::optional<ListPosition> next;  // lists paged by key: the last item's place, when rows follow
};

using Timestamp = std::int64_t;  // Unix seconds, UTC

struct ApiToken {
    std::string token_hash;  // hex BLAKE2b of the secret; the secret itself is never stored
    std::int64_t user_id = 0;
    std::string label;
    Timestamp created_at = 0;
    std::string token_id;                  // what its owner lists and revokes; empty: from the hash
    std::optional<Timestamp> expires_at;   // none: tokens made before expiry existed
};

// The account an API token belongs to, and when the token expires (none: never), so that a cached
// answer stops at the token's expiry.
struct TokenHolder {
    domain::User user;
    std::optional<Timestamp> expires_at;
};

// An account as the user list shows it: with its zone's code (zone accounts), read in the same query.
struct ListedUser {
    domain::User user;
    std::string zone_code;  // empty: no zone
};

// A planned-date change as history shows it: who made it, by account name (empty: the system).
struct PlannedDateChangeEntry {
    domain::PlannedDateChange change;
    std::string user_name;
};

struct SessionRecord {
    std::string session_hash;  // hex hash of the cookie value
    std::int64_t user_id = 0;
    std::string csrf_token;
    Timestamp expires_at = 0;     // absolute: log-in + 12 h
    Timestamp last_seen_at = 0;   // recorded at most once a minute (AuthService::kLastSeenStep)
};

// Failed log-ins counted under one key (an account name or a client address, hashed): how many
// since they were last forgotten, the last one, and the lock-out they earned.
struct LoginFailures {
    std::string key_hash;
    int failures = 0;
    Timestamp last_failure = 0;
    Timestamp locked_until = 0;
};

// A progress report as stored: the domain record plus who did each step and when. A return is
// kept as the latest one (who, when and, in the report, why) even after resubmission.
struct ReportRecord {
    domain::ProgressReport report;
    std::int64_t created_by = 0;
    Timestamp created_at = 0;
    std::optional<Timestamp> submitted_at;
    std::optional<Timestamp> approved_at;
    std::optional<std::int64_t> returned_by;
    std::optional<Timestamp> returned_at;
};

// What report lists and details show: the record with its project, zone and people named.
struct ReportView {
    ReportRecord record;
    std::string project_code;
    std::string project_name;
    // As for coordination items: the service shows the code name in place of the name to whom it
    // stands in for it (service/project_identity.hpp).
    std::string project_code_name;  // empty: none
    domain::Stage project_stage = domain::Stage::kReserve;
    std::int64_t zone_id = 0;
    std::string zone_name;
    std::string region_code;  // the zone's
    std::string city_code;
    std::string created_by_name;
    std::string submitted_by_name;  // empty when nobody has
    std::string approved_by_name;
    std::string returned_by_name;
};

// What a photo (m0006) belongs to: a monthly report, or a stage-change record of a pause or restart.
enum class PhotoOwnerKind { kReport, kStageChange };
struct PhotoOwner {
    PhotoOwnerKind kind = PhotoOwnerKind::kReport;
    std::int64_t id = 0;
};

// A spreadsheet import (m0015): the file as uploaded and what its commit did.
struct ImportCounts {
    std::int64_t created = 0, updated = 0, unchanged = 0, rejected = 0, repeated = 0;
    std::int64_t entered = 0;  // rows entered into a campaign's batch (kind "entries")
    friend bool operator==(const ImportCounts&, const ImportCounts&) = default;
};
struct ImportRecord {
    std::int64_t id = 0;
    std::string kind;  // "projects", "reports", "coordination", "entries"
    std::string file_name;
    std::string checksum;  // hex BLAKE2b-256 of the bytes
    std::int64_t byte_size = 0;
    std::int32_t sheet = 0;
    std::optional<std::int64_t> zone_id;  // the zone rows without one go to
    // A batch list's campaign and batch (kind "entries" only).
    std::optional<std::int64_t> campaign_id;
    std::optional<domain::BatchKind> batch;
    bool committed = false;
    std::int64_t created_by = 0;  // 0: the command line
    std::int64_t created_at = 0;  // unix seconds
    std::optional<std::int64_t> committed_at;
    ImportCounts counts;  // set by the commit
};

// A photo without its bytes: what lists and answers show. Exactly one of report_id and
// stage_change_id is set. `digest` is the hex BLAKE2b-256 of the image's bytes.
struct PhotoRecord {
    std::int64_t id = 0;
    std::int64_t project_id = 0;
    std::optional<std::int64_t> report_id;
    std::optional<std::int64_t> stage_change_id;
    std::string content_type;  // "image/jpeg" or "image/png"
    std::int64_t width = 0;
    std::int64_t height = 0;
    std::int64_t size = 0;  // bytes of the image
    std::string digest;
    std::int64_t created_by = 0;  // 0: the system
    std::string created_by_name;  // read back; empty for the system
    Timestamp created_at = 0;
};

enum class PhotoPart { kImage, kThumbnail };

// Filters of a report list; the newest month first, then by id.
struct ReportQuery {
    std::optional<std::int64_t> project_id;
    std::optional<domain::Month> month;
    std::optional<domain::ReportStatus> status;
    std::optional<std::int64_t> zone_id;
    std::optional<std::string> city_code;  // six digits, the zone's city
    std::int64_t offset = 0;
    std::int64_t limit = 50;
};

// A project that may owe a report for a month: signed by its end, not at capacity before it, and
// without a report past draft for it. The domain's month window has the last word (cancellation).
struct ReportCandidate {
    domain::ProjectView project;
    std::optional<std::int64_t> draft_id;  // its draft for the month, if one was started
};

struct CandidateQuery {
    domain::Month month;
    std::optional<std::int64_t> zone_id;
    std::optional<std::string> city_code;
};

// The audit log's reader's filters; entries come newest first, `limit` at a time.
struct AuditQuery {
    std::optional<std::string> entity_type;
    std::optional<std::int64_t> entity_id;
    // The project's file: entries on the project itself and on its monthly reports and
    // coordination items (which stay in the log when the records change).
    std::optional<std::int64_t> project_id;
    std::optional<std::string> actor;  // actor_name
    std::optional<std::string> action;
    std::optional<Timestamp> from;           // at >= from
    std::optional<Timestamp> to;             // at < to
    std::optional<std::int64_t> before_seq;  // keyset paging: entries older than this one
    std::int64_t limit = 50;
};

struct AuditPage {
    std::vector<domain::AuditEntry> items;
    std::optional<std::int64_t> next_before;  // before_seq of the next page; none: this was the last
};

// One transaction. Obtained only through Store::read / Store::write; never outlives the call.
class Tx {
public:
    virtual ~Tx() = default;

    // Dictionaries
    virtual Result<void> upsert_region(const domain::Region& r) = 0;
    virtual Result<std::vector<domain::Region>> list_regions() = 0;
    virtual Result<void> upsert_industry(const domain::Industry& i) = 0;
    virtual Result<std::vector<domain::Industry>> list_industries() = 0;

    // Zones
    virtual Result<std::int64_t> insert_zone(const domain::Zone& z) = 0;
    virtual Result<std::optional<domain::Zone>> find_zone_by_code(std::string_view code) = 0;
    virtual Result<std::optional<domain::Zone>> get_zone(const Scope& scope, std::int64_t id) = 0;
    virtual Result<std::vector<domain::Zone>> list_zones(const Scope& scope) = 0;

    // Enterprises
    virtual Result<std::int64_t> insert_enterprise(const domain::Enterprise& e) = 0;
    virtual Result<std::optional<domain::Enterprise>> find_enterprise_by_credit_code(std::string_view code) = 0;
    virtual Result<std::optional<domain::Enterprise>> get_enterprise(std::int64_t id) = 0;
    // The enterprise holding the code if `scope` may see it (docs/api.md, "Enterprises"): it invests
    // in a project inside the scope, or a zone inside the scope registered it. None otherwise, exactly
    // as for a code nobody holds.
    virtual Result<std::optional<domain::Enterprise>> find_visible_enterprise(const Scope& scope,
                                                                              std::string_view credit_code) = 0;
    // Those of `ids` that `scope` may see, by the same rule, in ascending order.
    virtual Result<std::vector<std::int64_t>> visible_enterprise_ids(const Scope& scope,
                                                                     const std::vector<std::int64_t>& ids) = 0;
    // Records that the zone registered the enterprise (it then sees it); nothing when it had already.
    virtual Result<void> link_enterprise_zone(std::int64_t enterprise_id, std::int64_t zone_id) = 0;

    // What a project refers to, looked up together (one round trip on PostgreSQL): whether its
    // zone exists within `scope`, whether its industry is in the dictionary, and whether each of
    // `investor_ids` names an enterprise `investor_scope` sees (find_visible_enterprise; in their order).
    struct ProjectReferences {
        bool zone_in_scope = false;
        bool industry_known = false;
        std::vector<bool> investors_exist;
    };
    virtual Result<ProjectReferences> find_project_references(const Scope& scope, std::int64_t zone_id,
                                                              std::string_view industry_code,
                                                              const std::vector<std::int64_t>& investor_ids,
                                                              const Scope& investor_scope) = 0;

    // Projects. insert sets version 1; update succeeds only if the stored version equals
    // expected_version (else kConflict, nothing written) and stores version + 1.
    virtual Result<std::int64_t> insert_project(const domain::Project& p) = 0;
    virtual Result<void> update_project(const domain::Project& p, std::int64_t expected_version) = 0;
    // With its stored warning light (green, no reasons, when none is stored).
    virtual Result<std::optional<domain::ProjectView>> get_project(const Scope& scope, std::int64_t id) = 0;
    virtual Result<std::optional<domain::Project>> find_project_by_code(std::string_view code) = 0;
    virtual Result<Page<domain::ProjectView>> list_projects(const Scope& scope, const ProjectQuery& q) = 0;
    virtual Result<void> insert_stage_change(const domain::StageChange& c, std::int64_t user_id, Timestamp at) = 0;
    // Oldest first, each with its id.
    virtual Result<std::vector<domain::StageChange>> list_stage_changes(std::int64_t project_id) = 0;
    // One record of the project's history. Not scoped: ask after the project's scope check.
    virtual Result<std::optional<domain::StageChange>> get_stage_change(std::int64_t project_id,
                                                                        std::int64_t change_id) = 0;

    // Project identity and commitments (m0005). Projects carry them on every write; get_project and
    // find_project_by_code also load the funding breakdown and realised figures, which list_projects
    // leaves empty (lists do not show them). user_id 0 is the system (demo, imports).
    virtual Result<bool> region_exists(std::string_view code) = 0;
    virtual Result<void> insert_planned_date_change(const domain::PlannedDateChange& c) = 0;
    virtual Result<std::vector<PlannedDateChangeEntry>> list_planned_date_changes(std::int64_t project_id) = 0;

    // Campaigns (m0014). insert_campaign and update_campaign fail with kConflict on a name or a
    // (year, sequence) already taken; update_campaign also on a stale version, and replaces the
    // venues. lock_campaign reads it under a shared lock (PostgreSQL), so a concurrent update of
    // the campaign (holding it) waits for the caller's transaction, or the caller for it.
    virtual Result<std::int64_t> insert_campaign(const domain::Campaign& c) = 0;
    virtual Result<void> update_campaign(const domain::Campaign& c, std::int64_t expected_version) = 0;
    virtual Result<std::optional<domain::Campaign>> find_campaign_by_name(std::string_view name) = 0;
    virtual Result<std::optional<domain::Campaign>> get_campaign(std::int64_t id) = 0;
    virtual Result<std::optional<domain::Campaign>> lock_campaign(std::int64_t id) = 0;
    virtual Result<std::vector<domain::Campaign>> list_campaigns() = 0;
    virtual Result<int> last_campaign_sequence(int year) = 0;  // 0: none that year
    // An entry with `e.status`; its zone, industry and investment are taken from the project as
    // stored. A confirmed one adds to the kept figures. kConflict if the project already has an
    // entry of the batch kind that is not withdrawn, or is already in this campaign's batch.
    virtual Result<void> insert_campaign_entry(const domain::CampaignEntry& e) = 0;
    // proposed -> confirmed adds the entry to the kept figures; confirmed -> withdrawn (a held
    // campaign) keeps it there: the published figures counted it.
    virtual Result<void> set_campaign_entry_status(const domain::CampaignEntry& e, domain::EntryStatus to,
                                                   const std::string& reason) = 0;
    // Removes an entry of a planned campaign, and its part of the kept figures if it was confirmed.
    virtual Result<void> delete_campaign_entry(const domain::CampaignEntry& e) = 0;
    // The project's entry of the batch kind that counts (not withdrawn), in whichever campaign.
    virtual Result<std::optional<domain::CampaignEntry>> find_campaign_entry(std::int64_t project_id,
                                                                             domain::BatchKind batch) = 0;
    virtual Result<std::optional<domain::CampaignEntry>> get_campaign_entry(std::int64_t campaign_id,
                                                                            std::int64_t project_id,
                                                                            domain::BatchKind batch) = 0;
    // Every entry of the project that is not withdrawn, by campaign then batch.
    virtual Result<std::vector<domain::CampaignEntry>> project_campaign_entries(std::int64_t project_id) = 0;
    // The campaign's entries with `status`, by project then batch, and their number.
    virtual Result<std::vector<domain::CampaignEntry>> campaign_entries_with(std::int64_t campaign_id,
                                                                             domain::EntryStatus status) = 0;
    virtual Result<std::int64_t> count_campaign_entries(std::int64_t campaign_id, domain::EntryStatus status) = 0;
    // A batch's counted entries inside `scope` with the largest counted investment, at most
    // `limit`, largest first (then by project id): through the index of (campaign, batch,
    // investment), never a sort of the whole batch.
    virtual Result<std::vector<TopEntry>> campaign_top_entries(const Scope& scope, std::int64_t campaign_id,
                                                               domain::BatchKind batch, int limit) = 0;
    // The conversion since campaigns dated before `before`, counting projects inside `scope` as
    // they stand today (a walk of those campaigns' sign and start entries in scope).
    virtual Result<ConversionCounts> campaign_conversion(const Scope& scope, domain::Date before) = 0;
    // The campaign's counted entries (confirmed, withdrawn) of projects inside `scope`, with their
    // projects' fields today, by project then batch: a full walk of them (the changes since a hold).
    virtual Result<std::vector<domain::EntryDrift>> counted_entries_now(const Scope& scope,
                                                                        std::int64_t campaign_id) = 0;
    // Counts and investment per batch, counting only projects inside `scope`: from the kept figures.
    virtual Result<std::vector<domain::BatchSummary>> campaign_batches(const Scope& scope,
                                                                       std::int64_t campaign_id) = 0;
    // What a campaign's summary breaks its batches down by, from the kept figures: its rows per
    // zone and batch (zones inside `scope`, non-zero, by zone then batch), and its counts per batch
    // and industry summed over the zones inside `scope` (m0013).
    virtual Result<std::vector<domain::BatchFigure>> campaign_zone_figures(const Scope& scope,
                                                                           std::int64_t campaign_id) = 0;
    virtual Result<std::vector<domain::BatchIndustryTotal>> campaign_industry_totals(const Scope& scope,
                                                                                     std::int64_t campaign_id) = 0;
    // A page of the campaign's entries whose projects are inside `scope`, with their projects. The
    // total is the kept figures' count of the same entries (no scan of them).
    virtual Result<Page<CampaignEntryView>> list_campaign_entries(const Scope& scope, const CampaignEntryQuery& q) = 0;

    // Kept figures (m0008). Project and campaign entry writes keep them in step inside the same
    // transaction; these read them. kept_figures answers the rows of zones inside `scope` whose
    // figures are not all zero, in key order; it reads a few rows per zone, never the projects.
    virtual Result<domain::KeptFigures> kept_figures(const Scope& scope) = 0;
    // The same rows counted afresh from the projects and entries (a full scan: checks and tests).
    virtual Result<domain::KeptFigures> recomputed_figures() = 0;
    // The kept rows per campaign, zone, batch and industry (m0013), every non-zero one in key order,
    // and the same counted afresh: kept_figures leaves them out, since dashboards do not show them.
    virtual Result<std::vector<domain::BatchIndustryFigure>> kept_campaign_industries() = 0;
    virtual Result<std::vector<domain::BatchIndustryFigure>> recomputed_campaign_industries() = 0;
    // The same for the size bands (m0014); and one campaign's bands per batch within `scope`.
    virtual Result<std::vector<domain::BatchBandFigure>> kept_campaign_bands() = 0;
    virtual Result<std::vector<domain::BatchBandFigure>> recomputed_campaign_bands() = 0;
    virtual Result<std::vector<domain::BatchBandFigure>> campaign_band_totals(const Scope& scope,
                                                                              std::int64_t campaign_id) = 0;
    // Entries of planned campaigns whose zone, industry or investment is not their project's
    // (their kept figures would then be wrong): 0 unless something wrote around the store.
    virtual Result<std::int64_t> stale_campaign_entries() = 0;
    // Replaces the kept figures (all of them) with a full recount (after a bulk load, or to repair).
    virtual Result<void> rebuild_figures() = 0;
    // A number that has grown since any earlier read if anything a dashboard or campaign summary
    // shows has changed since (m0009): a kept figure, a zone, a region, an industry, a campaign.
    // Read it before the figures it labels, in the same transaction.
    virtual Result<std::int64_t> figures_generation() = 0;

    // Users, tokens, sessions
    virtual Result<std::int64_t> insert_user(const domain::User& u) = 0;
    virtual Result<void> update_user(const domain::User& u, std::int64_t expected_version) = 0;
    virtual Result<std::optional<domain::User>> find_user_by_name(std::string_view name) = 0;
    virtual Result<std::optional<domain::User>> get_user(std::int64_t id) = 0;
    virtual Result<void> insert_api_token(const ApiToken& t) = 0;
    // Only a token that has not expired at `now` finds its user.
    virtual Result<std::optional<TokenHolder>> find_user_by_token_hash(std::string_view token_hash, Timestamp now) = 0;
    // zone_region_prefix: only zone accounts whose zone lies in that region (a city's view);
    // none: every account. By name.
    virtual Result<std::vector<domain::User>> list_users(std::optional<std::string_view> zone_region_prefix) = 0;
    // The same with each zone account's zone code, in one query (the user list).
    virtual Result<std::vector<ListedUser>> list_users_with_zones(
        std::optional<std::string_view> zone_region_prefix) = 0;
    virtual Result<std::vector<ApiToken>> list_api_tokens(std::int64_t user_id) = 0;
    // The owner's token with that id; the hash of the deleted token, none when there was none.
    virtual Result<std::optional<std::string>> delete_api_token_of(std::int64_t user_id, std::string_view token_id) = 0;
    virtual Result<void> touch_session(std::string_view session_hash, Timestamp last_seen_at) = 0;
    // Ends every session of the user but `keep_hash` (empty: all); how many ended.
    virtual Result<std::int64_t> delete_user_sessions(std::int64_t user_id, std::string_view keep_hash) = 0;
    // Deletes sessions past their absolute expiry or idle since before `idle_before`; how many.
    virtual Result<std::int64_t> purge_sessions(Timestamp now, Timestamp idle_before) = 0;
    // The owner of the revoked token, or nullopt when no token has this hash.
    virtual Result<std::optional<std::int64_t>> delete_api_token(std::string_view token_hash) = 0;
    virtual Result<void> insert_session(const SessionRecord& s) = 0;
    // The counts kept under these keys (missing keys have none).
    virtual Result<std::vector<LoginFailures>> login_failures(const std::vector<std::string>& key_hashes) = 0;
    // The count under `key_hash`, locked until the transaction ends (a zero count is created when
    // there is none), so failures counted at once by several servers all count.
    virtual Result<LoginFailures> lock_login_failures(const std::string& key_hash) = 0;
    virtual Result<void> put_login_failures(const LoginFailures& f) = 0;
    virtual Result<void> clear_login_failures(const std::string& key_hash) = 0;
    // Deletes counts whose last failure is before `before` and that lock nothing at `now`.
    virtual Result<std::int64_t> purge_login_failures(Timestamp before, Timestamp now) = 0;
    virtual Result<std::optional<SessionRecord>> find_session(std::string_view session_hash, Timestamp now) = 0;
    virtual Result<void> delete_session(std::string_view session_hash) = 0;

    // Progress reports. insert sets version 1 (kConflict naming `month` when the project already
    // has a report for that month); update succeeds only if the stored version equals
    // expected_version (else kConflict, nothing written) and stores version + 1.
    virtual Result<std::int64_t> insert_progress_report(const ReportRecord& r) = 0;
    // Many at once (loading data): all or none, ids not returned.
    virtual Result<void> insert_progress_reports(const std::vector<ReportRecord>& records) = 0;
    virtual Result<void> update_progress_report(const ReportRecord& r, std::int64_t expected_version) = 0;
    virtual Result<std::optional<ReportView>> get_progress_report(const Scope& scope, std::int64_t id) = 0;
    // The id of the project's report for `month`, if any. Not scoped: ask after the project's scope check.
    virtual Result<std::optional<std::int64_t>> find_progress_report(std::int64_t project_id, domain::Month month) = 0;
    virtual Result<Page<ReportView>> list_progress_reports(const Scope& scope, const ReportQuery& q) = 0;
    // Every report of the given projects, any status, by project then month (the input to derived
    // figures and to the 150% rule). Not scoped: pass ids the caller may see.
    virtual Result<std::vector<domain::ProgressReport>> list_reports_of_projects(
        const std::vector<std::int64_t>& project_ids) = 0;
    // In-scope projects that may owe a report for the month, by project id.
    virtual Result<std::vector<ReportCandidate>> list_report_candidates(const Scope& scope,
                                                                        const CandidateQuery& q) = 0;

    // Coordination items. insert stores version 1 with created_at = updated_at = `at` (user 0 is
    // the system: created_by NULL); update changes the workflow fields only if the stored version
    // equals expected_version (else kConflict, nothing written) and stores version + 1. Reads
    // answer only items of projects inside `scope`.
    virtual Result<std::int64_t> insert_coordination_item(const domain::CoordinationItem& item, std::int64_t user_id,
                                                          Timestamp at) = 0;
    virtual Result<void> update_coordination_item(const domain::CoordinationItem& item, std::int64_t expected_version,
                                                  Timestamp at) = 0;
    virtual Result<std::optional<CoordinationItemRecord>> get_coordination_item(const Scope& scope,
                                                                                std::int64_t id) = 0;
    virtual Result<Page<CoordinationItemRecord>> list_coordination_items(const Scope& scope,
                                                                         const CoordinationQuery& q) = 0;

    // Imports (m0015). get_import is not scoped: the service checks the import's owner.
    // finish_import marks a previewed import committed with its counts; false when it was already
    // committed (or does not exist), so a file is committed at most once.
    virtual Result<std::int64_t> insert_import(const ImportRecord& record, std::string_view content) = 0;
    virtual Result<std::optional<ImportRecord>> get_import(std::int64_t id) = 0;
    virtual Result<std::optional<std::string>> import_content(std::int64_t id) = 0;
    virtual Result<bool> finish_import(std::int64_t id, const ImportCounts& counts, std::int64_t committed_at) = 0;
    // Tells the store that the rest of this transaction is a bulk write (an import's commit) that
    // gives the transaction up at its first failed call, and that it will insert about
    // `new_projects` projects. A backend whose transaction outlives a failed statement (SQLite)
    // then keeps no savepoint around each call (each copied every page the call touched), and may
    // set the projects' indexes aside and build them again before COMMIT when that is cheaper than
    // inserting into each. Answers and errors are as before.
    virtual Result<void> begin_bulk(std::int64_t new_projects) = 0;

    // Photos (m0006). The image and its thumbnail are stored with the record; reads of metadata
    // never load them. lock_photo_owner locks the owner's row until the transaction ends (false:
    // no such owner), so concurrent uploads take turns on the per-owner limit and on the owner's
    // state. Only get_photo is scoped (through the photo's project); ask the others after a
    // scope check of the owner.
    virtual Result<std::int64_t> insert_photo(const PhotoRecord& photo, std::string_view bytes,
                                              std::string_view thumbnail) = 0;
    virtual Result<std::optional<PhotoRecord>> get_photo(const Scope& scope, std::int64_t id) = 0;
    virtual Result<std::optional<std::string>> photo_bytes(std::int64_t id, PhotoPart part) = 0;
    virtual Result<std::vector<PhotoRecord>> list_photos(const PhotoOwner& owner) = 0;
    // Evidence photos of every stage-change record of the project, by record then id.
    virtual Result<std::vector<PhotoRecord>> list_stage_change_photos(std::int64_t project_id) = 0;
    virtual Result<bool> lock_photo_owner(const PhotoOwner& owner) = 0;
    virtual Result<std::int64_t> count_photos(const PhotoOwner& owner) = 0;
    // kNotFound when there is no such photo.
    virtual Result<void> delete_photo(std::int64_t id) = 0;

    // Audit log. append_audit locks the chain head (created by the first append), numbers the
    // entry head + 1, seals it on the head's hash with `hash_fn`, stores it and moves the head,
    // all inside this write transaction; it returns the sealed entry. Concurrent writers take
    // turns on the head, so the log stays one chain. A failure here must fail the whole write.
    virtual Result<domain::AuditEntry> append_audit(const domain::AuditEntry& entry,
                                                    const domain::HashFunction& hash_fn) = 0;
    // The same for several entries, numbered and chained in the order given, the head locked once.
    virtual Result<std::vector<domain::AuditEntry>> append_audits(const std::vector<domain::AuditEntry>& entries,
                                                                  const domain::HashFunction& hash_fn) = 0;
    virtual Result<std::optional<domain::ChainHead>> audit_head() = 0;
    virtual Result<AuditPage> list_audit(const AuditQuery& q) = 0;
    // Entries with seq > after_seq in seq order, at most `limit`: the chain as stored, for verifying.
    virtual Result<std::vector<domain::AuditEntry>> audit_chain_page(std::int64_t after_seq, std::int64_t limit) = 0;

    // Warning lights (m0017). The current rules are read once per transaction (and again after
    // insert_warning_rules); insert_warning_rules stores a new version, kConflict if it is taken.
    virtual Result<WarningRulesRecord> current_warning_rules() = 0;
    virtual Result<void> insert_warning_rules(const WarningRulesRecord& record) = 0;

    // --- Rankings (m0019) ---
    // The weights in force at `at` (the newest version stored at or before it; now without it);
    // version 1, the defaults, when none is. insert_ranking_weights stores a new version,
    // kConflict if it is taken.
    virtual Result<RankingWeightsRecord> ranking_weights(std::optional<Timestamp> at) = 0;
    virtual Result<void> insert_ranking_weights(const RankingWeightsRecord& record) = 0;
    // Every project in `scope` and every project of `also` (wherever it is now: it may have been
    // in scope at an earlier moment), with its realised years; with `activity_from`, also their
    // monthly reports from that month on and their coordination items.
    virtual Result<RankingFacts> ranking_facts(const Scope& scope, const std::vector<std::int64_t>& also,
                                               std::optional<domain::Month> activity_from) = 0;
    // The audit entries on `entity_type` written after `after` (Unix seconds), newest first.
    virtual Result<std::vector<domain::AuditEntry>> audit_entries_after(std::string_view entity_type,
                                                                        Timestamp after) = 0;
    // One project's facts as of `today` and its stored light, the project row locked until the
    // transaction ends (so two refreshes of one project take turns); none: no such project.
    virtual Result<std::optional<LightFactsRecord>> light_facts(std::int64_t project_id, domain::Date today) = 0;
    // The same for up to `limit` projects with ids above `after_id`, by id, nothing locked (the sweep).
    virtual Result<std::vector<LightFactsRecord>> light_facts_after(std::int64_t after_id, std::int64_t limit,
                                                                    domain::Date today) = 0;
    // The same for these projects, by id, their rows locked until the transaction ends (the
    // sweep reads again the projects whose light it will change).
    virtual Result<std::vector<LightFactsRecord>> light_facts_locked(const std::vector<std::int64_t>& project_ids,
                                                                     domain::Date today) = 0;
    // Stores the light (a green one removes the row), and a history row when the colour changed.
    virtual Result<void> save_light(const LightWrite& write) = 0;
    // The same for many projects (each at most once), in a few statements whatever their number.
    virtual Result<void> save_lights(const std::vector<LightWrite>& writes) = 0;
    // Not scoped: ask after the project's scope check.
    virtual Result<StoredLight> stored_light(std::int64_t project_id) = 0;
    virtual Result<std::vector<LightHistoryEntry>> light_history(std::int64_t project_id) = 0;
    virtual Result<Page<WarningItem>> list_warnings(const Scope& scope, const WarningQuery& q) = 0;
    // Counts of the projects the query selects, whatever its light filter and paging.
    virtual Result<WarningCounts> warning_counts(const Scope& scope, const WarningQuery& q) = 0;
    // Every stored light, by project (checks and tests).
    virtual Result<std::vector<std::pair<std::int64_t, StoredLight>>> all_stored_lights() = 0;
    // Claims the sweep of `day`: false when another run (or server) already has.
    virtual Result<bool> claim_sweep(domain::Date day, Timestamp at) = 0;
    virtual Result<void> finish_sweep(domain::Date day, Timestamp at, std::int64_t projects, std::int64_t changed) = 0;

    // Supervision notices (m0018). The current ladder (the defaults as version 1 while none is
    // stored); insert_escalation_ladder stores a new version, kConflict if it is taken.
    virtual Result<EscalationLadderRecord> current_escalation_ladder() = 0;
    virtual Result<void> insert_escalation_ladder(const EscalationLadderRecord& record) = 0;
    // A new notice at version 1 (its id); update_notice writes level, status, deadline and
    // escalation of `notice.id` if it is still at `expected_version` (kConflict if stale, kNotFound
    // if missing) and raises its version.
    virtual Result<std::int64_t> insert_notice(const domain::Notice& notice, Timestamp at) = 0;
    virtual Result<void> update_notice(const domain::Notice& notice, std::int64_t expected_version, Timestamp at) = 0;
    virtual Result<void> insert_notice_event(const NoticeEvent& event) = 0;
    // New notices of the escalation ladder at version 1, each skipped when its rung already holds
    // one: an open notice of the project's rung, or any of it for the same spell (m0018's unique
    // indexes decide, so two writers cannot both issue one). The ones written, in the order
    // given, with their ids; a few statements whatever their number.
    virtual Result<std::vector<domain::Notice>> insert_ladder_notices(const std::vector<domain::Notice>& notices,
                                                                      Timestamp at) = 0;
    virtual Result<void> insert_notice_events(const std::vector<NoticeEvent>& events) = 0;
    virtual Result<std::optional<NoticeRecord>> get_notice(const Scope& scope, std::int64_t id) = 0;
    // Not scoped: ask after the notice's scope check. Oldest first.
    virtual Result<std::vector<NoticeEvent>> notice_events(std::int64_t notice_id) = 0;
    virtual Result<Page<NoticeRecord>> list_notices(const Scope& scope, const NoticeQuery& q) = 0;
    virtual Result<NoticeCounts> notice_counts(const Scope& scope, const NoticeQuery& q) = 0;
    // The sweep (not scoped): open city notices past their deadline on `today`, never escalated,
    // with ids above `after_id`, by id, at most `limit`.
    virtual Result<std::vector<domain::Notice>> overdue_city_notices(domain::Date today, std::int64_t after_id,
                                                                     std::int64_t limit) = 0;
    // The ladder's facts of lit projects with ids above `after_project`, by id, at most `limit`.
    virtual Result<std::vector<domain::LadderFacts>> ladder_facts_after(std::int64_t after_project,
                                                                        std::int64_t limit) = 0;
    // Industry chains (m0020). insert_chain stores version 1 (kConflict naming `name` when taken);
    // update_chain succeeds only at `expected_version` (else kConflict, or kNotFound) and stores
    // version + 1; touch_chain moves the version on after a change of its nodes or mappings.
    virtual Result<std::int64_t> insert_chain(const domain::Chain& c) = 0;
    virtual Result<void> update_chain(const domain::Chain& c, std::int64_t expected_version) = 0;
    virtual Result<void> touch_chain(std::int64_t chain_id) = 0;
    virtual Result<std::optional<domain::Chain>> get_chain(std::int64_t id) = 0;
    virtual Result<std::optional<domain::Chain>> find_chain_by_name(std::string_view name) = 0;
    virtual Result<std::vector<domain::Chain>> list_chains() = 0;  // by id
    virtual Result<std::vector<domain::ChainNode>> list_chain_nodes(std::int64_t chain_id) = 0;  // by id
    virtual Result<std::optional<domain::ChainNode>> get_chain_node(std::int64_t id) = 0;
    virtual Result<std::int64_t> insert_chain_node(const domain::ChainNode& n) = 0;
    virtual Result<void> update_chain_node(const domain::ChainNode& n) = 0;
    virtual Result<void> delete_chain_nodes(const std::vector<std::int64_t>& ids) = 0;
    virtual Result<ChainNodeUses> chain_node_uses(const std::vector<std::int64_t>& ids) = 0;
    // Whether a project may refer to it.
    virtual Result<bool> chain_node_exists(std::int64_t id) = 0;
    // false: the mapping was already there (map) or was not (unmap).
    virtual Result<bool> map_chain_enterprise(std::int64_t node_id, std::int64_t enterprise_id) = 0;
    virtual Result<bool> unmap_chain_enterprise(std::int64_t node_id, std::int64_t enterprise_id) = 0;
    virtual Result<std::vector<ChainNodeEnterprise>> chain_node_enterprises(std::int64_t chain_id) = 0;
    virtual Result<std::vector<ChainEnterprise>> chain_owners(std::int64_t chain_id) = 0;  // by name
    virtual Result<bool> set_chain_owner(std::int64_t chain_id, std::int64_t enterprise_id, bool owner) = 0;
    // The chain's projects and enterprises (through their projects) inside `scope` and `area`.
    virtual Result<std::vector<ChainPresenceRow>> chain_presence(const Scope& scope, std::int64_t chain_id,
                                                                 const ChainArea& area) = 0;
    // The chain's owners that invest in a non-cancelled project of the chain's industry inside
    // `scope` and `area`.
    virtual Result<std::vector<std::int64_t>> chain_owners_in_area(const Scope& scope, std::int64_t chain_id,
                                                                   const ChainArea& area) = 0;
    // Projects mapped to the chain's nodes inside `scope`, cancelled ones included, by code.
    virtual Result<std::vector<ChainProject>> chain_projects(const Scope& scope, std::int64_t chain_id) = 0;
    // The chain with its nodes, enterprise mappings, owners and suppliers (the caller has checked
    // that no project maps to it).
    virtual Result<void> delete_chain(std::int64_t chain_id) = 0;
    // Known suppliers of chain owners (m0022). update and delete succeed only at `expected_version`
    // (else kConflict, or kNotFound); update stores version + 1.
    virtual Result<std::int64_t> insert_chain_supplier(const ChainSupplier& s) = 0;
    virtual Result<void> update_chain_supplier(const ChainSupplier& s, std::int64_t expected_version) = 0;
    virtual Result<void> delete_chain_supplier(std::int64_t id, std::int64_t expected_version) = 0;
    virtual Result<std::optional<ChainSupplier>> get_chain_supplier(std::int64_t id) = 0;
    virtual Result<std::vector<ChainSupplier>> list_chain_suppliers(std::int64_t chain_id) = 0;  // by name, id
    // How many suppliers the chain records for `owner_id`.
    virtual Result<std::int64_t> chain_owner_supplier_count(std::int64_t chain_id, std::int64_t owner_id) = 0;
};

// How busy the connection pool is, read without taking the pool's lock (for /metrics).
struct PoolUse {
    std::size_t size = 0;     // connections the pool may hold
    std::size_t in_use = 0;   // handed out now
    std::size_t waiting = 0;  // callers waiting for one
};

class Store {
public:
    virtual ~Store() = default;

    // Runs `body` in one read-write transaction: committed if it returns success, rolled back
    // (nothing written) if it returns an error or throws. Busy/locked databases are retried
    // a bounded number of times, then kUnavailable.
    virtual Result<void> write(const std::function<Result<void>(Tx&)>& body) = 0;
    // Runs `body` in a read-only transaction (a consistent snapshot).
    virtual Result<void> read(const std::function<Result<void>(Tx&)>& body) = 0;

    // Applies pending numbered migrations; returns how many were applied.
    virtual Result<int> migrate() = 0;
    virtual Result<int> schema_version() = 0;
    // "sqlite" or "postgresql"
    virtual std::string_view backend() const = 0;
    // How many writes can make progress at once: SQLite has one writer connection, PostgreSQL as
    // many as the store has connections. The server gives writes no more workers than this.
    virtual std::size_t concurrent_writes() const = 0;
    // A snapshot of the pool's counters; a store without a pool (test doubles) reports zeros.
    virtual PoolUse pool_use() const { return {}; }

    // Streams every row of every data table (data_tables() order, rows by primary key) from one
    // consistent snapshot into `sink`.
    virtual Result<void> export_data(RowSink& sink) = 0;
    // Loads rows into this database, which must be migrated to the same schema version and hold
    // no data (else kConflict). `producer` pushes tables into the sink it is given, e.g.
    // another store's export_data or a dump file reader. One transaction: all rows or none.
    // Unknown tables or columns are refused (kInvalidInput); identity sequences are advanced
    // past the largest imported id.
    virtual Result<void> import_data(const std::function<Result<void>(RowSink&)>& producer) = 0;

    // The backend's native consistent copy of the whole database, when it has one: SQLite writes
    // a ready-to-open database file with the online backup API and returns true. A backend
    // without a native single-file form returns false (use export_data) and writes nothing.
    virtual Result<bool> backup_native(const std::string& path) = 0;
    // Replaces this database's contents with a native backup taken by backup_native (true), or
    // returns false when the backend has no native form.
    virtual Result<bool> restore_native(const std::string& path) = 0;
};

}  // namespace sanpi::store
