// ImportSink: rows from a dump file or another store, inserted with one prepared INSERT per table.
#include <algorithm>
#include <charconv>

#include "store/migrations.hpp"
#include "store/sqlite/sqlite_dump.hpp"
#include "store/sqlite/sqlite_errors.hpp"

namespace sanpi::store::sqlite {
namespace {

Error refuse(std::string zh, std::string en) { return Error::invalid_field("table", std::move(zh), std::move(en)); }

std::optional<std::int64_t> parse_int64(std::string_view text) {
    std::int64_t n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
    return n;
}

std::string insert_sql(std::string_view table, const std::vector<ColumnInfo>& columns) {
    std::string names;
    std::string params;
    for (const auto& c : columns) {
        names += (names.empty() ? "" : ", ") + quote_identifier(c.name);
        params += params.empty() ? "?" : ", ?";
    }
    return "INSERT INTO " + quote_identifier(table) + " (" + names + ") VALUES (" + params + ")";
}

// The producer's columns, each found among the table's (so only known names reach the SQL).
Result<std::vector<ColumnInfo>> match_columns(const std::vector<ColumnInfo>& existing, const std::string& table,
                                              const std::vector<std::string>& columns) {
    std::vector<ColumnInfo> out;
    for (const auto& column : columns) {
        const auto named = [&](const ColumnInfo& c) { return c.name == column; };
        auto it = std::find_if(existing.begin(), existing.end(), named);
        if (it == existing.end()) {
            return refuse("未知的列：" + table + "." + column, "unknown column: " + table + "." + column);
        }
        if (std::any_of(out.begin(), out.end(), named)) {
            return refuse("列重复：" + table + "." + column, "column repeated: " + table + "." + column);
        }
        out.push_back(*it);
    }
    return out;
}

}  // namespace

Result<void> ImportSink::begin_table(std::string_view table, const std::vector<std::string>& columns) {
    const std::string name(table);
    const auto tables = data_tables();
    if (std::find(tables.begin(), tables.end(), table) == tables.end()) {
        return refuse("未知的表：" + name, "unknown table: " + name);
    }
    if (std::find(done_.begin(), done_.end(), name) != done_.end()) {
        return refuse("表 " + name + " 出现了两次", "table " + name + " appears twice");
    }
    return guard_sql(conn_, [&]() -> Result<void> {
        auto matched = match_columns(table_columns(conn_, table), name, columns);
        if (!matched) return matched.error();
        columns_ = std::move(*matched);
        table_ = name;
        insert_.emplace(conn_.raw(), insert_sql(table, columns_));
        return {};
    });
}

Result<void> ImportSink::row(const std::vector<DumpValue>& values) {
    if (!insert_) return Error::internal("导入顺序错误", "row before begin_table");
    if (values.size() != columns_.size()) {
        return refuse("表 " + table_ + " 的一行有 " + std::to_string(values.size()) + " 个值，应为 " +
                          std::to_string(columns_.size()),
                      "a row of " + table_ + " has " + std::to_string(values.size()) + " values for " +
                          std::to_string(columns_.size()) + " columns");
    }
    return guard_sql(conn_, [&]() -> Result<void> {
        insert_->reset();
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (auto bound = bind_value(static_cast<int>(i), values[i]); !bound) return bound;
        }
        insert_->step();
        return {};
    });
}

Result<void> ImportSink::end_table() {
    insert_.reset();
    done_.push_back(table_);
    return {};
}

// Integer columns get integers: SQLite would otherwise keep a malformed number as text, which
// PostgreSQL would have refused; text columns keep the value exactly.
Result<void> ImportSink::bind_value(int index, const DumpValue& value) {
    const auto& column = columns_[static_cast<std::size_t>(index)];
    if (!value) {
        insert_->bind_null(index + 1);
    } else if (!column.integer) {
        insert_->bind_text(index + 1, *value);
    } else if (auto n = parse_int64(*value)) {
        insert_->bind_int64(index + 1, *n);
    } else {
        return refuse("列 " + table_ + "." + column.name + " 的值不是整数",
                      "column " + table_ + "." + column.name + " needs a whole number");
    }
    return {};
}

}  // namespace sanpi::store::sqlite
