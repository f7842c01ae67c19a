// Loading a whole database from rows (a dump file, or another store's export) in one transaction
// with COPY, the fastest way into PostgreSQL. Table and column names come from the file, so they
// are checked against data_tables() and the catalog before they reach any SQL, and quoted.
// Refusals use the SQLite backend's field and words (sqlite_import.cpp), so both answer alike.
#include <libpq-fe.h>

#include <algorithm>
#include <charconv>

#include "store/internal_log.hpp"
#include "store/migrations.hpp"
#include "store/postgres/pg_bulk_load.hpp"
#include "store/postgres/pg_errors.hpp"
#include "store/postgres/pg_schema.hpp"
#include "store/postgres/pg_store.hpp"
#include "store/sql/sql_tx.hpp"
#include "store/transfer_rules.hpp"

namespace sanpi::store::postgres {
namespace {

constexpr std::size_t kCopyChunk = 256 * 1024;

Error refuse(std::string zh, std::string en) { return import_refusal(std::move(zh), std::move(en)); }

bool is_integer(std::string_view text) {
    std::int64_t n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    return !text.empty() && ec == std::errc() && end == text.data() + text.size();
}

// COPY's text format: \N is NULL; backslash, tab, newline and carriage return are escaped.
void append_copy_value(std::string& out, const DumpValue& v) {
    if (!v) {
        out += "\\N";
        return;
    }
    for (char c : *v) {
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                out += c;
        }
    }
}

std::string copy_command(std::string_view table, const std::vector<TableColumn>& columns) {
    std::string names;
    for (const auto& c : columns) names += (names.empty() ? "" : ", ") + quote_identifier(c.name);
    return "COPY " + quote_identifier(table) + " (" + names + ") FROM STDIN";
}

class ImportSink final : public RowSink {
public:
    explicit ImportSink(Connection& conn) : conn_(conn) {}
    ImportSink(const ImportSink&) = delete;
    ImportSink& operator=(const ImportSink&) = delete;
    ~ImportSink() override { abandon(); }

    Result<void> begin_table(std::string_view table, const std::vector<std::string>& columns) override;
    Result<void> row(const std::vector<DumpValue>& values) override;
    Result<void> end_table() override;
    // After the producer has finished: every table it began must have ended.
    Result<void> finish();

private:
    Result<void> choose_columns(const std::vector<std::string>& given);
    Result<void> check_integers(const std::vector<DumpValue>& values) const;
    Result<void> flush();
    Result<void> copy_failed(const PgError& e);
    // Ends a COPY in progress so the transaction can be rolled back.
    void abandon() noexcept;

    Connection& conn_;
    std::string table_;
    std::vector<TableColumn> columns_;
    std::vector<std::string> done_;
    bool copying_ = false;
    std::string buffer_;
};

Result<void> ImportSink::begin_table(std::string_view table, const std::vector<std::string>& columns) {
    if (copying_) return internal_error("import: begin_table before end_table of " + table_);
    if (auto known = check_import_table(table, done_); !known) return known;
    table_ = std::string(table);
    return guard_sql([&]() -> Result<void> {
        if (auto chosen = choose_columns(columns); !chosen) return chosen;
        conn_.exec(copy_command(table, columns_));
        copying_ = true;
        return {};
    });
}

Result<void> ImportSink::choose_columns(const std::vector<std::string>& given) {
    auto matched = match_columns(table_columns(conn_, table_), table_, given);
    if (!matched) return matched.error();
    columns_ = std::move(*matched);
    if (columns_.empty()) return refuse("表 " + table_ + " 没有列", "table " + table_ + " has no columns");
    return {};
}

// Checked here rather than left to COPY so the refusal names the column, as on SQLite.
Result<void> ImportSink::check_integers(const std::vector<DumpValue>& values) const {
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!columns_[i].integer || !values[i] || is_integer(*values[i])) continue;
        return not_a_whole_number(table_, columns_[i].name);
    }
    return {};
}

Result<void> ImportSink::row(const std::vector<DumpValue>& values) {
    if (!copying_) return Error::internal("导入顺序错误", "row before begin_table");
    if (auto width = check_row_width(table_, values.size(), columns_.size()); !width) return width;
    if (auto ok = check_integers(values); !ok) return ok;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) buffer_ += '\t';
        append_copy_value(buffer_, values[i]);
    }
    buffer_ += '\n';
    return buffer_.size() >= kCopyChunk ? flush() : Result<void>();
}

Result<void> ImportSink::flush() {
    if (buffer_.empty()) return {};
    if (PQputCopyData(conn_.raw(), buffer_.data(), static_cast<int>(buffer_.size())) != 1) {
        return copy_failed(
            PgError("", "", conn_.lost(), std::string("sending COPY data: ") + PQerrorMessage(conn_.raw())));
    }
    buffer_.clear();
    return {};
}

Result<void> ImportSink::end_table() {
    if (!copying_) return Error::internal("导入顺序错误", "end_table before begin_table");
    if (auto sent = flush(); !sent) return sent;
    copying_ = false;
    done_.push_back(table_);
    if (PQputCopyEnd(conn_.raw(), nullptr) != 1) {
        return copy_failed(PgError("", "", conn_.lost(), std::string("ending COPY: ") + PQerrorMessage(conn_.raw())));
    }
    try {
        conn_.check(PQgetResult(conn_.raw()), "COPY " + table_);
    } catch (const PgError& e) {
        return copy_failed(e);
    }
    while (PGresult* extra = PQgetResult(conn_.raw())) PQclear(extra);
    return {};
}

// The server refused rows (a broken reference, a duplicate key): nothing of the import stays.
// Fields are named by table, "projects.code" rather than "code".
Result<void> ImportSink::copy_failed(const PgError& e) {
    abandon();
    while (PGresult* extra = PQgetResult(conn_.raw())) PQclear(extra);
    // Class 22 (a value that does not fit its column) and 23502 (a required value missing).
    if (e.sqlstate().substr(0, 2) == "22" || e.sqlstate() == "23502") {
        log_internal("import refused by postgres: " + std::string(e.what()));
        return refuse("表 " + table_ + " 的数据无法载入（有值不符合列的要求）",
                      "rows of " + table_ + " cannot be loaded (a value does not fit its column)");
    }
    return refusal_in_table(e, table_);
}

Result<void> ImportSink::finish() {
    if (copying_) return Error::internal("导入顺序错误", "table " + table_ + " was never ended");
    return {};
}

void ImportSink::abandon() noexcept {
    if (!copying_) return;
    copying_ = false;
    PQputCopyEnd(conn_.raw(), "import abandoned");
    while (PGresult* r = PQgetResult(conn_.raw())) PQclear(r);
}

// An import goes only into a database migrated by this program and still without any row.
// EXCLUSIVE locks keep other writers out until the import commits (dropping the indexes and
// foreign keys then takes ACCESS EXCLUSIVE: readers of the empty tables wait for it too).
Result<void> check_import_target(Connection& conn) {
    if (auto version = check_target_version(current_version(conn)); !version) return version;
    std::string tables;
    for (const auto table : data_tables()) tables += (tables.empty() ? "" : ", ") + quote_identifier(table);
    conn.exec("LOCK TABLE " + tables + " IN EXCLUSIVE MODE");
    conn.exec(std::string(seed_cleanup_sql()));
    for (const auto table : data_tables()) {
        if (conn.exec("SELECT 1 FROM " + quote_identifier(table) + " LIMIT 1").rows() > 0) return target_not_empty(table);
    }
    return {};
}

// Imported rows carry their ids, which the identity sequences have not handed out yet.
void advance_sequences(Connection& conn) {
    for (const auto table : data_tables()) {
        for (const auto& column : identity_columns(conn, table)) {
            conn.query("SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT MAX(" + quote_identifier(column) +
                           ") FROM " + quote_identifier(table) + "), 0) + 1, false)",
                       Params::of(quote_identifier(table), column));
        }
    }
}

}  // namespace

Result<void> PgStore::import_data(const std::function<Result<void>(RowSink&)>& producer) {
    return run(kBeginWrite, [&](Connection& conn) -> Result<void> {
        Suspended suspended;
        auto ready = guard_sql([&]() -> Result<void> {
            conn.exec(kNoStatementTimeout);
            if (auto empty = check_import_target(conn); !empty) return empty;
            suspended = suspend_for_bulk_load(conn);
            return {};
        });
        if (!ready) return ready;
        ImportSink sink(conn);
        if (auto produced = producer(sink); !produced) return produced;
        if (auto finished = sink.finish(); !finished) return finished;
        auto advanced = guard_sql([&]() -> Result<void> {
            advance_sequences(conn);
            return restore_after_bulk_load(conn, suspended);
        });
        if (!advanced) return advanced;
        // The kept figures are derived, not carried: counted afresh from what was loaded.
        return sql::SqlTx(conn).rebuild_figures();
    });
}

}  // namespace sanpi::store::postgres
