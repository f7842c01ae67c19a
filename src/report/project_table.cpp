#include "report/project_table.hpp"

#include "domain/stage.hpp"

namespace sanpi::report {

namespace {

using domain::BulletinLang;

bool zh(BulletinLang lang) { return lang == BulletinLang::kZh; }

std::string_view stage_en(domain::Stage s) {
    switch (s) {
        case domain::Stage::kReserve:
            return "Reserve";
        case domain::Stage::kSigned:
            return "Signed";
        case domain::Stage::kStarted:
            return "Started";
        case domain::Stage::kProducing:
            return "Producing";
        case domain::Stage::kAtCapacity:
            return "At capacity";
    }
    return "Reserve";
}

// 开工, or 开工（停缓建） for a project that is not active; "Started (suspended)" in English.
std::string stage_text(const domain::Project& p, BulletinLang lang) {
    std::string out(zh(lang) ? domain::label_zh(p.stage) : stage_en(p.stage));
    if (p.status == domain::ProjectStatus::kActive) return out;
    if (zh(lang)) return out + "（" + std::string(domain::label_zh(p.status)) + "）";
    return out + " (" + std::string(domain::to_string(p.status)) + ")";
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const auto& part : parts) {
        if (!out.empty()) out += separator;
        out += part;
    }
    return out;
}

std::string name_of(const std::map<std::string, std::string>& names, const std::string& code) {
    const auto found = names.find(code);
    return found == names.end() ? code : found->second;
}

TableCell date_cell(const std::optional<domain::Date>& d) {
    if (d) return *d;
    return std::monostate{};
}

}  // namespace

ProjectTableNames ProjectTableNames::of(const std::vector<domain::Region>& regions,
                                        const std::vector<domain::Industry>& industries, BulletinLang lang) {
    ProjectTableNames out;
    for (const auto& r : regions) out.cities[r.code.str()] = zh(lang) ? r.name_zh : r.name_en;
    for (const auto& i : industries) out.industries[i.code] = zh(lang) ? i.name_zh : i.name_en;
    return out;
}

TableSpec project_table_spec(BulletinLang lang, domain::MoneyUnit unit, std::string_view filled_by,
                             domain::Date as_of) {
    using K = TableColumnKind;
    TableSpec spec;
    spec.unit = unit;
    if (zh(lang)) {
        spec.sheet_name = "项目清单";
        spec.title = "项目清单";
        spec.filled_by = "填报单位：" + std::string(filled_by) + "　　日期：" + as_of.iso();
        spec.unit_note = "单位：" + std::string(domain::unit_label_zh(unit));
        spec.count_prefix = "共";
        spec.count_suffix = "个项目";
        spec.columns = {{"项目编码", "", K::kText},
                        {"项目名称", "", K::kText},
                        {"所属地市", "", K::kText},
                        {"所属开发区", "", K::kText},
                        {"投资主体", "", K::kText},
                        {"产业", "", K::kText},
                        {"建设内容", "", K::kText},
                        {"总投资", "投资情况", K::kMoney},
                        {"年度计划投资", "投资情况", K::kMoney},
                        {"计划开工", "时间安排", K::kDate},
                        {"计划投产", "时间安排", K::kDate},
                        {"所处阶段", "", K::kText},
                        {"责任单位", "", K::kText}};
        return spec;
    }
    spec.sheet_name = "Projects";
    spec.title = "Project List";
    spec.filled_by = "Reporting unit: " + std::string(filled_by) + "    Date: " + as_of.iso();
    spec.unit_note = "Unit: " + std::string(domain::unit_label_en(unit));
    spec.serial_header = "No.";
    spec.total_label = "Total";
    spec.count_prefix = "";
    spec.count_suffix = " projects";
    spec.columns = {{"Project code", "", K::kText},
                    {"Project name", "", K::kText},
                    {"City", "", K::kText},
                    {"Development zone", "", K::kText},
                    {"Investors", "", K::kText},
                    {"Industry", "", K::kText},
                    {"Construction content", "", K::kText},
                    {"Total", "Investment", K::kMoney},
                    {"Planned this year", "Investment", K::kMoney},
                    {"Planned start", "Schedule", K::kDate},
                    {"Planned production", "Schedule", K::kDate},
                    {"Stage", "", K::kText},
                    {"Responsible unit", "", K::kText}};
    return spec;
}

std::vector<TableCell> project_table_row(const domain::ProjectView& view, const ProjectTableNames& names,
                                         BulletinLang lang) {
    const auto& p = view.project;
    return {p.code,
            p.name,
            name_of(names.cities, view.city_code),
            view.zone_name,
            joined(view.investor_names, zh(lang) ? "、" : "; "),
            name_of(names.industries, p.industry_code),
            p.construction_content,
            p.total_investment,
            p.annual_planned_investment,
            date_cell(p.planned.start),
            date_cell(p.planned.production),
            stage_text(p, lang),
            p.responsible_unit};
}

std::string project_table_file_name(BulletinLang lang, domain::Date as_of) {
    return std::string(zh(lang) ? "项目清单-" : "projects-") + as_of.iso() + ".xlsx";
}

}  // namespace sanpi::report
