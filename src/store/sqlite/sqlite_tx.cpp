#include "store/sqlite/sqlite_tx.hpp"

#include <string_view>

#include "store/internal_log.hpp"
#include "store/sql/guard.hpp"

namespace sanpi::store::sqlite {
namespace {

constexpr std::int64_t kFewestToSetAside = 2000;

constexpr std::string_view kStoredProjects = "SELECT count(*) FROM projects";

// Those that check nothing: a unique index (the code, the national code) must see every insert.
constexpr std::string_view kPlainIndexes = R"sql(
SELECT name, sql FROM sqlite_schema
WHERE type = 'index' AND tbl_name = 'projects' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE %'
ORDER BY name
)sql";

// Without those indexes the rows go to the ends of a few b-trees, and a smaller page cache does:
// SQLite's 64 MiB (kWriterSettings) beside 100,000 rows in memory was 330 MiB at the peak. It
// also bounds the memory CREATE INDEX sorts in.
constexpr std::string_view kBulkCache = "PRAGMA cache_size = -16384";

std::string quoted_identifier(std::string_view name) {
    std::string out = "\"";
    for (char c : name) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace

SqliteTx::~SqliteTx() {
    if (!small_cache_) return;
    try {
        sqlite_.exec(kWriterSettings);
    } catch (const SqliteError& e) {
        log_internal(std::string("restoring the writer's page cache failed: ") + e.what());
    }
}

Result<void> SqliteTx::begin_bulk(std::int64_t new_projects) {
    if (auto bulk = SqlTx::begin_bulk(new_projects); !bulk) return bulk;
    if (new_projects < kFewestToSetAside || !set_aside_.empty()) return {};
    return sql::guard_sql([&]() -> Result<void> {
        std::int64_t stored = 0;
        {
            auto count = sqlite_.query(kStoredProjects);
            if (count->step()) stored = count->int64(0);
        }
        if (new_projects * 4 < stored) return {};
        std::vector<std::string> names;
        {
            auto q = sqlite_.query(kPlainIndexes);
            while (q->step()) {
                names.push_back(q->text(0));
                set_aside_.push_back(q->text(1));
            }
        }
        for (const auto& name : names) sqlite_.exec("DROP INDEX " + quoted_identifier(name));
        sqlite_.exec(kBulkCache);
        small_cache_ = true;
        return {};
    });
}

Result<void> SqliteTx::restore_indexes() {
    if (set_aside_.empty()) return {};
    return sql::guard_sql([&]() -> Result<void> {
        for (const auto& create : set_aside_) sqlite_.exec(create);
        set_aside_.clear();
        sqlite_.exec(kWriterSettings);
        small_cache_ = false;
        return {};
    });
}

}  // namespace sanpi::store::sqlite
