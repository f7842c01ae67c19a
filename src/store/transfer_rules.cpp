#include "store/transfer_rules.hpp"

#include "store/migrations.hpp"

namespace sanpi::store {

std::string quote_identifier(std::string_view name) {
    std::string out = "\"";
    for (const char c : name) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

Error import_refusal(std::string zh, std::string en) {
    return Error::invalid_field("table", std::move(zh), std::move(en));
}

Result<void> check_import_table(std::string_view table, const std::vector<std::string>& done) {
    const std::string name(table);
    const auto tables = data_tables();
    if (std::find(tables.begin(), tables.end(), table) == tables.end()) {
        return import_refusal("未知的表：" + name, "unknown table: " + name);
    }
    if (std::find(done.begin(), done.end(), name) != done.end()) {
        return import_refusal("表 " + name + " 出现了两次", "table " + name + " appears twice");
    }
    return {};
}

Result<void> check_row_width(std::string_view table, std::size_t values, std::size_t columns) {
    if (values == columns) return {};
    const std::string name(table);
    return import_refusal(
        "表 " + name + " 的一行有 " + std::to_string(values) + " 个值，应为 " + std::to_string(columns),
        "a row of " + name + " has " + std::to_string(values) + " values for " + std::to_string(columns) + " columns");
}

Error not_a_whole_number(std::string_view table, std::string_view column) {
    const std::string name = std::string(table) + "." + std::string(column);
    return import_refusal("列 " + name + " 的值不是整数", "column " + name + " needs a whole number");
}

Result<void> check_target_version(int version) {
    const int expected = all_migrations().back().number;
    if (version == expected) return {};
    return Error::conflict("目标数据库结构版本为 " + std::to_string(version) + "，本程序为 " +
                               std::to_string(expected) + "（请先运行 sanpi migrate）",
                           "the target database is at schema version " + std::to_string(version) +
                               ", this program's is " + std::to_string(expected) + " (run `sanpi migrate`)");
}

Error target_not_empty(std::string_view table) {
    const std::string name(table);
    return Error::conflict("目标数据库不是空的（表 " + name + " 已有数据）",
                           "target database is not empty (table " + name + " has rows)");
}

Error missing_table(std::string_view table) {
    const std::string name(table);
    return Error::unavailable("数据库缺少表 " + name + "，请先运行 sanpi migrate",
                              "the database has no table " + name + "; run `sanpi migrate` first");
}

}  // namespace sanpi::store
