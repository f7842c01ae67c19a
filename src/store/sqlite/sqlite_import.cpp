// ImportSink: rows from a dump file or another store, inserted with one prepared INSERT per table.
#include <algorithm>
#include <charconv>

#include "store/dump_bytes.hpp"
#include "store/migrations.hpp"
#include "store/sqlite/sqlite_dump.hpp"
#include "store/sqlite/sqlite_errors.hpp"
#include "store/transfer_rules.hpp"

namespace sanpi::store::sqlite {
namespace {

std::optional<std::int64_t> parse_int64(std::string_view text) {
    std::int64_t n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
    return n;
}

// A project's city is derived from its zone (m0007). During a bulk load its trigger is suspended
// (sqlite_derived.hpp); rows that do not carry the city get it as they are inserted, so the
// derivation afterwards finds nothing left to rewrite.
std::string derived_city(std::string_view table, const std::vector<ColumnInfo>& columns) {
    if (table != "projects") return {};
    const auto named = [&](std::string_view name) {
        return std::find_if(columns.begin(), columns.end(), [&](const ColumnInfo& c) { return c.name == name; });
    };
    const auto zone = named("zone_id");
    if (zone == columns.end() || named("city_code") != columns.end()) return {};
    return "(SELECT substr(z.region_code, 1, 4) || '00' FROM zones z WHERE z.id = ?" +
           std::to_string(zone - columns.begin() + 1) + ")";
}

std::string insert_sql(std::string_view table, const std::vector<ColumnInfo>& columns) {
    std::string names;
    std::string params;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        names += (names.empty() ? "" : ", ") + quote_identifier(columns[i].name);
        params += (params.empty() ? "?" : ", ?") + std::to_string(i + 1);
    }
    if (const auto city = derived_city(table, columns); !city.empty()) {
        names += ", city_code";
        params += ", " + city;
    }
    return "INSERT INTO " + quote_identifier(table) + " (" + names + ") VALUES (" + params + ")";
}

}  // namespace

Result<void> ImportSink::begin_table(std::string_view table, const std::vector<std::string>& columns) {
    if (auto known = check_import_table(table, done_); !known) return known;
    return guard_sql([&]() -> Result<void> {
        auto matched = match_columns(table_columns(conn_, table), table, columns);
        if (!matched) return matched.error();
        columns_ = std::move(*matched);
        table_ = std::string(table);
        insert_.emplace(conn_.raw(), insert_sql(table, columns_));
        return {};
    });
}

Result<void> ImportSink::row(const std::vector<DumpValue>& values) {
    if (!insert_) return Error::internal("导入顺序错误", "row before begin_table");
    if (auto width = check_row_width(table_, values.size(), columns_.size()); !width) return width;
    return guard_sql([&]() -> Result<void> {
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
// PostgreSQL would have refused; byte columns get their bytes back from hex; text columns keep
// the value exactly.
Result<void> ImportSink::bind_value(int index, const DumpValue& value) {
    const auto& column = columns_[static_cast<std::size_t>(index)];
    if (!value) {
        insert_->bind_null(index + 1);
    } else if (column.blob) {
        auto bytes = bytes_from_hex(*value);
        if (!bytes) return not_hex_bytes(table_, column.name);
        insert_->bind_blob(index + 1, *bytes);
    } else if (!column.integer) {
        insert_->bind_text(index + 1, *value);
    } else if (auto n = parse_int64(*value)) {
        insert_->bind_int64(index + 1, *n);
    } else {
        return not_a_whole_number(table_, column.name);
    }
    return {};
}

}  // namespace sanpi::store::sqlite
