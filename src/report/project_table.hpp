#pragma once
// The project list as officials forward it (项目清单), and a campaign's batch list: the columns of
// a province's project table over domain::ProjectView, in Chinese or English, written by
// xlsx_table.hpp.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/bulletin.hpp"
#include "domain/campaign.hpp"
#include "domain/industry.hpp"
#include "domain/project.hpp"
#include "domain/region.hpp"
#include "report/xlsx_table.hpp"

namespace sanpi::report {

inline constexpr std::string_view kXlsxContentType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// The names a row shows for the codes a project view holds, in one language.
struct ProjectTableNames {
    std::map<std::string, std::string> cities;      // division code -> name
    std::map<std::string, std::string> industries;  // industry code -> name

    static ProjectTableNames of(const std::vector<domain::Region>& regions,
                                const std::vector<domain::Industry>& industries, domain::BulletinLang lang);
};

// 序号, 项目编码, 项目名称, 所属地市, 所属开发区, 投资主体, 统一社会信用代码 (the lead investor's), 产业, 建设内容, 投资情况 (总投资,
// 年度计划投资), 时间安排 (计划开工, 计划投产), 所处阶段, 责任单位; `filled_by` names the caller's
// scope (填报单位), `as_of` the day the list was read.
TableSpec project_table_spec(domain::BulletinLang lang, domain::MoneyUnit unit, std::string_view filled_by,
                             domain::Date as_of);

// One project's cells, in the spec's column order. Codes the names do not know show as the code.
std::vector<TableCell> project_table_row(const domain::ProjectView& view, const ProjectTableNames& names,
                                         domain::BulletinLang lang);

// "项目清单-2026-12-02.xlsx" / "projects-2026-12-02.xlsx".
std::string project_table_file_name(domain::BulletinLang lang, domain::Date as_of);

// A campaign's batch list (签约一批 …) in the same layout: the project columns with 批次 after 产业
// and 入选状态 (the entry's status) after 所处阶段; 总投资 is the entry's investment, as the
// campaign's figures count it. The title names the campaign and the batch (all batches: none).
TableSpec entry_table_spec(domain::BulletinLang lang, domain::MoneyUnit unit, std::string_view filled_by,
                           domain::Date as_of, const domain::Campaign& campaign,
                           std::optional<domain::BatchKind> batch);
std::vector<TableCell> entry_table_row(const domain::CampaignEntry& entry, const domain::ProjectView& view,
                                       const ProjectTableNames& names, domain::BulletinLang lang);
// "<campaign name>-签约一批-2026-12-02.xlsx" / "<campaign name>-sign-2026-12-02.xlsx" (no batch:
// "-项目清单-" / "-entries-").
std::string entry_table_file_name(domain::BulletinLang lang, domain::Date as_of, const domain::Campaign& campaign,
                                  std::optional<domain::BatchKind> batch);

}  // namespace sanpi::report
