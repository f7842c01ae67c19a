#pragma once
// The SQLite writer's transaction: SqlTx, plus the projects' indexes set aside for a bulk write.
#include <cstdint>
#include <string>
#include <vector>

#include "store/sql/sql_tx.hpp"
#include "store/sqlite/sqlite_handle.hpp"

namespace sanpi::store::sqlite {

class SqliteTx final : public sql::SqlTx {
public:
    explicit SqliteTx(Connection& conn) : sql::SqlTx(conn), sqlite_(conn) {}
    SqliteTx(const SqliteTx&) = delete;
    SqliteTx& operator=(const SqliteTx&) = delete;
    // Gives the writer its page cache back when the body failed before restore_indexes.
    ~SqliteTx() override;

    // Also drops the projects' indexes that enforce nothing when the write brings at least a
    // quarter as many projects again as the table holds (and a few thousand): 100,000 imported
    // into 1,000 spent 5.5 s of 19 s inserting into fifteen indexes at random places, where
    // building them afresh over the 101,000 rows takes about 2 s. The unique ones stay, so codes
    // are still checked row by row. DDL is transactional: a rollback brings them back. Until
    // they are back the page cache is smaller (sqlite_tx.cpp: kBulkCache).
    Result<void> begin_bulk(std::int64_t new_projects) override;
    // Creates the indexes begin_bulk dropped; the store calls it after the body succeeded,
    // before COMMIT, so no reader ever sees the table without them.
    Result<void> restore_indexes();

private:
    Connection& sqlite_;
    std::vector<std::string> set_aside_;  // the dropped indexes' CREATE INDEX statements
    bool small_cache_ = false;            // kBulkCache in force
};

}  // namespace sanpi::store::sqlite
