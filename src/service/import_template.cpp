#include "service/import_template.hpp"

#include <map>
#include <span>

#include "domain/coordination_item.hpp"
#include "domain/stage.hpp"

namespace sanpi::service {

namespace {

using F = ImportField;
using Choice = TemplateChoice;

// A template column in both languages; plain pointers, so the tables are constexpr.
struct TemplateColumnRow {
    const char* zh;
    const char* en;
    const char* group_zh;
    const char* group_en;
    ImportField field;
    TemplateChoice choice;
};

// A project table as zones send it, with every column the project importer reads. The headers are
// the importer's own names (docs/import.md's alias table), so they read back as these fields.
constexpr TemplateColumnRow kProjectTemplate[] = {
    {"序号", "No.", "", "", F::kSerial, Choice::kNone},
    {"项目编码", "Project code", "", "", F::kCode, Choice::kNone},
    {"投资项目统一代码", "National code", "", "", F::kNationalCode, Choice::kNone},
    {"项目名称", "Project name", "", "", F::kName, Choice::kNone},
    {"所属地市", "City", "", "", F::kCity, Choice::kCity},
    {"所属开发区", "Development zone", "", "", F::kZone, Choice::kZone},
    {"投资主体", "Investor", "", "", F::kEnterprise, Choice::kNone},
    {"统一社会信用代码", "Credit code", "", "", F::kCreditCode, Choice::kNone},
    {"产业", "Industry", "", "", F::kIndustry, Choice::kIndustry},
    {"建设内容", "Construction content", "", "", F::kConstructionContent, Choice::kNone},
    {"总投资", "Total investment", "投资情况", "Investment", F::kTotalInvestment, Choice::kNone},
    {"年度计划投资", "Annual planned investment", "投资情况", "Investment", F::kAnnualPlannedInvestment, Choice::kNone},
    {"计划签约", "Planned sign", "时间安排", "Schedule", F::kPlannedSign, Choice::kNone},
    {"计划开工", "Planned start", "时间安排", "Schedule", F::kPlannedStart, Choice::kNone},
    {"计划投产", "Planned production", "时间安排", "Schedule", F::kPlannedProduction, Choice::kNone},
    {"所处阶段", "Stage", "", "", F::kStage, Choice::kStage},
    {"责任单位", "Responsible unit", "", "", F::kResponsibleUnit, Choice::kNone},
    {"预计产值", "Expected output value", "", "", F::kExpectedOutputValue, Choice::kNone},
    {"预计税收", "Expected tax", "", "", F::kExpectedTax, Choice::kNone},
    {"预计就业", "Expected jobs", "", "", F::kExpectedJobs, Choice::kNone},
    {"备注", "Remarks", "", "", F::kRemarks, Choice::kNone},
};

// A month's progress report per row (月报): the project by code, or by name in its zone.
constexpr TemplateColumnRow kReportTemplate[] = {
    {"序号", "No.", "", "", F::kSerial, Choice::kNone},
    {"项目编码", "Project code", "", "", F::kCode, Choice::kNone},
    {"项目名称", "Project name", "", "", F::kName, Choice::kNone},
    {"所属开发区", "Development zone", "", "", F::kZone, Choice::kZone},
    {"填报月份", "Month", "", "", F::kMonth, Choice::kNone},
    {"本月完成投资", "Investment completed", "", "", F::kInvestmentCompleted, Choice::kNone},
    {"本月到位资金", "Capital arrived", "", "", F::kCapitalArrived, Choice::kNone},
    {"形象进度", "Physical progress", "", "", F::kProgressText, Choice::kNone},
    {"工程进度", "Percent complete", "", "", F::kPercentComplete, Choice::kNone},
    {"用工人数", "Jobs", "", "", F::kJobs, Choice::kNone},
    {"备注", "Remarks", "", "", F::kRemarks, Choice::kNone},
};

// A coordination list (协调事项清单): a problem per row, for a project by code or by name in its zone.
constexpr TemplateColumnRow kCoordinationTemplate[] = {
    {"序号", "No.", "", "", F::kSerial, Choice::kNone},
    {"项目编码", "Project code", "", "", F::kCode, Choice::kNone},
    {"项目名称", "Project name", "", "", F::kName, Choice::kNone},
    {"所属开发区", "Development zone", "", "", F::kZone, Choice::kZone},
    {"问题类别", "Category", "", "", F::kCategory, Choice::kCategory},
    {"问题描述", "Description", "", "", F::kDescription, Choice::kNone},
    {"协调层级", "Level", "", "", F::kLevel, Choice::kLevel},
    {"责任单位", "Responsible department", "", "", F::kResponsibleUnit, Choice::kNone},
    {"办结时限", "Deadline", "", "", F::kDeadline, Choice::kNone},
    {"备注", "Remarks", "", "", F::kRemarks, Choice::kNone},
};

struct TemplateKindRow {
    TemplateKind kind;
    const char* name;
    const char* title_zh;
    const char* title_en;
    const char* file_zh;
    const char* file_en;
    std::span<const TemplateColumnRow> columns;
    std::optional<domain::MoneyUnit> unit;
};

// One row per kind. A campaign's batch list has the project table's columns: the campaign and the
// batch are chosen when the file is uploaded.
const TemplateKindRow kTemplateKinds[] = {
    {TemplateKind::kProjects, "projects", "项目导入模板", "Project Import Template", "项目导入模板",
     "projects-template", kProjectTemplate, domain::MoneyUnit::kYi},
    {TemplateKind::kEntries, "entries", "活动项目导入模板", "Campaign Entries Import Template", "活动项目导入模板",
     "entries-template", kProjectTemplate, domain::MoneyUnit::kYi},
    // A month's figures are small: 万元, as zones report them.
    {TemplateKind::kReports, "reports", "月报导入模板", "Monthly Report Import Template", "月报导入模板",
     "reports-template", kReportTemplate, domain::MoneyUnit::kWan},
    {TemplateKind::kCoordination, "coordination", "协调事项导入模板", "Coordination Items Import Template",
     "协调事项导入模板", "coordination-template", kCoordinationTemplate, std::nullopt},
};

const TemplateKindRow& kind_row(TemplateKind kind) {
    for (const auto& row : kTemplateKinds) {
        if (row.kind == kind) return row;
    }
    return kTemplateKinds[0];
}


}  // namespace

std::string_view to_string(TemplateKind kind) { return kind_row(kind).name; }

std::optional<TemplateKind> template_kind_from_string(std::string_view text) {
    for (const auto& row : kTemplateKinds) {
        if (text == row.name) return row.kind;
    }
    return std::nullopt;
}

std::vector<TemplateKind> template_kinds() {
    std::vector<TemplateKind> out;
    for (const auto& row : kTemplateKinds) out.push_back(row.kind);
    return out;
}

ImportTemplate import_template(TemplateKind kind, domain::BulletinLang lang) {
    const bool zh = lang == domain::BulletinLang::kZh;
    const auto& row = kind_row(kind);
    ImportTemplate out;
    out.title = zh ? row.title_zh : row.title_en;
    out.sheet = zh ? "导入模板" : "Template";
    out.file_name = std::string(zh ? row.file_zh : row.file_en) + ".xlsx";
    out.unit = row.unit;
    for (const auto& c : row.columns) {
        out.columns.push_back({zh ? c.zh : c.en, zh ? c.group_zh : c.group_en, c.field, c.choice});
    }
    return out;
}

const std::vector<std::string>& TemplateChoiceLists::of(TemplateChoice choice) const {
    static const std::vector<std::string> kNoChoices;
    switch (choice) {
        case Choice::kIndustry:
            return industries;
        case Choice::kStage:
            return stages;
        case Choice::kCity:
            return cities;
        case Choice::kZone:
            return zones;
        case Choice::kCategory:
            return categories;
        case Choice::kLevel:
            return levels;
        case Choice::kNone:
            break;
    }
    return kNoChoices;
}

TemplateChoiceLists template_choices(const std::vector<domain::Industry>& industries,
                                     const std::vector<domain::Region>& regions,
                                     const std::vector<domain::Zone>& zones_in_scope, domain::BulletinLang lang) {
    const bool zh = lang == domain::BulletinLang::kZh;
    TemplateChoiceLists out;
    for (const auto& i : industries) out.industries.push_back(zh || i.name_en.empty() ? i.name_zh : i.name_en);
    for (const auto s : {domain::Stage::kReserve, domain::Stage::kSigned, domain::Stage::kStarted,
                         domain::Stage::kProducing, domain::Stage::kAtCapacity}) {
        out.stages.emplace_back(zh ? domain::label_zh(s) : domain::label_en(s));
    }
    using domain::CoordinationCategory;
    for (const auto c : {CoordinationCategory::kLand, CoordinationCategory::kPlanningApproval,
                         CoordinationCategory::kFinancing, CoordinationCategory::kUtilities,
                         CoordinationCategory::kLabour, CoordinationCategory::kEnvironment,
                         CoordinationCategory::kOther}) {
        out.categories.emplace_back(zh ? domain::label_zh(c) : domain::label_en(c));
    }
    for (const auto l : {domain::CoordinationLevel::kZone, domain::CoordinationLevel::kCity,
                         domain::CoordinationLevel::kProvince}) {
        out.levels.emplace_back(zh ? domain::label_zh(l) : domain::label_en(l));
    }
    std::map<std::string, std::string> region_names;
    for (const auto& r : regions) region_names[r.code.str()] = r.name_zh;
    // The cities of the zones in scope, by code; the zones as listed (by city, then id).
    std::map<std::string, std::string> cities;
    for (const auto& z : zones_in_scope) {
        const auto code = z.region.city().str();
        const auto name = region_names.find(code);
        cities.emplace(code, name != region_names.end() ? name->second : code);
        out.zones.push_back(z.name);
    }
    for (auto& [code, name] : cities) out.cities.push_back(std::move(name));
    return out;
}

std::string_view template_choice_heading(TemplateChoice choice, domain::BulletinLang lang) {
    const bool zh = lang == domain::BulletinLang::kZh;
    switch (choice) {
        case Choice::kIndustry:
            return zh ? "产业" : "Industry";
        case Choice::kStage:
            return zh ? "所处阶段" : "Stage";
        case Choice::kCity:
            return zh ? "所属地市" : "City";
        case Choice::kZone:
            return zh ? "所属开发区" : "Development zone";
        case Choice::kCategory:
            return zh ? "问题类别" : "Category";
        case Choice::kLevel:
            return zh ? "协调层级" : "Level";
        case Choice::kNone:
            break;
    }
    return "";
}

}  // namespace sanpi::service
