// SQLite's native backup and restore with the online backup API: a page-by-page copy of a whole
// database taken from one read snapshot, which yields a file SQLite opens as is.
#include <sqlite3.h>

#include <filesystem>
#include <fstream>

#include "store/internal_log.hpp"
#include "store/migrations.hpp"
#include "store/new_file.hpp"
#include "store/sqlite/sqlite_dump.hpp"
#include "store/sqlite/sqlite_errors.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace sanpi::store::sqlite {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kSqliteMagic{"SQLite format 3\0", 16};

Error bad_backup(const std::string& zh, const std::string& en) { return Error::invalid_field("from", zh, en); }

Error copy_error(std::string_view field, const std::string& path, const SqliteError& e) {
    if (is_busy(e.extended_code())) return busy_error();
    log_internal("backup copy with " + path + " failed: " + e.what());
    if (e.primary_code() == SQLITE_READONLY) {  // the API's answer to a WAL target of another page size
        return Error::invalid_field(std::string(field), "备份文件的页大小与数据库不同，无法直接恢复",
                                    "the backup's page size differs from the database's; restore a dump instead");
    }
    Error out = Error::unavailable("复制数据库失败：" + path, "copying the database failed: " + path);
    out.fields.push_back(FieldError{std::string(field), {"复制失败", "copy failed"}});
    return out;
}

// Copies every page in one step: one read transaction on `from`, so the copy is one snapshot,
// and `to` is replaced as a whole (its own write transaction, atomic for its readers).
void copy_pages(sqlite3* from, sqlite3* to) {
    sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
    if (backup == nullptr) throw SqliteError(sqlite3_extended_errcode(to), sqlite3_errmsg(to));
    const int rc = sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) throw SqliteError(rc, sqlite3_errstr(rc));
}

Result<void> write_backup(Connection& source, const std::string& temp, const std::string& path, int busy_ms) {
    try {
        auto target = Connection::open(temp, false, busy_ms);
        copy_pages(source.raw(), target->raw());
        // Back to a rollback journal: the file is then complete on its own, with no -wal beside it
        // to lose when it is copied away, and opens read-only anywhere.
        target->exec("PRAGMA journal_mode = DELETE");
        return {};
    } catch (const SqliteError& e) {
        return copy_error("to", path, e);
    }
}

bool has_sqlite_header(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string head(kSqliteMagic.size(), '\0');
    return in.read(head.data(), static_cast<std::streamsize>(head.size())) && head == kSqliteMagic;
}

// Reads the candidate through its own read-only connection: intact, and at this program's schema.
Result<void> check_backup(Connection& conn) {
    auto check = conn.query_once("PRAGMA quick_check");
    if (!check->step() || check->text(0) != "ok") {
        return bad_backup("备份文件已损坏（完整性检查未通过）", "the backup file is damaged (integrity check failed)");
    }
    const int expected = all_migrations().back().number;
    const int version = recorded_schema_version(conn);
    if (version != expected) {
        return bad_backup(
            "备份的数据库结构版本为 " + std::to_string(version) + "，本程序为 " + std::to_string(expected),
            "the backup is at schema version " + std::to_string(version) + ", this program's is " +
                std::to_string(expected));
    }
    return {};
}

Result<std::unique_ptr<Connection>> open_backup(const std::string& path, const std::string& own_path, int busy_ms) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return bad_backup("备份文件不存在：" + path, "no such backup file: " + path);
    if (fs::equivalent(path, own_path, ec)) {
        return bad_backup("不能把数据库恢复到它自身", "a database cannot be restored from itself");
    }
    if (!has_sqlite_header(path))
        return bad_backup("不是 SQLite 数据库文件：" + path, "not a SQLite database: " + path);
    try {
        auto conn = Connection::open(path, true, busy_ms);
        if (auto ok = check_backup(*conn); !ok) return ok.error();
        return conn;
    } catch (const SqliteError& e) {
        log_internal("reading backup " + path + " failed: " + e.what());
        return bad_backup("无法读取备份文件（已损坏？）：" + path, "cannot read the backup file (damaged?): " + path);
    }
}

}  // namespace

Result<bool> SqliteStore::backup_native(const std::string& path) {
    if (auto free = refuse_existing(path); !free) return free.error();
    auto lease = pool_.reader();
    if (!lease) return lease.error();
    const std::string temp = temp_path_for(path);
    if (auto written = write_backup(**lease, temp, path, pool_.options().busy_timeout_ms); !written) {
        remove_temp(temp);
        return written.error();
    }
    if (auto published = publish_new_file(temp, path); !published) return published.error();
    return true;
}

// The backup is copied into this database through the pool's own writer connection while every
// connection of the pool is leased here: no transaction of this process is open on the database
// while its pages are replaced, and afterwards every pooled connection reads the restored pages
// (SQLite notices the change and re-prepares cached statements). Other processes see it as one
// large write transaction.
Result<bool> SqliteStore::restore_native(const std::string& path) {
    auto source = open_backup(path, pool_.path(), pool_.options().busy_timeout_ms);
    if (!source) return source.error();
    auto writer = pool_.writer();
    if (!writer) return writer.error();
    std::vector<ConnectionPool::Lease> readers;
    for (std::size_t i = 0; i < pool_.options().max_readers; ++i) {
        auto reader = pool_.reader();
        if (!reader) return reader.error();
        readers.push_back(std::move(*reader));
    }
    try {
        copy_pages((*source)->raw(), (**writer).raw());
    } catch (const SqliteError& e) {
        return copy_error("from", path, e);
    }
    return true;
}

}  // namespace sanpi::store::sqlite
