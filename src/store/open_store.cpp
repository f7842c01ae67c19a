#include "store/open_store.hpp"

#include <algorithm>
#include <string>
#include <thread>

#include "store/postgres/pg_store.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace sanpi::store {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

}  // namespace

bool is_postgres_url(std::string_view url) {
    return starts_with(url, "postgresql://") || starts_with(url, "postgres://");
}

std::size_t default_pool_size(std::string_view url) {
    const std::size_t cores = std::max(1U, std::thread::hardware_concurrency());
    if (is_postgres_url(url)) return std::max<std::size_t>(4, 2 * cores);
    return cores + 2;
}

Result<std::unique_ptr<Store>> open_store(std::string_view url, std::size_t pool_size) {
    if (pool_size == 0) pool_size = default_pool_size(url);
    if (url.empty()) {
        return Error::invalid_field("db", "未指定数据库（--db）", "no database given (--db)");
    }
    if (is_postgres_url(url)) {
        postgres::PgOptions options;
        options.max_connections = pool_size;
        return postgres::PgStore::open(url, options);
    }
    if (starts_with(url, "sqlite:")) url.remove_prefix(7);
    sqlite::PoolOptions options;
    options.max_readers = pool_size;
    return sqlite::SqliteStore::open(std::string(url), options);
}

}  // namespace sanpi::store
