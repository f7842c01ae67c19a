// backup, restore and copy: moving a whole deployment's data between files and backends.
#include <fstream>
#include <iomanip>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/store_config.hpp"
#include "store/checksum.hpp"
#include "store/dump_file.hpp"
#include "store/open_store.hpp"

namespace sanpi::cli {

namespace {

constexpr std::string_view kSqliteMagic{"SQLite format 3\0", 16};

struct BackupArgs {
    std::string to;
    std::string format;  // "native", "dump", or empty: native when the backend has a native form
    std::string from;
    bool force = false;
    std::string copy_from;
    std::string copy_to;
};

enum class BackupKind { kSqlite, kDump };

// Chooses the restore path by the file's first bytes, never by its name.
Result<BackupKind> detect_kind(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error::invalid_field("from", "无法读取备份文件：" + path, "cannot read the backup file " + path);
    std::string head(kSqliteMagic.size(), '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (head == kSqliteMagic) return BackupKind::kSqlite;
    if (head.starts_with(store::kDumpMagic)) return BackupKind::kDump;
    return Error::invalid_field("from", "不是 Sanpi 备份文件（既非 SQLite 数据库也非 SANPI-DUMP）：" + path,
                                "not a Sanpi backup (neither a SQLite database nor a SANPI-DUMP file): " + path);
}

// "regions 11, zones 50, ... (1234 rows)": one line, so scripts and people can read it.
std::string summary(const std::vector<store::TableChecksum>& tables) {
    std::string out;
    std::int64_t total = 0;
    for (const auto& t : tables) {
        out += (out.empty() ? "" : ", ") + t.table + " " + std::to_string(t.rows);
        total += t.rows;
    }
    return out + " (" + std::to_string(total) + " rows)";
}

int print_summary(store::Store& store, std::string_view label) {
    auto sums = store::table_checksums(store);
    if (!sums) return report_error(sums.error());
    std::cout << label << ": " << summary(*sums) << "\n";
    return 0;
}

int backup(const GlobalOptions& global, const BackupArgs& a) {
    auto store = open_configured_store(global.db, false);
    if (!store) return report_error(store.error());
    bool native = false;
    if (a.format != "dump") {
        auto done = (*store)->backup_native(a.to);
        if (!done) return report_error(done.error());
        native = *done;
        if (!native && a.format == "native") {
            return report_error(Error::invalid_field("format", "该数据库没有原生备份格式，请用 --format dump",
                                                     "this backend has no native backup format; use --format dump"));
        }
    }
    if (!native) {
        if (auto written = store::write_dump(**store, a.to); !written) return report_error(written.error());
    }
    std::cout << "backup written to " << a.to << (native ? " (SQLite database file)" : " (sanpi dump)") << "\n";
    return print_summary(**store, "rows");
}

// A native restore replaces the whole database; replacing existing data must be asked for.
Result<void> check_replaceable(store::Store& target, bool force) {
    auto version = target.schema_version();
    if (!version) return version.error();
    if (*version == 0 || force) return {};
    auto used = store::has_rows(target);
    if (!used) return used.error();
    if (*used) {
        return Error::conflict("目标数据库已有数据；如确要用备份替换，请加 --force",
                               "the target database already holds data; add --force to replace it with the backup");
    }
    return {};
}

Result<void> restore_native(store::Store& target, const std::string& path) {
    auto done = target.restore_native(path);
    if (!done) return done.error();
    if (*done) return {};
    return Error::invalid_field(
        "from", "该数据库不能直接恢复 SQLite 备份文件，请用 sanpi copy --from sqlite:" + path,
        "this backend cannot restore a SQLite file; use `sanpi copy --from sqlite:" + path + " --to ...`");
}

int restore(const GlobalOptions& global, const BackupArgs& a) {
    auto kind = detect_kind(a.from);
    if (!kind) return report_error(kind.error());
    // A dump needs the schema in place (created when the database is new); a native backup
    // brings its own.
    auto store = *kind == BackupKind::kDump ? open_configured_store(global.db, true)
                                            : store::open_store(database_url(global.db));
    if (!store) return report_error(store.error());
    if (*kind == BackupKind::kSqlite) {
        if (auto ok = check_replaceable(**store, a.force); !ok) return report_error(ok.error());
        if (auto ok = restore_native(**store, a.from); !ok) return report_error(ok.error());
    } else {  // the import itself refuses a target that holds data
        auto imported = (*store)->import_data([&](store::RowSink& sink) { return store::read_dump(a.from, sink); });
        if (!imported) return report_error(imported.error());
    }
    std::cout << "restored " << a.from << " into " << database_url(global.db) << "\n";
    return print_summary(**store, "rows");
}

// Prints every table's rows and whether source and target agree; false on any difference.
bool report_comparison(const std::vector<store::TableChecksum>& from, const std::vector<store::TableChecksum>& to) {
    bool same = from.size() == to.size();
    for (std::size_t i = 0; i < from.size(); ++i) {
        const bool equal = i < to.size() && from[i].table == to[i].table && from[i].rows == to[i].rows &&
                           from[i].digest == to[i].digest;
        same = same && equal;
        std::cout << "  " << std::left << std::setw(24) << from[i].table << std::right << std::setw(10) << from[i].rows
                  << (equal ? "  ok" : "  MISMATCH") << "\n";
    }
    return same;
}

Result<void> check_same_schema(store::Store& from, store::Store& to) {
    auto a = from.schema_version();
    if (!a) return a.error();
    auto b = to.schema_version();
    if (!b) return b.error();
    if (*a == *b) return {};
    return Error::conflict(
        "两个数据库的结构版本不同（" + std::to_string(*a) + " 与 " + std::to_string(*b) + "）",
        "the databases are at different schema versions (" + std::to_string(*a) + " and " + std::to_string(*b) + ")");
}

int copy(const BackupArgs& a) {
    auto from = open_configured_store(a.copy_from, false);
    if (!from) return report_error(from.error());
    auto to = open_configured_store(a.copy_to, true);
    if (!to) return report_error(to.error());
    if (auto same = check_same_schema(**from, **to); !same) return report_error(same.error());
    // The source's checksums are taken from the rows as they are sent (one snapshot, read once);
    // a retried import sends them again and starts its sums over.
    std::vector<store::TableChecksum> before;
    auto copied = (*to)->import_data([&](store::RowSink& sink) {
        store::ChecksummingSink summed(sink);
        auto exported = (*from)->export_data(summed);
        before = summed.take();
        return exported;
    });
    if (!copied) return report_error(copied.error());
    auto after = store::table_checksums(**to);
    if (!after) return report_error(after.error());
    std::cout << "copied " << a.copy_from << " (" << (*from)->backend() << ") to " << a.copy_to << " ("
              << (*to)->backend() << ")\n";
    if (!report_comparison(before, *after)) {
        std::cerr << "error: 复制后校验和不一致，目标库与读出的数据不同（复制期间目标库是否被写入？）/ checksums "
                     "differ after the copy: the target does not hold what was read (was it written to meanwhile?)\n";
        return 1;
    }
    std::cout << "checksums match: " << summary(*after) << "\n";
    return 0;
}

}  // namespace

void add_backup_commands(CLI::App& app, const GlobalOptions& global, Action& action) {
    auto args = std::make_shared<BackupArgs>();

    auto* backup_cmd = app.add_subcommand(
        "backup",
        "Back up the whole database to a new file (SQLite: database file; PostgreSQL: dump) / 备份整个数据库");
    backup_cmd->add_option("--to", args->to, "Backup file to create (never overwritten) / 备份文件（不会覆盖）")
        ->required();
    backup_cmd->add_option("--format", args->format, "native | dump (default: native when the backend has one)")
        ->check(CLI::IsMember({"native", "dump"}));
    backup_cmd->callback([&action, &global, args] { action = [&global, args] { return backup(global, *args); }; });

    auto* restore_cmd = app.add_subcommand(
        "restore", "Restore a backup (SQLite file or dump) into the database given by --db / 从备份恢复");
    restore_cmd->add_option("--from", args->from, "Backup file / 备份文件")->required();
    restore_cmd->add_flag("--force", args->force,
                          "Let a SQLite backup replace a database that already holds data / 允许覆盖已有数据");
    restore_cmd->callback([&action, &global, args] { action = [&global, args] { return restore(global, *args); }; });

    auto* copy_cmd = app.add_subcommand(
        "copy", "Copy every row from one database to another, empty one, and verify checksums / 复制数据库并校验");
    copy_cmd->add_option("--from", args->copy_from, "Source: PATH, sqlite:PATH or postgresql://... / 源数据库")
        ->required();
    copy_cmd->add_option("--to", args->copy_to, "Target (created and migrated if new, must be empty) / 目标数据库")
        ->required();
    copy_cmd->callback([&action, args] { action = [args] { return copy(*args); }; });
}

}  // namespace sanpi::cli
