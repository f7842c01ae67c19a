#include "service/import_columns.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "service/import_text.hpp"

namespace sanpi::service {
namespace {

struct Alias {
    std::string_view key;  // as match_key leaves it
    ImportField field;
};

using F = ImportField;

// Keep docs/import.md in step with this table.
constexpr std::array kAliases{
    Alias{"序号", F::kSerial},
    Alias{"no.", F::kSerial},
    Alias{"no", F::kSerial},
    Alias{"#", F::kSerial},
    Alias{"项目编码", F::kCode},
    Alias{"项目编号", F::kCode},
    Alias{"编码", F::kCode},
    Alias{"code", F::kCode},
    Alias{"projectcode", F::kCode},
    Alias{"项目代码", F::kNationalCode},
    Alias{"投资项目代码", F::kNationalCode},
    Alias{"统一项目代码", F::kNationalCode},
    Alias{"投资项目统一代码", F::kNationalCode},
    Alias{"nationalcode", F::kNationalCode},
    Alias{"项目名称", F::kName},
    Alias{"名称", F::kName},
    Alias{"project", F::kName},
    Alias{"projectname", F::kName},
    Alias{"name", F::kName},
    Alias{"所属地市", F::kCity},
    Alias{"地市", F::kCity},
    Alias{"所在地市", F::kCity},
    Alias{"设区市", F::kCity},
    Alias{"市", F::kCity},
    Alias{"city", F::kCity},
    Alias{"所属开发区", F::kZone},
    Alias{"开发区", F::kZone},
    Alias{"开发区名称", F::kZone},
    Alias{"所在开发区", F::kZone},
    Alias{"园区", F::kZone},
    Alias{"所属园区", F::kZone},
    Alias{"zone", F::kZone},
    Alias{"developmentzone", F::kZone},
    Alias{"投资主体", F::kEnterprise},
    Alias{"investors", F::kEnterprise},
    Alias{"投资方", F::kEnterprise},
    Alias{"投资企业", F::kEnterprise},
    Alias{"企业名称", F::kEnterprise},
    Alias{"建设单位", F::kEnterprise},
    Alias{"项目单位", F::kEnterprise},
    Alias{"enterprise", F::kEnterprise},
    Alias{"investor", F::kEnterprise},
    Alias{"统一社会信用代码", F::kCreditCode},
    Alias{"社会信用代码", F::kCreditCode},
    Alias{"信用代码", F::kCreditCode},
    Alias{"creditcode", F::kCreditCode},
    Alias{"uscc", F::kCreditCode},
    Alias{"产业", F::kIndustry},
    Alias{"所属产业", F::kIndustry},
    Alias{"产业类别", F::kIndustry},
    Alias{"产业类型", F::kIndustry},
    Alias{"产业领域", F::kIndustry},
    Alias{"行业", F::kIndustry},
    Alias{"所属行业", F::kIndustry},
    Alias{"industry", F::kIndustry},
    Alias{"建设内容", F::kConstructionContent},
    Alias{"主要建设内容", F::kConstructionContent},
    Alias{"建设规模及内容", F::kConstructionContent},
    Alias{"建设规模和内容", F::kConstructionContent},
    Alias{"constructioncontent", F::kConstructionContent},
    Alias{"总投资", F::kTotalInvestment},
    Alias{"计划总投资", F::kTotalInvestment},
    Alias{"项目总投资", F::kTotalInvestment},
    Alias{"总投资额", F::kTotalInvestment},
    Alias{"totalinvestment", F::kTotalInvestment},
    Alias{"年度计划投资", F::kAnnualPlannedInvestment},
    Alias{"年度计划", F::kAnnualPlannedInvestment},
    Alias{"年计划投资", F::kAnnualPlannedInvestment},
    Alias{"本年计划投资", F::kAnnualPlannedInvestment},
    Alias{"annualplannedinvestment", F::kAnnualPlannedInvestment},
    Alias{"annualplan", F::kAnnualPlannedInvestment},
    Alias{"签约时间", F::kPlannedSign},
    Alias{"计划签约", F::kPlannedSign},
    Alias{"计划签约时间", F::kPlannedSign},
    Alias{"签约日期", F::kPlannedSign},
    Alias{"plannedsign", F::kPlannedSign},
    Alias{"计划开工", F::kPlannedStart},
    Alias{"计划开工时间", F::kPlannedStart},
    Alias{"开工时间", F::kPlannedStart},
    Alias{"开工日期", F::kPlannedStart},
    Alias{"plannedstart", F::kPlannedStart},
    Alias{"计划投产", F::kPlannedProduction},
    Alias{"计划投产时间", F::kPlannedProduction},
    Alias{"投产时间", F::kPlannedProduction},
    Alias{"投产日期", F::kPlannedProduction},
    Alias{"plannedproduction", F::kPlannedProduction},
    Alias{"项目阶段", F::kStage},
    Alias{"所处阶段", F::kStage},
    Alias{"阶段", F::kStage},
    Alias{"stage", F::kStage},
    Alias{"责任单位", F::kResponsibleUnit},
    Alias{"牵头单位", F::kResponsibleUnit},
    Alias{"责任部门", F::kResponsibleUnit},
    Alias{"responsibleunit", F::kResponsibleUnit},
    Alias{"负责单位", F::kResponsibleUnit},
    Alias{"responsibledepartment", F::kResponsibleUnit},
    Alias{"预计产值", F::kExpectedOutputValue},
    Alias{"预计年产值", F::kExpectedOutputValue},
    Alias{"达产后年产值", F::kExpectedOutputValue},
    Alias{"expectedoutputvalue", F::kExpectedOutputValue},
    Alias{"预计税收", F::kExpectedTax},
    Alias{"预计年税收", F::kExpectedTax},
    Alias{"达产后年税收", F::kExpectedTax},
    Alias{"expectedtax", F::kExpectedTax},
    Alias{"预计就业", F::kExpectedJobs},
    Alias{"带动就业", F::kExpectedJobs},
    Alias{"新增就业", F::kExpectedJobs},
    Alias{"expectedjobs", F::kExpectedJobs},
    Alias{"备注", F::kRemarks},
    Alias{"remarks", F::kRemarks},
    Alias{"note", F::kRemarks},
    Alias{"填报月份", F::kMonth},
    Alias{"月份", F::kMonth},
    Alias{"报告月份", F::kMonth},
    Alias{"所属月份", F::kMonth},
    Alias{"统计月份", F::kMonth},
    Alias{"填报期间", F::kMonth},
    Alias{"month", F::kMonth},
    Alias{"reportmonth", F::kMonth},
    Alias{"本月完成投资", F::kInvestmentCompleted},
    Alias{"当月完成投资", F::kInvestmentCompleted},
    Alias{"本月完成投资额", F::kInvestmentCompleted},
    Alias{"月度完成投资", F::kInvestmentCompleted},
    Alias{"完成投资", F::kInvestmentCompleted},
    Alias{"investmentcompleted", F::kInvestmentCompleted},
    Alias{"completedthismonth", F::kInvestmentCompleted},
    Alias{"本月到位资金", F::kCapitalArrived},
    Alias{"当月到位资金", F::kCapitalArrived},
    Alias{"到位资金", F::kCapitalArrived},
    Alias{"capitalarrived", F::kCapitalArrived},
    Alias{"fundsarrivedthismonth", F::kCapitalArrived},
    Alias{"形象进度", F::kProgressText},
    Alias{"工程形象进度", F::kProgressText},
    Alias{"项目进展情况", F::kProgressText},
    Alias{"进展情况", F::kProgressText},
    Alias{"physicalprogress", F::kProgressText},
    Alias{"progresstext", F::kProgressText},
    Alias{"工程进度", F::kPercentComplete},
    Alias{"工程进度百分比", F::kPercentComplete},
    Alias{"形象进度百分比", F::kPercentComplete},
    Alias{"完成比例", F::kPercentComplete},
    Alias{"percentcomplete", F::kPercentComplete},
    Alias{"用工人数", F::kJobs},
    Alias{"用工数", F::kJobs},
    Alias{"从业人数", F::kJobs},
    Alias{"jobs", F::kJobs},
    Alias{"employed", F::kJobs},
    Alias{"问题类别", F::kCategory},
    Alias{"问题类型", F::kCategory},
    Alias{"问题分类", F::kCategory},
    Alias{"类别", F::kCategory},
    Alias{"category", F::kCategory},
    Alias{"问题描述", F::kDescription},
    Alias{"问题内容", F::kDescription},
    Alias{"存在问题", F::kDescription},
    Alias{"问题诉求", F::kDescription},
    Alias{"诉求内容", F::kDescription},
    Alias{"description", F::kDescription},
    Alias{"problem", F::kDescription},
    Alias{"协调层级", F::kLevel},
    Alias{"协调级别", F::kLevel},
    Alias{"层级", F::kLevel},
    Alias{"level", F::kLevel},
    Alias{"办结时限", F::kDeadline},
    Alias{"完成时限", F::kDeadline},
    Alias{"办结时间", F::kDeadline},
    Alias{"时限要求", F::kDeadline},
    Alias{"时限", F::kDeadline},
    Alias{"deadline", F::kDeadline},
};

// The columns of each kind beyond the project's identity (code, name, city, zone, credit code)
// and 序号 / 备注, which every kind reads.
constexpr std::array kProjectOnly{F::kNationalCode, F::kEnterprise, F::kIndustry, F::kConstructionContent,
                                  F::kTotalInvestment, F::kAnnualPlannedInvestment, F::kPlannedSign,
                                  F::kPlannedStart, F::kPlannedProduction, F::kStage, F::kResponsibleUnit,
                                  F::kExpectedOutputValue, F::kExpectedTax, F::kExpectedJobs};
constexpr std::array kReportOnly{F::kMonth, F::kInvestmentCompleted, F::kCapitalArrived, F::kProgressText,
                                 F::kPercentComplete, F::kJobs};
constexpr std::array kCoordinationOnly{F::kCategory, F::kDescription, F::kLevel, F::kResponsibleUnit, F::kDeadline};

constexpr std::array<std::pair<ImportKind, std::string_view>, 4> kKindNames{{
    {ImportKind::kProjects, "projects"},
    {ImportKind::kEntries, "entries"},
    {ImportKind::kReports, "reports"},
    {ImportKind::kCoordination, "coordination"},
}};

constexpr std::array<std::string_view, 9> kGroupLabels{"投资情况", "投资", "时间安排", "计划时间", "时间节点",
                                                       "investment", "schedule", "预计效益", "效益"};

constexpr std::array<std::pair<std::string_view, domain::MoneyUnit>, 8> kUnitNames{{
    {"亿元", domain::MoneyUnit::kYi},
    {"亿", domain::MoneyUnit::kYi},
    {"万元", domain::MoneyUnit::kWan},
    {"万", domain::MoneyUnit::kWan},
    {"元", domain::MoneyUnit::kYuan},
    {"100myuan", domain::MoneyUnit::kYi},
    {"10kyuan", domain::MoneyUnit::kWan},
    {"yuan", domain::MoneyUnit::kYuan},
}};

}  // namespace

std::string_view import_field_name(ImportField field) {
    switch (field) {
        case F::kSerial: return "serial";
        case F::kCode: return "code";
        case F::kNationalCode: return "national_code";
        case F::kName: return "name";
        case F::kCity: return "city";
        case F::kZone: return "zone";
        case F::kEnterprise: return "enterprise";
        case F::kCreditCode: return "credit_code";
        case F::kIndustry: return "industry";
        case F::kConstructionContent: return "construction_content";
        case F::kTotalInvestment: return "total_investment";
        case F::kAnnualPlannedInvestment: return "annual_planned_investment";
        case F::kPlannedSign: return "planned.sign";
        case F::kPlannedStart: return "planned.start";
        case F::kPlannedProduction: return "planned.production";
        case F::kStage: return "stage";
        case F::kResponsibleUnit: return "responsible_unit";
        case F::kExpectedOutputValue: return "expected_output_value";
        case F::kExpectedTax: return "expected_tax";
        case F::kExpectedJobs: return "expected_jobs";
        case F::kRemarks: return "remarks";
        case F::kMonth: return "month";
        case F::kInvestmentCompleted: return "investment_completed";
        case F::kCapitalArrived: return "capital_arrived";
        case F::kProgressText: return "progress_text";
        case F::kPercentComplete: return "percent_complete";
        case F::kJobs: return "jobs";
        case F::kCategory: return "category";
        case F::kDescription: return "description";
        case F::kLevel: return "level";
        case F::kDeadline: return "deadline";
    }
    return "";
}

bool is_money_field(ImportField field) {
    return field == F::kTotalInvestment || field == F::kAnnualPlannedInvestment ||
           field == F::kExpectedOutputValue || field == F::kExpectedTax || field == F::kInvestmentCompleted ||
           field == F::kCapitalArrived;
}

bool is_date_field(ImportField field) {
    return field == F::kPlannedSign || field == F::kPlannedStart || field == F::kPlannedProduction ||
           field == F::kDeadline;
}

std::string_view to_string(ImportKind kind) {
    for (const auto& [k, name] : kKindNames) {
        if (k == kind) return name;
    }
    return "projects";
}

std::optional<ImportKind> import_kind_from_string(std::string_view text) {
    for (const auto& [k, name] : kKindNames) {
        if (name == text) return k;
    }
    return std::nullopt;
}

bool kind_reads(ImportKind kind, ImportField field) {
    const auto in = [field](const auto& fields) {
        return std::find(fields.begin(), fields.end(), field) != fields.end();
    };
    if (field == F::kSerial || field == F::kRemarks || field == F::kCode || field == F::kName || field == F::kCity ||
        field == F::kZone || field == F::kCreditCode) {
        return true;
    }
    switch (kind) {
        case ImportKind::kProjects:
        case ImportKind::kEntries:
            return in(kProjectOnly);
        case ImportKind::kReports:
            return in(kReportOnly);
        case ImportKind::kCoordination:
            return in(kCoordinationOnly);
    }
    return false;
}

std::optional<domain::MoneyUnit> money_unit_named(std::string_view text) {
    const std::string key = match_key(text);
    for (const auto& [name, unit] : kUnitNames) {
        if (key == name) return unit;
    }
    return std::nullopt;
}

std::optional<HeaderMatch> match_header(std::string_view header) {
    const HeaderText text = split_header_note(header);
    for (const auto& alias : kAliases) {
        if (alias.key != text.label) continue;
        HeaderMatch match{alias.field, std::nullopt};
        if (is_money_field(alias.field)) match.unit = money_unit_named(text.note);
        return match;
    }
    return std::nullopt;
}

bool is_group_label(std::string_view header) {
    const std::string key = split_header_note(header).label;
    for (const auto label : kGroupLabels) {
        if (key == label) return true;
    }
    return false;
}

std::optional<domain::MoneyUnit> unit_line(std::string_view text) {
    const std::string key = match_key(text);
    // The unit is what follows "单位:" / "unit:" up to the next separator.
    for (std::string_view marker : {"单位:", "unit:", "units:", "in"}) {
        for (auto at = key.find(marker); at != std::string::npos; at = key.find(marker, at + 1)) {
            if (marker == "in" && at != 0) break;  // "in 100m yuan" only as the whole line
            std::string rest = key.substr(at + marker.size());
            for (std::string_view stop : {",", ";", "、", "填报", "日期"}) {
                if (auto end = rest.find(stop); end != std::string::npos) rest.erase(end);
            }
            if (auto unit = money_unit_named(rest)) return unit;
        }
    }
    return std::nullopt;
}

}  // namespace sanpi::service
