#include "store/migrations.hpp"

#include <array>

#include "store/migrations/m0001_initial.hpp"
#include "store/migrations/m0002_progress_reports.hpp"
#include "store/migrations/m0003_coordination_items.hpp"
#include "store/migrations/m0004_audit_log.hpp"
#include "store/migrations/m0005_project_identity.hpp"
#include "store/migrations/m0006_photos.hpp"
#include "store/migrations/m0007_list_indexes.hpp"
#include "store/migrations/m0008_kept_figures.hpp"
#include "store/migrations/m0009_figures_generation.hpp"
#include "store/migrations/m0010_bigram_search.hpp"
#include "store/migrations/m0011_faster_bigrams.hpp"
#include "store/migrations/m0012_search_on_text_change.hpp"
#include "store/migrations/m0013_campaign_industries.hpp"
#include "store/migrations/m0014_campaign_workflow.hpp"
#include "store/migrations/m0015_imports.hpp"
#include "store/migrations/m0016_import_entries.hpp"
#include "store/migrations/m0017_warning_lights.hpp"
#include "store/migrations/m0018_notices.hpp"
#include "store/migrations/m0019_rankings.hpp"
#include "store/migrations/m0020_industry_chains.hpp"
#include "store/migrations/m0021_accounts.hpp"
#include "store/migrations/m0022_chain_suppliers.hpp"
#include "store/migrations/m0023_enterprise_zones.hpp"
#include "store/migrations/m0024_login_throttle.hpp"
#include "store/migrations/m0025_search_kept_at_commit.hpp"
#include "store/migrations/m0026_checks_without_in_lists.hpp"

namespace sanpi::store {
namespace {

constexpr std::array kMigrations{
    Migration{1, "initial schema", migrations::kM0001Initial},
    Migration{2, "progress reports", migrations::kM0002ProgressReports},
    Migration{3, "coordination items", migrations::kM0003CoordinationItems},
    Migration{4, "audit log", migrations::kM0004AuditLog},
    Migration{5, "project identity, funding, capacity agreement, planned date history",
              migrations::kM0005ProjectIdentity},
    Migration{6, "photos of reports and of pause or restart records", migrations::kM0006Photos},
    Migration{7, "project list: city column, composite indexes, indexed text search", migrations::kM0007ListIndexes,
              migrations::kM0007ListIndexesSqlite, migrations::kM0007ListIndexesPostgres},
    Migration{8, "figures kept up to date on write for dashboards and campaign summaries",
              migrations::kM0008KeptFigures},
    Migration{9, "a generation number of the figures, for answers kept between requests",
              migrations::kM0009FiguresGeneration},
    Migration{10,
              "two-character text search through an index",
              {},
              migrations::kM0010BigramSearchSqlite,
              migrations::kM0010BigramSearchPostgres},
    Migration{
        11, "PostgreSQL: character pairs of a text computed faster", {}, {}, migrations::kM0011FasterBigramsPostgres},
    Migration{12,
              "SQLite: the search index follows changes of the searched texts only",
              {},
              migrations::kM0012SearchOnTextChangeSqlite},
    Migration{13, "campaign figures kept per industry; indexes for a campaign's entry list",
              migrations::kM0013CampaignIndustries},
    Migration{14, "campaigns planned, held and closed; entries proposed, confirmed, withdrawn and frozen when held",
              migrations::kM0014CampaignWorkflow},
    Migration{15, "spreadsheet imports kept with their file, previewed then committed", migrations::kM0015Imports},
    Migration{16, "imports of a campaign's batch list name the campaign and batch", migrations::kM0016ImportEntries},
    Migration{17, "warning lights: rules by version, each project's light, its history, daily sweeps",
              migrations::kM0017WarningLights},
    Migration{18, "supervision notices: the escalation ladder by version, notices and their history",
              migrations::kM0018Notices},
    Migration{19, "zone rankings: indicator weights by version; audit entries found by type and time",
              migrations::kM0019Rankings},
    Migration{20, "industry chains: chains, their trees of nodes, enterprises mapped to nodes, chain owners",
              migrations::kM0020IndustryChains},
    Migration{21, "accounts: display names, forced password change, idle sessions, token ids and expiry",
              migrations::kM0021Accounts},
    Migration{22, "known suppliers of chain owners", migrations::kM0022ChainSuppliers},
    Migration{23, "enterprises seen by the zones that registered them", migrations::kM0023EnterpriseZones},
    Migration{24, "log-in failures counted per account name and client address, shared by every server",
              migrations::kM0024LoginThrottle},
    Migration{25,
              "SQLite: the search index brought up to date once per transaction; a new project's city written with it",
              {},
              migrations::kM0025SearchKeptAtCommitSqlite},
    Migration{26,
              "SQLite: allowed values checked by comparisons instead of IN lists, which build an index per row",
              {},
              migrations::kM0026ChecksWithoutInListsSqlite,
              {},
              true},
};

constexpr std::string_view kSchemaMigrationsDdl = R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
    number     INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at BIGINT NOT NULL
)
)sql";

}  // namespace

std::span<const Migration> all_migrations() { return kMigrations; }

std::string migration_sql(const Migration& m, Dialect dialect) {
    std::string text(m.sql);
    text += dialect == Dialect::kSqlite ? m.sqlite_sql : m.postgres_sql;
    return render_sql(text, dialect);
}

std::span<const std::string_view> data_tables() {
    // In dependency order: a table comes after every table it references.
    static constexpr std::string_view kTables[] = {
        "regions",
        "industries",
        "zones",
        "enterprises",
        "enterprise_zones",
        "projects",
        "project_investors",
        "users",
        "project_stage_changes",
        "campaigns",
        "campaign_venues",
        "campaign_entries",
        "imports",
        "api_tokens",
        "sessions",
        "login_throttle",
        "progress_reports",
        "coordination_items",
        "audit_log",
        "audit_head",
        "project_funding",
        "project_realised",
        "planned_date_changes",
        "photos",
        "warning_rules",
        "project_lights",
        "project_light_rules",
        "light_history",
        "sweeps",
        "escalation_ladders",
        "notices",
        "notice_events",
        "ranking_weights",
        "chains",
        "chain_nodes",
        "chain_node_enterprises",
        "chain_owners",
        "chain_suppliers",
    };
    return kTables;
}

std::string_view schema_migrations_ddl() { return kSchemaMigrationsDdl; }

std::string_view seed_cleanup_sql() { return migrations::kM0017SeedCleanup; }

}  // namespace sanpi::store
