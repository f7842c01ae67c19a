#pragma once
// The server backend: PostgreSQL through libpq, for deployments with many servers or more data
// than one SQLite file should hold. Same schema (migrations.hpp), same semantics as sqlite/.
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "store/postgres/pg_conninfo.hpp"
#include "store/postgres/pg_pool.hpp"
#include "store/store.hpp"

namespace sanpi::store::postgres {

class PgStore final : public Store {
public:
    // Parses the URL and opens one session to check it. A URL that cannot work (unparseable,
    // unknown database or user, bad setting) is kInvalidInput naming "db"; an unreachable or
    // starting server is kUnavailable (also naming "db"). Does not migrate.
    static Result<std::unique_ptr<Store>> open(std::string_view url, PgOptions options = {});

    PgStore(ConnTarget target, PgOptions options, std::unique_ptr<Connection> first);

    Result<void> write(const std::function<Result<void>(Tx&)>& body) override;
    Result<void> read(const std::function<Result<void>(Tx&)>& body) override;
    Result<int> migrate() override;
    Result<int> schema_version() override;
    std::string_view backend() const override { return "postgresql"; }
    std::size_t concurrent_writes() const override { return max_connections_; }
    PoolUse pool_use() const override { return {max_connections_, pool_.in_use(), pool_.waiting()}; }
    Result<void> export_data(RowSink& sink) override;
    Result<void> import_data(const std::function<Result<void>(RowSink&)>& producer) override;
    Result<bool> backup_native(const std::string& path) override;
    Result<bool> restore_native(const std::string& path) override;

private:
    using SessionBody = std::function<Result<void>(Connection&)>;
    // Runs `body` in one transaction opened with `begin` on a pooled session: committed if it
    // succeeds, rolled back if it returns an error or throws (rethrown).
    Result<void> run(std::string_view begin, const SessionBody& body);

    ConnectionPool pool_;
    std::size_t max_connections_;
};

// How each kind of transaction begins. Writers use READ COMMITTED: every write is a single-row
// version-checked UPDATE or an INSERT, which READ COMMITTED makes safe (the loser re-reads the
// committed version and touches nothing); readers get one consistent snapshot.
inline constexpr std::string_view kBeginWrite = "BEGIN ISOLATION LEVEL READ COMMITTED";
inline constexpr std::string_view kBeginRead = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
// Whole-database work (migrations, export, import) is one long statement or several: it is
// exempt from the per-statement limit meant for requests, for its own transaction only.
inline constexpr std::string_view kNoStatementTimeout = "SET LOCAL statement_timeout = 0";

}  // namespace sanpi::store::postgres
