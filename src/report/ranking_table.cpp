#include "report/ranking_table.hpp"

#include "report/table_frame.hpp"

namespace sanpi::report {

namespace {

std::string period_title(const domain::RankingPeriod& p, bool zh) {
    if (zh) {
        return std::to_string(p.year) + "年" + (p.quarter == 0 ? "" : "第" + std::to_string(p.quarter) + "季度");
    }
    return p.quarter == 0 ? std::to_string(p.year) : "Q" + std::to_string(p.quarter) + " " + std::to_string(p.year);
}

std::string group_label(std::string_view group, bool zh) {
    return std::string(zh ? domain::ranking_group_label_zh(group) : domain::ranking_group_label_en(group));
}

}  // namespace

TableSpec ranking_table_spec(domain::BulletinLang lang, domain::MoneyUnit unit, std::string_view filled_by,
                             const domain::RankingPeriod& period, domain::Date as_of) {
    const bool zh = lang == domain::BulletinLang::kZh;
    TableSpec spec = table_frame({lang, unit, filled_by, as_of, "个开发区", " zones"});
    spec.sheet_name = zh ? "排名" : "Ranking";
    spec.title = zh ? "开发区综合排名（" + period_title(period, true) + "）"
                    : "Development zone ranking, " + period_title(period, false);
    using K = TableColumnKind;
    spec.columns = {{zh ? "开发区" : "Development zone", "", K::kText},
                    {zh ? "所属地市" : "City", "", K::kText},
                    {zh ? "排名" : "Rank", "", K::kInteger, false},
                    {zh ? "上期排名" : "Previous rank", "", K::kInteger, false},
                    {zh ? "综合得分" : "Score", "", K::kText}};
    for (const auto& f : domain::ranking_indicators()) {
        std::string header(zh ? f.label_zh : f.label_en);
        const bool money = f.indicator == domain::RankingIndicator::kSignedInvestment;
        if (f.indicator == domain::RankingIndicator::kOutputPerMu ||
            f.indicator == domain::RankingIndicator::kTaxPerMu) {
            header += zh ? "（万元/亩）" : " (10k yuan/mu)";
        }
        spec.columns.push_back({header, group_label(f.group, zh), money ? K::kMoney : K::kText});
    }
    return spec;
}

std::vector<TableCell> ranking_table_row(const RankingTableLine& line) {
    std::vector<TableCell> cells{line.zone_name, line.city_name, std::int64_t{line.rank}};
    cells.push_back(line.previous_rank ? TableCell(std::int64_t{*line.previous_rank}) : TableCell(std::monostate{}));
    cells.push_back(line.score);
    cells.push_back(line.signed_investment);
    for (const auto& shown : line.shown) cells.push_back(shown);
    return cells;
}

std::string ranking_table_file_name(domain::BulletinLang lang, const domain::RankingPeriod& period,
                                    domain::Date as_of) {
    return dated_file_name((lang == domain::BulletinLang::kZh ? "开发区排名-" : "zone-ranking-") + period.to_string(),
                           as_of);
}

}  // namespace sanpi::report
