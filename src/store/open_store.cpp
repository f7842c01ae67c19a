#include "store/open_store.hpp"

#include <string>

#include "store/postgres/pg_store.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace sanpi::store {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

}  // namespace

Result<std::unique_ptr<Store>> open_store(std::string_view url) {
    if (url.empty()) {
        return Error::invalid_field("db", "未指定数据库（--db）", "no database given (--db)");
    }
    if (starts_with(url, "postgresql://") || starts_with(url, "postgres://")) {
        return postgres::PgStore::open(url);
    }
    if (starts_with(url, "sqlite:")) url.remove_prefix(7);
    return sqlite::SqliteStore::open(std::string(url));
}

}  // namespace sanpi::store
