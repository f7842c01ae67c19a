#pragma once
// The coordination items list (问题诉求) as officials forward it, in the official layout
// (xlsx_table.hpp): one row per item, most urgent first as the list has them.
#include <string>
#include <string_view>
#include <vector>

#include "domain/bulletin.hpp"
#include "domain/coordination_item.hpp"
#include "report/xlsx_table.hpp"

namespace sanpi::report {

// An item as its row shows it: what the list answers of it, free of the service's types.
struct CoordinationTableLine {
    const domain::CoordinationItem& item;
    std::string_view project_name;  // the code name where the caller sees that
    std::string_view zone_name;
    bool overdue = false;
};

// 序号, 项目名称, 所属开发区, 问题类别, 问题描述, 协调层级, 责任单位, 办结时限, 状态 (with 已逾期 in
// brackets when overdue), 办理结果. No amounts: the unit line names no unit, the 合计 counts the items.
TableSpec coordination_table_spec(domain::BulletinLang lang, std::string_view filled_by, domain::Date as_of);
std::vector<TableCell> coordination_table_row(const CoordinationTableLine& line, domain::BulletinLang lang);
// "问题诉求-2026-12-02.xlsx" / "coordination-items-2026-12-02.xlsx".
std::string coordination_table_file_name(domain::BulletinLang lang, domain::Date as_of);

}  // namespace sanpi::report
