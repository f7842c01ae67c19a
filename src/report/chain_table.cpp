#include "report/chain_table.hpp"

#include "domain/chain_sheet.hpp"
#include "report/table_frame.hpp"

namespace sanpi::report {

TableSpec chain_table_spec(domain::BulletinLang lang, std::string_view filled_by, domain::Date as_of) {
    const bool zh = lang == domain::BulletinLang::kZh;
    TableSpec spec = table_frame({lang, domain::MoneyUnit::kYi, filled_by, as_of, "个节点", " nodes"});
    spec.sheet_name = zh ? "产业链图谱" : "Industry chains";
    spec.title = zh ? "产业链图谱表" : "Industry Chain Map";
    for (const auto& c : domain::kChainSheetColumns) {
        TableColumn column{std::string(zh ? c.zh : c.en), "", TableColumnKind::kText, false};
        if (c.column == domain::ChainSheetColumn::kEnterprises || c.column == domain::ChainSheetColumn::kProjects) {
            column.kind = TableColumnKind::kInteger;
        }
        if (c.column == domain::ChainSheetColumn::kInvestment) {
            column.kind = TableColumnKind::kMoney;
            column.header += zh ? "（亿元）" : " (100 million yuan)";
        }
        spec.columns.push_back(std::move(column));
    }
    return spec;
}

std::string chain_table_file_name(domain::BulletinLang lang, domain::Date as_of) {
    return dated_file_name(lang == domain::BulletinLang::kZh ? "产业链图谱表" : "industry-chains", as_of);
}

}  // namespace sanpi::report
