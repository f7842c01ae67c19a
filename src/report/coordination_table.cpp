#include "report/coordination_table.hpp"

#include "report/table_frame.hpp"

namespace sanpi::report {

namespace {

using K = TableColumnKind;

constexpr TableColumnName kCoordinationColumns[] = {
    {"项目名称", "Project name", "", "", K::kText}, {"所属开发区", "Development zone", "", "", K::kText},
    {"问题类别", "Category", "", "", K::kText},     {"问题描述", "Description", "", "", K::kText},
    {"协调层级", "Level", "", "", K::kText},        {"责任单位", "Responsible department", "", "", K::kText},
    {"办结时限", "Deadline", "", "", K::kDate},     {"状态", "Status", "", "", K::kText},
    {"办理结果", "Resolution", "", "", K::kText},
};

std::string coordination_status_text(const CoordinationTableLine& line, bool zh) {
    const auto status = line.item.status;
    std::string out(zh ? domain::label_zh(status) : domain::label_en(status));
    if (!line.overdue) return out;
    return out + (zh ? "（已逾期）" : " (overdue)");
}

}  // namespace

TableSpec coordination_table_spec(domain::BulletinLang lang, std::string_view filled_by, domain::Date as_of) {
    const bool zh = lang == domain::BulletinLang::kZh;
    TableSpec spec = table_frame({lang, std::nullopt, filled_by, as_of, "项", " items"});
    spec.sheet_name = zh ? "问题诉求" : "Coordination items";
    spec.title = zh ? "项目问题诉求清单" : "Coordination Items";
    for (const auto& c : kCoordinationColumns) spec.columns.push_back(localized_column(c, lang));
    return spec;
}

std::vector<TableCell> coordination_table_row(const CoordinationTableLine& line, domain::BulletinLang lang) {
    const bool zh = lang == domain::BulletinLang::kZh;
    const auto& item = line.item;
    return {std::string(line.project_name),
            std::string(line.zone_name),
            std::string(zh ? domain::label_zh(item.category) : domain::label_en(item.category)),
            item.description,
            std::string(zh ? domain::label_zh(item.level) : domain::label_en(item.level)),
            item.responsible_department,
            item.deadline,
            coordination_status_text(line, zh),
            item.resolution.value_or("")};
}

std::string coordination_table_file_name(domain::BulletinLang lang, domain::Date as_of) {
    return dated_file_name(lang == domain::BulletinLang::kZh ? "问题诉求" : "coordination-items", as_of);
}

}  // namespace sanpi::report
