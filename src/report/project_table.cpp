#include "report/project_table.hpp"

#include "domain/stage.hpp"
#include "report/bulletin_report.hpp"
#include "report/table_frame.hpp"

namespace sanpi::report {

namespace {

using domain::BulletinLang;
using K = TableColumnKind;

bool zh(BulletinLang lang) { return lang == BulletinLang::kZh; }

using ColumnName = TableColumnName;

// The project table's columns after 序号; the batch list adds two (kBatchColumn, kEntryStatusColumn).
constexpr ColumnName kProjectColumns[] = {
    {"项目编码", "Project code", "", "", K::kText},
    {"项目名称", "Project name", "", "", K::kText},
    {"所属地市", "City", "", "", K::kText},
    {"所属开发区", "Development zone", "", "", K::kText},
    {"投资主体", "Investors", "", "", K::kText},
    {"统一社会信用代码", "Credit code", "", "", K::kText},
    {"产业", "Industry", "", "", K::kText},
    {"建设内容", "Construction content", "", "", K::kText},
    {"总投资", "Total investment", "投资情况", "Investment", K::kMoney},
    {"年度计划投资", "Annual planned investment", "投资情况", "Investment", K::kMoney},
    {"计划开工", "Planned start", "时间安排", "Schedule", K::kDate},
    {"计划投产", "Planned production", "时间安排", "Schedule", K::kDate},
    {"所处阶段", "Stage", "", "", K::kText},
    {"责任单位", "Responsible unit", "", "", K::kText},
};
constexpr std::size_t kAfterIndustry = 7;  // where 批次 goes in the batch list
constexpr std::size_t kAfterStage = 14;    // where 入选状态 goes, 批次 being in
constexpr std::size_t kTotalInvestment = 8;  // 总投资's cell in a project row
constexpr ColumnName kBatchColumn{"批次", "Batch", "", "", K::kText};
constexpr ColumnName kEntryStatusColumn{"入选状态", "Entry status", "", "", K::kText};

TableColumn column(const ColumnName& c, BulletinLang lang) { return localized_column(c, lang); }

// Everything but the title and the columns.
TableSpec spec_frame(BulletinLang lang, domain::MoneyUnit unit, std::string_view filled_by, domain::Date as_of) {
    TableSpec spec = table_frame({lang, unit, filled_by, as_of, "个项目", " projects"});
    for (const auto& c : kProjectColumns) spec.columns.push_back(column(c, lang));
    return spec;
}


// 开工, or 开工（停缓建） for a project that is not active; "Started (suspended)" in English.
std::string stage_text(const domain::Project& p, BulletinLang lang) {
    std::string out(zh(lang) ? domain::label_zh(p.stage) : domain::label_en(p.stage));
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

// 签约一批 / Signed, as the bulletin names a batch.
std::string batch_text(domain::BatchKind b, BulletinLang lang) {
    if (zh(lang)) return std::string(domain::label_zh(b));
    switch (b) {
        case domain::BatchKind::kSign:
            return "Signed";
        case domain::BatchKind::kStart:
            return "Started";
        case domain::BatchKind::kProduce:
            return "Producing";
    }
    return "Signed";
}

template <class T>
void insert_at(std::vector<T>& items, std::size_t at, T item) {
    items.insert(items.begin() + static_cast<std::ptrdiff_t>(at), std::move(item));
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
    TableSpec spec = spec_frame(lang, unit, filled_by, as_of);
    spec.sheet_name = zh(lang) ? "项目清单" : "Projects";
    spec.title = zh(lang) ? "项目清单" : "Project List";
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
            // The lead investor's: a re-import matches the project by it.
            view.investor_credit_codes.empty() ? std::string() : view.investor_credit_codes.front(),
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

TableSpec entry_table_spec(BulletinLang lang, domain::MoneyUnit unit, std::string_view filled_by, domain::Date as_of,
                           const domain::Campaign& campaign, std::optional<domain::BatchKind> batch) {
    TableSpec spec = spec_frame(lang, unit, filled_by, as_of);
    insert_at(spec.columns, kAfterIndustry, column(kBatchColumn, lang));
    insert_at(spec.columns, kAfterStage, column(kEntryStatusColumn, lang));
    if (zh(lang)) {
        spec.sheet_name = batch ? std::string(domain::label_zh(*batch)) : "活动项目";
        spec.title = campaign.name + (batch ? std::string(domain::label_zh(*batch)) : "") + "项目清单";
    } else {
        spec.sheet_name = batch ? batch_text(*batch, lang) : "Entries";
        spec.title = campaign.name + (batch ? ": " + batch_text(*batch, lang) + " batch" : ": entries");
    }
    return spec;
}

std::vector<TableCell> entry_table_row(const domain::CampaignEntry& entry, const domain::ProjectView& view,
                                       const ProjectTableNames& names, BulletinLang lang) {
    auto cells = project_table_row(view, names, lang);
    cells[kTotalInvestment] = entry.investment;  // 总投资: as the campaign's figures count it
    const auto status =
        zh(lang) ? std::string(domain::label_zh(entry.status)) : std::string(domain::to_string(entry.status));
    insert_at(cells, kAfterIndustry, TableCell{batch_text(entry.batch, lang)});
    insert_at(cells, kAfterStage, TableCell{status});
    return cells;
}

std::string entry_table_file_name(BulletinLang lang, domain::Date as_of, const domain::Campaign& campaign,
                                  std::optional<domain::BatchKind> batch) {
    std::string name = file_name_safe(campaign.name);
    if (name.empty()) name = "campaign-" + std::to_string(campaign.id);
    if (zh(lang)) {
        name += "-" + (batch ? std::string(domain::label_zh(*batch)) : std::string("项目清单"));
    } else {
        name += "-" + (batch ? std::string(domain::to_string(*batch)) : std::string("entries"));
    }
    return name + "-" + as_of.iso() + ".xlsx";
}

}  // namespace sanpi::report
