#pragma once
// A raw session on a test database, beside the store that migrated it: for tests that drive SQL
// the store would not send.
#include <memory>
#include <stdexcept>

#include "store/postgres/pg_connection.hpp"
#include "store/sql/connection.hpp"
#include "store/sqlite/sqlite_handle.hpp"
#include "support/test_store.hpp"

namespace sanpi::store_test {

inline std::unique_ptr<store::sql::Connection> open_raw_connection(const testing::TestStore& db,
                                                                   testing::Backend backend) {
    if (backend == testing::Backend::kSqlite) return store::sqlite::Connection::open(db.url.substr(7), false, 5000);
    auto target = store::postgres::parse_target(db.url, {});
    if (!target) throw std::runtime_error(target.error().message.en);
    return store::postgres::Connection::connect(*target);
}

}  // namespace sanpi::store_test
