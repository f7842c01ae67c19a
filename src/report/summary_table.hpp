#pragma once
// A campaign's summary (三个一批) as a table in the official layout (xlsx_table.hpp): a row per city
// of the caller's scope, or per zone when the scope holds one city (a city's or a zone's caller),
// as the summary breaks its batches down; 签约一批, 开工一批 and 投产一批 each over 项目数 and 总投资;
// the 合计 row their sums, which are the batches' own figures. A summary that breaks nothing down (a
// national one) has one row: the scope, named `filled_by`, with the batches' totals.
#include <string>
#include <string_view>
#include <vector>

#include "domain/bulletin.hpp"
#include "domain/campaign.hpp"
#include "report/xlsx_table.hpp"

namespace sanpi::report {

struct SummaryTable {
    TableSpec spec;
    std::vector<std::vector<TableCell>> rows;
};

// `filled_by` names the caller's scope; the unit line's date is the day the figures are as of.
SummaryTable summary_table(const domain::CampaignSummary& summary, domain::BulletinLang lang, domain::MoneyUnit unit,
                           std::string_view filled_by);
// "<campaign name>-汇总-2026-12-02.xlsx" / "<campaign name>-summary-2026-12-02.xlsx".
std::string summary_table_file_name(domain::BulletinLang lang, domain::Date as_of, const domain::Campaign& campaign);

}  // namespace sanpi::report
