#include "store/sqlite/sqlite_store.hpp"

// Placeholder bodies until the dump/backup work lands; they refuse rather than pretend.
namespace sanpi::store::sqlite {

namespace {
Error not_yet() { return Error::unavailable("尚未实现", "not implemented yet"); }
}  // namespace

Result<void> SqliteStore::export_data(RowSink&) { return not_yet(); }
Result<void> SqliteStore::import_data(const std::function<Result<void>(RowSink&)>&) { return not_yet(); }
Result<bool> SqliteStore::backup_native(const std::string&) { return not_yet(); }
Result<bool> SqliteStore::restore_native(const std::string&) { return not_yet(); }

}  // namespace sanpi::store::sqlite
