#include "report/table_frame.hpp"

#include "report/bulletin_report.hpp"

namespace sanpi::report {

TableColumn localized_column(const TableColumnName& name, domain::BulletinLang lang) {
    const bool zh = lang == domain::BulletinLang::kZh;
    return {zh ? name.zh : name.en, zh ? name.group_zh : name.group_en, name.kind, name.totalled};
}

TableSpec table_frame(const TableFrame& frame) {
    TableSpec spec;
    spec.unit = frame.unit.value_or(domain::MoneyUnit::kYi);
    if (frame.lang == domain::BulletinLang::kZh) {
        spec.filled_by = "填报单位：" + std::string(frame.filled_by) + "　　日期：" + frame.as_of.iso();
        if (frame.unit) spec.unit_note = "单位：" + std::string(domain::unit_label_zh(*frame.unit));
        spec.count_prefix = "共";
        spec.count_suffix = std::string(frame.count_zh);
    } else {
        spec.filled_by = "Reporting unit: " + std::string(frame.filled_by) + "    Date: " + frame.as_of.iso();
        if (frame.unit) spec.unit_note = "Unit: " + std::string(domain::unit_label_en(*frame.unit));
        spec.serial_header = "No.";
        spec.total_label = "Total";
        spec.count_prefix = "";
        spec.count_suffix = std::string(frame.count_en);
    }
    return spec;
}

std::string dated_file_name(std::string_view prefix, domain::Date as_of) {
    std::string name = file_name_safe(prefix);
    if (name.empty()) name = "export";
    return name + "-" + as_of.iso() + ".xlsx";
}

}  // namespace sanpi::report
