#include "report/progress_table.hpp"

#include "report/table_frame.hpp"

namespace sanpi::report {

namespace {

using K = TableColumnKind;

constexpr TableColumnName kProgressColumns[] = {
    {"项目编码", "Project code", "", "", K::kText},
    {"项目名称", "Project name", "", "", K::kText},
    {"所属地市", "City", "", "", K::kText},
    {"所属开发区", "Development zone", "", "", K::kText},
    {"填报月份", "Month", "", "", K::kText},
    {"本月完成投资", "Completed this month", "投资情况", "Investment", K::kMoney},
    {"本月到位资金", "Funds arrived this month", "投资情况", "Investment", K::kMoney},
    {"累计完成投资", "Completed to date", "投资情况", "Investment", K::kMoney, false},
    {"形象进度", "Physical progress", "", "", K::kText},
    {"工程进度（%）", "Percent complete (%)", "", "", K::kInteger, false},
    {"用工人数", "Employed", "", "", K::kInteger, false},
    {"状态", "Status", "", "", K::kText},
};

std::string progress_city_name(const ProjectTableNames& names, std::string_view code) {
    const auto found = names.cities.find(std::string(code));
    return found == names.cities.end() ? std::string(code) : found->second;
}

}  // namespace

TableSpec progress_table_spec(domain::BulletinLang lang, domain::MoneyUnit unit, std::string_view filled_by,
                              domain::Date as_of) {
    const bool zh = lang == domain::BulletinLang::kZh;
    TableSpec spec = table_frame({lang, unit, filled_by, as_of, "份月报", " reports"});
    spec.sheet_name = zh ? "月报" : "Monthly reports";
    spec.title = zh ? "项目月报" : "Monthly Progress Reports";
    for (const auto& c : kProgressColumns) spec.columns.push_back(localized_column(c, lang));
    return spec;
}

std::vector<TableCell> progress_table_row(const ProgressTableLine& line, const ProjectTableNames& names,
                                          domain::BulletinLang lang) {
    const auto& r = line.report;
    const auto status = lang == domain::BulletinLang::kZh ? domain::label_zh(r.status) : domain::to_string(r.status);
    return {std::string(line.project_code),
            std::string(line.project_name),
            progress_city_name(names, line.city_code),
            std::string(line.zone_name),
            r.month.to_string(),
            r.investment_completed,
            r.capital_arrived,
            line.cumulative,
            r.progress_text,
            std::int64_t{r.percent_complete},
            std::int64_t{r.jobs},
            std::string(status)};
}

std::string progress_table_file_name(domain::BulletinLang lang, domain::Date as_of) {
    return dated_file_name(lang == domain::BulletinLang::kZh ? "月报" : "reports", as_of);
}

}  // namespace sanpi::report
