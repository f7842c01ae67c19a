#pragma once
// The one implementation of Tx, for every backend: one object per transaction, running each query
// (written once, in the per-entity *_sql.hpp files) over the narrow sql::Connection. Methods are
// defined by entity in catalog_tx.cpp, projects_tx.cpp, project_list_tx.cpp, campaigns_tx.cpp,
// campaign_entries_tx.cpp, figures_tx.cpp, campaign_figures_tx.cpp, users_tx.cpp,
// progress_reports_tx.cpp, report_list_tx.cpp, audit_tx.cpp and photos_tx.cpp.
#include <map>
#include <optional>
#include <span>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "store/sql/bind.hpp"
#include "store/sql/bound_values.hpp"
#include "store/sql/connection.hpp"
#include "store/sql/figure_keys.hpp"
#include "store/sql/guard.hpp"
#include "store/sql/pair_shares.hpp"
#include "store/sql/project_list_query.hpp"
#include "store/sql/value_rows.hpp"
#include "store/store.hpp"

namespace sanpi::store::sql {

// Not final: a backend may add what only it can do (sqlite/sqlite_tx.hpp).
class SqlTx : public Tx {
public:
    explicit SqlTx(Connection& conn) : conn_(conn) {}

    Result<void> upsert_region(const domain::Region& r) override;
    Result<std::vector<domain::Region>> list_regions() override;
    Result<void> upsert_industry(const domain::Industry& i) override;
    Result<std::vector<domain::Industry>> list_industries() override;

    Result<std::int64_t> insert_zone(const domain::Zone& z) override;
    Result<std::optional<domain::Zone>> find_zone_by_code(std::string_view code) override;
    Result<std::optional<domain::Zone>> get_zone(const Scope& scope, std::int64_t id) override;
    Result<std::vector<domain::Zone>> list_zones(const Scope& scope) override;

    Result<std::int64_t> insert_enterprise(const domain::Enterprise& e) override;
    Result<std::optional<domain::Enterprise>> find_enterprise_by_credit_code(std::string_view code) override;
    Result<std::optional<domain::Enterprise>> find_visible_enterprise(const Scope& scope,
                                                                      std::string_view credit_code) override;
    Result<std::vector<std::int64_t>> visible_enterprise_ids(const Scope& scope,
                                                             const std::vector<std::int64_t>& ids) override;
    Result<void> link_enterprise_zone(std::int64_t enterprise_id, std::int64_t zone_id) override;
    Result<std::optional<domain::Enterprise>> get_enterprise(std::int64_t id) override;
    Result<ProjectReferences> find_project_references(const Scope& scope, std::int64_t zone_id,
                                                      std::string_view industry_code,
                                                      const std::vector<std::int64_t>& investor_ids,
                                                      const Scope& investor_scope) override;

    Result<std::int64_t> insert_project(const domain::Project& p) override;
    Result<void> update_project(const domain::Project& p, std::int64_t expected_version) override;
    Result<std::optional<domain::ProjectView>> get_project(const Scope& scope, std::int64_t id) override;
    Result<std::optional<domain::Project>> find_project_by_code(std::string_view code) override;
    Result<Page<domain::ProjectView>> list_projects(const Scope& scope, const ProjectQuery& q) override;
    Result<void> insert_stage_change(const domain::StageChange& c, std::int64_t user_id, Timestamp at) override;
    Result<std::vector<domain::StageChange>> list_stage_changes(std::int64_t project_id) override;
    Result<std::optional<domain::StageChange>> get_stage_change(std::int64_t project_id,
                                                                std::int64_t change_id) override;

    Result<bool> region_exists(std::string_view code) override;
    Result<void> insert_planned_date_change(const domain::PlannedDateChange& c) override;
    Result<std::vector<PlannedDateChangeEntry>> list_planned_date_changes(std::int64_t project_id) override;

    Result<std::int64_t> insert_campaign(const domain::Campaign& c) override;
    Result<void> update_campaign(const domain::Campaign& c, std::int64_t expected_version) override;
    Result<std::optional<domain::Campaign>> find_campaign_by_name(std::string_view name) override;
    Result<std::optional<domain::Campaign>> get_campaign(std::int64_t id) override;
    Result<std::optional<domain::Campaign>> lock_campaign(std::int64_t id) override;
    Result<std::vector<domain::Campaign>> list_campaigns() override;
    Result<int> last_campaign_sequence(int year) override;
    Result<void> insert_campaign_entry(const domain::CampaignEntry& e) override;
    Result<void> set_campaign_entry_status(const domain::CampaignEntry& e, domain::EntryStatus to,
                                           const std::string& reason) override;
    Result<void> delete_campaign_entry(const domain::CampaignEntry& e) override;
    Result<std::optional<domain::CampaignEntry>> find_campaign_entry(std::int64_t project_id,
                                                                     domain::BatchKind batch) override;
    Result<std::optional<domain::CampaignEntry>> get_campaign_entry(std::int64_t campaign_id, std::int64_t project_id,
                                                                    domain::BatchKind batch) override;
    Result<std::vector<domain::CampaignEntry>> project_campaign_entries(std::int64_t project_id) override;
    Result<std::vector<domain::CampaignEntry>> campaign_entries_with(std::int64_t campaign_id,
                                                                     domain::EntryStatus status) override;
    Result<std::int64_t> count_campaign_entries(std::int64_t campaign_id, domain::EntryStatus status) override;
    Result<std::vector<TopEntry>> campaign_top_entries(const Scope& scope, std::int64_t campaign_id,
                                                       domain::BatchKind batch, int limit) override;
    Result<ConversionCounts> campaign_conversion(const Scope& scope, domain::Date before) override;
    Result<std::vector<domain::EntryDrift>> counted_entries_now(const Scope& scope, std::int64_t campaign_id) override;
    Result<std::vector<domain::BatchSummary>> campaign_batches(const Scope& scope, std::int64_t campaign_id) override;
    Result<std::vector<domain::BatchFigure>> campaign_zone_figures(const Scope& scope,
                                                                   std::int64_t campaign_id) override;
    Result<std::vector<domain::BatchIndustryTotal>> campaign_industry_totals(const Scope& scope,
                                                                             std::int64_t campaign_id) override;
    Result<Page<CampaignEntryView>> list_campaign_entries(const Scope& scope, const CampaignEntryQuery& q) override;
    Result<std::vector<domain::BatchIndustryFigure>> kept_campaign_industries() override;
    Result<std::vector<domain::BatchIndustryFigure>> recomputed_campaign_industries() override;
    Result<std::vector<domain::BatchBandFigure>> kept_campaign_bands() override;
    Result<std::vector<domain::BatchBandFigure>> recomputed_campaign_bands() override;
    Result<std::vector<domain::BatchBandFigure>> campaign_band_totals(const Scope& scope,
                                                                      std::int64_t campaign_id) override;
    Result<domain::KeptFigures> kept_figures(const Scope& scope) override;
    Result<std::int64_t> stale_campaign_entries() override;
    Result<domain::KeptFigures> recomputed_figures() override;
    Result<void> rebuild_figures() override;
    Result<std::int64_t> figures_generation() override;

    Result<std::int64_t> insert_user(const domain::User& u) override;
    Result<void> update_user(const domain::User& u, std::int64_t expected_version) override;
    Result<std::optional<domain::User>> find_user_by_name(std::string_view name) override;
    Result<std::optional<domain::User>> get_user(std::int64_t id) override;
    Result<void> insert_api_token(const ApiToken& t) override;
    Result<std::optional<std::int64_t>> delete_api_token(std::string_view token_hash) override;
    Result<std::optional<TokenHolder>> find_user_by_token_hash(std::string_view token_hash, Timestamp now) override;
    Result<std::vector<domain::User>> list_users(std::optional<std::string_view> zone_region_prefix) override;
    Result<std::vector<ListedUser>> list_users_with_zones(std::optional<std::string_view> zone_region_prefix) override;
    Result<std::vector<ApiToken>> list_api_tokens(std::int64_t user_id) override;
    Result<std::optional<std::string>> delete_api_token_of(std::int64_t user_id, std::string_view token_id) override;
    Result<void> touch_session(std::string_view session_hash, Timestamp last_seen_at) override;
    Result<std::int64_t> delete_user_sessions(std::int64_t user_id, std::string_view keep_hash) override;
    Result<std::int64_t> purge_sessions(Timestamp now, Timestamp idle_before) override;
    Result<std::vector<LoginFailures>> login_failures(const std::vector<std::string>& key_hashes) override;
    Result<LoginFailures> lock_login_failures(const std::string& key_hash) override;
    Result<void> put_login_failures(const LoginFailures& f) override;
    Result<void> clear_login_failures(const std::string& key_hash) override;
    Result<std::int64_t> purge_login_failures(Timestamp before, Timestamp now) override;
    Result<void> insert_session(const SessionRecord& s) override;
    Result<std::optional<SessionRecord>> find_session(std::string_view session_hash, Timestamp now) override;
    Result<void> delete_session(std::string_view session_hash) override;

    Result<std::int64_t> insert_progress_report(const ReportRecord& r) override;
    Result<void> insert_progress_reports(const std::vector<ReportRecord>& records) override;
    Result<void> update_progress_report(const ReportRecord& r, std::int64_t expected_version) override;
    Result<std::optional<ReportView>> get_progress_report(const Scope& scope, std::int64_t id) override;
    Result<std::optional<std::int64_t>> find_progress_report(std::int64_t project_id, domain::Month month) override;
    Result<Page<ReportView>> list_progress_reports(const Scope& scope, const ReportQuery& q) override;
    Result<std::vector<domain::ProgressReport>> list_reports_of_projects(
        const std::vector<std::int64_t>& project_ids) override;
    Result<std::vector<ReportCandidate>> list_report_candidates(const Scope& scope, const CandidateQuery& q) override;
    Result<std::int64_t> insert_coordination_item(const domain::CoordinationItem& item, std::int64_t user_id,
                                                  Timestamp at) override;
    Result<void> update_coordination_item(const domain::CoordinationItem& item, std::int64_t expected_version,
                                          Timestamp at) override;
    Result<std::optional<CoordinationItemRecord>> get_coordination_item(const Scope& scope, std::int64_t id) override;
    Result<Page<CoordinationItemRecord>> list_coordination_items(const Scope& scope,
                                                                 const CoordinationQuery& q) override;
    Result<std::int64_t> insert_import(const ImportRecord& record, std::string_view content) override;
    Result<std::optional<ImportRecord>> get_import(std::int64_t id) override;
    Result<std::optional<std::string>> import_content(std::int64_t id) override;
    Result<bool> finish_import(std::int64_t id, const ImportCounts& counts, std::int64_t committed_at) override;
    Result<void> begin_bulk(std::int64_t new_projects) override;
    Result<std::int64_t> insert_photo(const PhotoRecord& photo, std::string_view bytes,
                                      std::string_view thumbnail) override;
    Result<std::optional<PhotoRecord>> get_photo(const Scope& scope, std::int64_t id) override;
    Result<std::optional<std::string>> photo_bytes(std::int64_t id, PhotoPart part) override;
    Result<std::vector<PhotoRecord>> list_photos(const PhotoOwner& owner) override;
    Result<std::vector<PhotoRecord>> list_stage_change_photos(std::int64_t project_id) override;
    Result<bool> lock_photo_owner(const PhotoOwner& owner) override;
    Result<std::int64_t> count_photos(const PhotoOwner& owner) override;
    Result<void> delete_photo(std::int64_t id) override;
    // Writes the figure changes this transaction's writes made (see PendingFigures); the store
    // calls it once, after the body succeeded and before COMMIT.
    Result<void> flush_figures();

    Result<domain::AuditEntry> append_audit(const domain::AuditEntry& entry,
                                            const domain::HashFunction& hash_fn) override;
    Result<std::vector<domain::AuditEntry>> append_audits(const std::vector<domain::AuditEntry>& entries,
                                                          const domain::HashFunction& hash_fn) override;
    Result<std::optional<domain::ChainHead>> audit_head() override;
    Result<AuditPage> list_audit(const AuditQuery& q) override;
    Result<std::vector<domain::AuditEntry>> audit_chain_page(std::int64_t after_seq, std::int64_t limit) override;

    // Warning lights (lights_tx.cpp, warnings_tx.cpp).
    Result<WarningRulesRecord> current_warning_rules() override;
    Result<void> insert_warning_rules(const WarningRulesRecord& record) override;
    Result<RankingWeightsRecord> ranking_weights(std::optional<Timestamp> at) override;
    Result<void> insert_ranking_weights(const RankingWeightsRecord& record) override;
    Result<RankingFacts> ranking_facts(const Scope& scope, const std::vector<std::int64_t>& also,
                                       std::optional<domain::Month> activity_from) override;
    Result<std::vector<domain::AuditEntry>> audit_entries_after(std::string_view entity_type, Timestamp after) override;
    Result<std::optional<LightFactsRecord>> light_facts(std::int64_t project_id, domain::Date today) override;
    Result<std::vector<LightFactsRecord>> light_facts_after(std::int64_t after_id, std::int64_t limit,
                                                            domain::Date today) override;
    Result<std::vector<LightFactsRecord>> light_facts_locked(const std::vector<std::int64_t>& project_ids,
                                                             domain::Date today) override;
    Result<void> save_light(const LightWrite& write) override;
    Result<void> save_lights(const std::vector<LightWrite>& writes) override;
    Result<StoredLight> stored_light(std::int64_t project_id) override;
    Result<std::vector<LightHistoryEntry>> light_history(std::int64_t project_id) override;
    Result<Page<WarningItem>> list_warnings(const Scope& scope, const WarningQuery& q) override;
    Result<WarningCounts> warning_counts(const Scope& scope, const WarningQuery& q) override;
    Result<std::vector<std::pair<std::int64_t, StoredLight>>> all_stored_lights() override;
    Result<bool> claim_sweep(domain::Date day, Timestamp at) override;
    Result<void> finish_sweep(domain::Date day, Timestamp at, std::int64_t projects, std::int64_t changed) override;

    // Supervision notices (notices_tx.cpp).
    Result<EscalationLadderRecord> current_escalation_ladder() override;
    Result<void> insert_escalation_ladder(const EscalationLadderRecord& record) override;
    Result<std::int64_t> insert_notice(const domain::Notice& notice, Timestamp at) override;
    Result<void> update_notice(const domain::Notice& notice, std::int64_t expected_version, Timestamp at) override;
    Result<void> insert_notice_event(const NoticeEvent& event) override;
    Result<std::vector<domain::Notice>> insert_ladder_notices(const std::vector<domain::Notice>& notices,
                                                              Timestamp at) override;
    Result<void> insert_notice_events(const std::vector<NoticeEvent>& events) override;
    Result<std::optional<NoticeRecord>> get_notice(const Scope& scope, std::int64_t id) override;
    Result<std::vector<NoticeEvent>> notice_events(std::int64_t notice_id) override;
    Result<Page<NoticeRecord>> list_notices(const Scope& scope, const NoticeQuery& q) override;
    Result<NoticeCounts> notice_counts(const Scope& scope, const NoticeQuery& q) override;
    Result<std::vector<domain::Notice>> overdue_city_notices(domain::Date today, std::int64_t after_id,
                                                             std::int64_t limit) override;
    Result<std::vector<domain::LadderFacts>> ladder_facts_after(std::int64_t after_project,
                                                                std::int64_t limit) override;
    // Industry chains (chains_tx.cpp).
    Result<std::int64_t> insert_chain(const domain::Chain& c) override;
    Result<void> update_chain(const domain::Chain& c, std::int64_t expected_version) override;
    Result<void> touch_chain(std::int64_t chain_id) override;
    Result<std::optional<domain::Chain>> get_chain(std::int64_t id) override;
    Result<std::optional<domain::Chain>> find_chain_by_name(std::string_view name) override;
    Result<std::vector<domain::Chain>> list_chains() override;
    Result<std::vector<domain::ChainNode>> list_chain_nodes(std::int64_t chain_id) override;
    Result<std::optional<domain::ChainNode>> get_chain_node(std::int64_t id) override;
    Result<std::int64_t> insert_chain_node(const domain::ChainNode& n) override;
    Result<void> update_chain_node(const domain::ChainNode& n) override;
    Result<void> delete_chain_nodes(const std::vector<std::int64_t>& ids) override;
    Result<ChainNodeUses> chain_node_uses(const std::vector<std::int64_t>& ids) override;
    Result<bool> chain_node_exists(std::int64_t id) override;
    Result<bool> map_chain_enterprise(std::int64_t node_id, std::int64_t enterprise_id) override;
    Result<bool> unmap_chain_enterprise(std::int64_t node_id, std::int64_t enterprise_id) override;
    Result<std::vector<ChainNodeEnterprise>> chain_node_enterprises(std::int64_t chain_id) override;
    Result<std::vector<ChainEnterprise>> chain_owners(std::int64_t chain_id) override;
    Result<bool> set_chain_owner(std::int64_t chain_id, std::int64_t enterprise_id, bool owner) override;
    Result<std::vector<ChainPresenceRow>> chain_presence(const Scope& scope, std::int64_t chain_id,
                                                         const ChainArea& area) override;
    Result<std::vector<std::int64_t>> chain_owners_in_area(const Scope& scope, std::int64_t chain_id,
                                                           const ChainArea& area) override;
    Result<std::vector<ChainProject>> chain_projects(const Scope& scope, std::int64_t chain_id) override;
    Result<void> delete_chain(std::int64_t chain_id) override;
    Result<std::int64_t> insert_chain_supplier(const ChainSupplier& s) override;
    Result<void> update_chain_supplier(const ChainSupplier& s, std::int64_t expected_version) override;
    Result<void> delete_chain_supplier(std::int64_t id, std::int64_t expected_version) override;
    Result<std::optional<ChainSupplier>> get_chain_supplier(std::int64_t id) override;
    Result<std::vector<ChainSupplier>> list_chain_suppliers(std::int64_t chain_id) override;
    Result<std::int64_t> chain_owner_supplier_count(std::int64_t chain_id, std::int64_t owner_id) override;

private:
    // Runs a read (which returns a Result) and turns database failures into user-facing errors.
    template <class Body>
    auto guarded(Body&& body) -> decltype(body()) {
        return guard_sql(body);
    }

    // Runs a write inside a savepoint, so a failed call (a duplicate code, a missing reference)
    // leaves nothing behind while the caller goes on with the transaction. PostgreSQL needs this
    // (it aborts the whole transaction on any error); on SQLite it also undoes the earlier
    // statements of a multi-statement write. `foreign_keys` lists the references the write
    // makes, probed after a foreign-key failure, once the savepoint is rolled back.
    template <class Body>
    auto atomically(Body&& body, const ForeignKeys& foreign_keys = {}) -> decltype(body());
    void undo_call() noexcept;

    // kNotFound when no row answers `exists_sql` for `id`, else kConflict (a stale version).
    Result<void> stale_or_missing(std::string_view exists_sql, std::int64_t id, std::string_view what_zh,
                                  std::string_view what_en);
    void load_page_investors(std::vector<domain::ProjectView>& views);
    // The same for a page of campaign entries, whose projects may repeat (one per batch).
    void load_entry_investors(std::vector<CampaignEntryView>& entries);
    // How the list's text narrows the rows (project_list_query.hpp), from the pair statistics the
    // connection shares with its store's others, read again when stale.
    TextPlan text_plan(const ProjectQuery& q, std::int64_t count_limit);
    PairStatistics read_pair_statistics();
    // A project's investors, and its funding breakdown and realised figures
    // (project_identity_tx.cpp), each replaced as a whole: `replace` false for a new project,
    // which has none to delete.
    void write_investors(const domain::Project& p, bool replace = true);
    void write_commitments(const domain::Project& p, bool replace = true);
    // The statements that read a project's investors and commitments, bound to its id, so they
    // can run together with the project's own row (Connection::run_together).
    struct ProjectParts {
        std::unique_ptr<Statement> investors;
        std::unique_ptr<Statement> funding;
        std::unique_ptr<Statement> realised;
    };
    ProjectParts project_parts(std::int64_t id);
    // Reads their rows into `p`, and the investors' names into `names` when given.
    void read_project_parts(ProjectParts& parts, domain::Project& p, std::vector<std::string>* names,
                            std::vector<std::string>* credit_codes = nullptr);
    void load_project_parts(domain::Project& p, std::vector<std::string>* names);
    // A statement of `rows` rows or ids (value_rows.hpp): kept on the connection when it has one
    // or a full chunk, the shapes that repeat; prepared for this once otherwise.
    std::unique_ptr<Statement> prepare_rows(const std::string& sql, std::size_t rows);
    // One row per item, written by multi-row statements (value_rows.hpp): `head`, then `row` once
    // per item of a chunk, then `tail`; `bind(statement, index, item)` binds an item's row from
    // `index` and returns the next index. Nothing is read back, so each statement goes with the
    // next one sent (run_later): on PostgreSQL they cost no round trip of their own.
    template <class T, class Bind>
    void write_rows_later(std::string_view head, std::string_view row, std::string_view tail, std::span<const T> items,
                          const Bind& bind);
    // The row of lights::kStoredLight, run; no row is a project never lit (green).
    static StoredLight read_stored_light(Statement& q);
    // What an update of `p` changes: the row's new values as bound, and the parameters among them
    // (projects::kProjectFieldColumns, from 1) that differ from `stored`'s.
    struct ChangedFields {
        BoundValues values;
        std::vector<int> parameters;
    };
    static ChangedFields changed_fields(const domain::Project& p, const domain::Project& stored);
    // Kept figures (figures_tx.cpp): a project's contribution moved from `before` (none: a new
    // project) to `after`; its campaign entries' when its zone or investment changed; a new entry.
    // Batch deltas are (projects, investment fen) per (campaign, zone, batch).
    void add_project_figures(const std::optional<ProjectFigureKey>& before, const ProjectFigureKey& after);
    void move_entry_figures(std::int64_t project_id, const ProjectFigureKey& before, const ProjectFigureKey& after);
    void add_entry_figures(const domain::CampaignEntry& e, const ProjectFigureKey& project);
    void add_batch_figure(std::int64_t campaign_id, std::int64_t zone_id, domain::BatchKind batch,
                          std::int64_t projects, std::int64_t investment_fen);
    // One entry of `project` (its zone, industry and investment) added (+1) or taken away (-1).
    void add_campaign_industry_figure(std::int64_t campaign_id, domain::BatchKind batch,
                                      const ProjectFigureKey& project, int sign);
    // The figure fields of the stored project (at `version`, if given), its row locked; none:
    // missing or stale.
    std::optional<ProjectFigureKey> lock_project_figures(std::int64_t id, std::optional<std::int64_t> version);

protected:
    Connection& conn_;

private:
    // False in a bulk write on a backend whose transaction outlives a failed statement (begin_bulk):
    // the caller gives the transaction up at the first failed call, so none needs undoing alone.
    bool call_savepoints_ = true;
    PendingFigures figures_;                   // restored with the savepoint when a call is undone (atomically)
    std::optional<WarningRulesRecord> rules_;  // the current warning rules, read once per transaction
};

inline constexpr std::string_view kSavepoint = "SAVEPOINT sanpi_call";
inline constexpr std::string_view kReleaseSavepoint = "RELEASE SAVEPOINT sanpi_call";
inline constexpr std::string_view kUndoSavepoint = "ROLLBACK TO SAVEPOINT sanpi_call";

template <class T, class Bind>
void SqlTx::write_rows_later(std::string_view head, std::string_view row, std::string_view tail,
                             std::span<const T> items, const Bind& bind) {
    for_each_chunk(items, [&](std::span<const T> chunk) {
        auto q = prepare_rows(std::string(head) + repeated_rows(row, chunk.size()) + std::string(tail), chunk.size());
        int index = 1;
        for (const auto& item : chunk) index = bind(*q, index, item);
        conn_.run_later(std::move(q));
    });
}

template <class Body>
auto SqlTx::atomically(Body&& body, const ForeignKeys& foreign_keys) -> decltype(body()) {
    return guard_sql(
        [&]() -> decltype(body()) {
            // The savepoint statements go with the next statement sent (execute_later): on
            // PostgreSQL they cost no round trip of their own.
            const bool savepoint = call_savepoints_;
            if (savepoint) conn_.execute_later(kSavepoint);
            // The call's figures start empty and join the transaction's only when it succeeds.
            PendingFigures before_call = std::exchange(figures_, {});
            try {
                auto result = body();
                if (savepoint && !result) conn_.execute_later(kUndoSavepoint);
                if (savepoint) conn_.execute_later(kReleaseSavepoint);
                if (result) before_call.absorb(std::move(figures_));
                figures_ = std::move(before_call);
                return result;
            } catch (...) {
                figures_ = std::move(before_call);
                if (savepoint) undo_call();
                throw;
            }
        },
        foreign_keys, &conn_);
}

}  // namespace sanpi::store::sql
