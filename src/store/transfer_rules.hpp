#pragma once
// What every backend's export and import (dump files, `sanpi copy`) checks, with the same
// refusals in the same words: a table or column the schema does not have, a row of the wrong
// width, a target at another schema version or already holding rows.
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"

namespace sanpi::store {

// "name" with embedded quotes doubled: every identifier in generated SQL goes through this.
std::string quote_identifier(std::string_view name);

// A refusal of the imported data, against the field "table".
Error import_refusal(std::string zh, std::string en);

// The table must be a data table not imported yet (`done` lists those that were).
Result<void> check_import_table(std::string_view table, const std::vector<std::string>& done);
Result<void> check_row_width(std::string_view table, std::size_t values, std::size_t columns);
Error not_a_whole_number(std::string_view table, std::string_view column);

// An import goes only into a database migrated by this program (`version` is the target's)...
Result<void> check_target_version(int version);
// ... and still without any row.
Error target_not_empty(std::string_view table);

// Export from a database that lacks one of the data tables.
Error missing_table(std::string_view table);

// The producer's columns, in its order, each found among the table's `existing` ones (anything
// with a `name`), so only known names ever reach the SQL; unknown or repeated ones are refused.
template <class Column>
Result<std::vector<Column>> match_columns(const std::vector<Column>& existing, std::string_view table,
                                          const std::vector<std::string>& given) {
    std::vector<Column> out;
    const std::string prefix = std::string(table) + ".";
    for (const auto& column : given) {
        const auto named = [&](const Column& c) { return c.name == column; };
        auto it = std::find_if(existing.begin(), existing.end(), named);
        if (it == existing.end()) return import_refusal("未知的列：" + prefix + column, "unknown column: " + prefix + column);
        if (std::any_of(out.begin(), out.end(), named)) {
            return import_refusal("列重复：" + prefix + column, "column repeated: " + prefix + column);
        }
        out.push_back(*it);
    }
    return out;
}

}  // namespace sanpi::store
