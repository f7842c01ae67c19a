#include "store/migrations.hpp"

#include <array>

#include "store/migrations/m0001_initial.hpp"
#include "store/migrations/m0005_project_identity.hpp"

namespace sanpi::store {
namespace {

constexpr std::array kMigrations{
    Migration{1, "initial schema", migrations::kM0001Initial},
    // Placeholders only on the identity branch, where m0002-m0004 (monthly reports, coordination
    // items, audit log) are written in parallel: numbers must increase by one. When merging, replace
    // these three lines with the real migrations.
    Migration{2, "placeholder for m0002", "SELECT 1"},
    Migration{3, "placeholder for m0003", "SELECT 1"},
    Migration{4, "placeholder for m0004", "SELECT 1"},
    Migration{5, "project identity, funding, capacity agreement, planned date history",
              migrations::kM0005ProjectIdentity},
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

std::span<const std::string_view> data_tables() {
    static constexpr std::string_view kTables[] = {
        "regions",
        "industries",
        "zones",
        "enterprises",
        "projects",
        "project_investors",
        "users",
        "project_stage_changes",
        "campaigns",
        "campaign_venues",
        "campaign_entries",
        "api_tokens",
        "sessions",
        // m0005
        "project_funding",
        "project_realised",
        "planned_date_changes",
    };
    return kTables;
}

std::string_view schema_migrations_ddl() { return kSchemaMigrationsDdl; }

}  // namespace sanpi::store
