#include "service/import_columns.hpp"

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
};

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
    }
    return "";
}

bool is_money_field(ImportField field) {
    return field == F::kTotalInvestment || field == F::kAnnualPlannedInvestment ||
           field == F::kExpectedOutputValue || field == F::kExpectedTax;
}

bool is_date_field(ImportField field) {
    return field == F::kPlannedSign || field == F::kPlannedStart || field == F::kPlannedProduction;
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
