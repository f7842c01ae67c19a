#pragma once
// A zone ranking as a table in the official layout (xlsx_table.hpp): a row per zone in rank order
// with its city, rank, the rank in the period before and the change, the score, and each indicator
// under its group (招商引资 / 项目建设 / 营商服务 / 集约效益); new signed investment in the table's
// unit and summed in 合计, the rates and per-亩 figures as shown on screen.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/bulletin.hpp"
#include "domain/ranking.hpp"
#include "report/xlsx_table.hpp"

namespace sanpi::report {

struct RankingTableLine {
    std::string zone_name;
    std::string city_name;
    int rank = 0;
    std::optional<int> previous_rank;
    std::string score;  // "87.50"
    domain::Money signed_investment;
    // Every indicator but the new signed investment, in ranking_indicators() order, as shown.
    std::vector<std::string> shown;
};

// `as_of` is the day the figures stand at (the unit line's date); the title names the period.
TableSpec ranking_table_spec(domain::BulletinLang lang, domain::MoneyUnit unit, std::string_view filled_by,
                             const domain::RankingPeriod& period, domain::Date as_of);
std::vector<TableCell> ranking_table_row(const RankingTableLine& line);
// "开发区排名-2022Q2-2026-12-02.xlsx" / "zone-ranking-2022Q2-2026-12-02.xlsx".
std::string ranking_table_file_name(domain::BulletinLang lang, const domain::RankingPeriod& period, domain::Date as_of);

}  // namespace sanpi::report
