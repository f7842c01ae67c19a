#pragma once
// The monthly progress reports list (月报) as officials forward it, in the official layout
// (xlsx_table.hpp): one row per report, its project named as the list names it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/bulletin.hpp"
#include "domain/progress_report.hpp"
#include "report/project_table.hpp"
#include "report/xlsx_table.hpp"

namespace sanpi::report {

// A report as its row shows it: what the list answers of it, free of the service's types.
struct ProgressTableLine {
    const domain::ProgressReport& report;
    std::string_view project_code;
    std::string_view project_name;  // the code name where the caller sees that
    std::string_view city_code;
    std::string_view zone_name;
    domain::Money cumulative;  // official: approved reports through the report's month
};

// 序号, 项目编码, 项目名称, 所属地市, 所属开发区, 填报月份, 投资情况 (本月完成投资, 本月到位资金,
// 累计完成投资), 形象进度, 工程进度（%）, 用工人数, 状态. The 合计 sums the month's two amounts only:
// cumulative figures, percentages and head counts do not add up across reports.
TableSpec progress_table_spec(domain::BulletinLang lang, domain::MoneyUnit unit, std::string_view filled_by,
                              domain::Date as_of);
std::vector<TableCell> progress_table_row(const ProgressTableLine& line, const ProjectTableNames& names,
                                          domain::BulletinLang lang);
// "月报-2026-12-02.xlsx" / "reports-2026-12-02.xlsx".
std::string progress_table_file_name(domain::BulletinLang lang, domain::Date as_of);

}  // namespace sanpi::report
