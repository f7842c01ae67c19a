#pragma once
// The embedded default backend: one SQLite file in WAL mode.
#include <memory>
#include <string>

#include "store/sqlite/connection_pool.hpp"
#include "store/sqlite/wal_checkpointer.hpp"
#include "store/store.hpp"

namespace sanpi::store::sqlite {

class SqliteStore final : public Store {
public:
    // Opens (creating if missing) the database file; the directory must exist. Does not migrate.
    static Result<std::unique_ptr<Store>> open(const std::string& path, PoolOptions options = {});

    SqliteStore(std::string path, std::unique_ptr<Connection> writer, PoolOptions options);

    Result<void> write(const std::function<Result<void>(Tx&)>& body) override;
    Result<void> read(const std::function<Result<void>(Tx&)>& body) override;
    Result<int> migrate() override;
    Result<int> schema_version() override;
    std::string_view backend() const override { return "sqlite"; }
    std::size_t concurrent_writes() const override { return 1; }
    PoolUse pool_use() const override { return {pool_.options().max_readers + 1, pool_.in_use(), pool_.waiting()}; }
    Result<void> export_data(RowSink& sink) override;
    Result<void> import_data(const std::function<Result<void>(RowSink&)>& producer) override;
    Result<bool> backup_native(const std::string& path) override;
    Result<bool> restore_native(const std::string& path) override;

private:
    WalCheckpointer checkpointer_;  // before pool_: outlives the writer connection it serves
    ConnectionPool pool_;
};

}  // namespace sanpi::store::sqlite
