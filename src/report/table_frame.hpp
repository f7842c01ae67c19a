#pragma once
// What every list exported in the official layout shares beside its columns: the unit line
// (填报单位：<scope>　　日期：<date> and 单位：亿元) and the words of the 合计 row, in Chinese or
// English; and a column named in both languages.
#include <optional>
#include <string>
#include <string_view>

#include "domain/bulletin.hpp"
#include "domain/date.hpp"
#include "domain/money.hpp"
#include "report/xlsx_table.hpp"

namespace sanpi::report {

// A column's header (and group) in both languages; plain pointers, so tables of them are constexpr.
struct TableColumnName {
    const char* zh;
    const char* en;
    const char* group_zh;
    const char* group_en;
    TableColumnKind kind;
    bool totalled = true;
};

TableColumn localized_column(const TableColumnName& name, domain::BulletinLang lang);

// Everything but the sheet's name, the title and the columns. The 合计 row counts its rows as
// 共<n><count_zh> ("个项目") or <n><count_en> (" projects"). No `unit_note` for a table without
// amounts (`unit` none).
struct TableFrame {
    domain::BulletinLang lang = domain::BulletinLang::kZh;
    std::optional<domain::MoneyUnit> unit = domain::MoneyUnit::kYi;
    std::string_view filled_by;  // the caller's scope, named
    domain::Date as_of = domain::Date::from_days(0);
    std::string_view count_zh = "个项目";
    std::string_view count_en = " projects";
};
TableSpec table_frame(const TableFrame& frame);

// "<prefix>-<date>.xlsx", the prefix made safe for a file name ("export" if nothing is left).
std::string dated_file_name(std::string_view prefix, domain::Date as_of);

}  // namespace sanpi::report
