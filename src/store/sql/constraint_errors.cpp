#include "store/sql/constraint_errors.hpp"

#include <array>

#include "store/internal_log.hpp"

namespace sanpi::store::sql {
namespace {

struct UniqueRule {
    std::string_view column;      // "table.column", the first column of the key
    std::string_view constraint;  // PostgreSQL's default name for the same key
    ErrorCode code;
    std::string_view field;
    std::string_view zh;
    std::string_view en;
};

constexpr std::array kUniqueRules{
    // m0014: once per batch kind across campaigns (entries not withdrawn); once per campaign.
    UniqueRule{"campaign_entries.project_id", "campaign_entries_counted_once", ErrorCode::kConflict, "project_id",
               "该项目已计入该批次", "project already counted in this batch"},
    UniqueRule{"campaign_entries.campaign_id", "campaign_entries_m14_pkey", ErrorCode::kConflict, "project_id",
               "该项目已计入该批次", "project already counted in this batch"},
    UniqueRule{"campaigns.year", "campaigns_year_sequence", ErrorCode::kConflict, "sequence",
               "该年度已有相同序号的活动", "a campaign of that year already has this sequence number"},
    UniqueRule{"projects.code", "projects_code_key", ErrorCode::kConflict, "code", "项目编码已存在",
               "a project with this code already exists"},
    UniqueRule{"zones.code", "zones_code_key", ErrorCode::kConflict, "code", "开发区编码已存在",
               "a zone with this code already exists"},
    UniqueRule{"users.name", "users_name_key", ErrorCode::kConflict, "name", "用户名已存在",
               "this user name is already taken"},
    UniqueRule{"enterprises.credit_code", "enterprises_credit_code_key", ErrorCode::kConflict, "credit_code",
               "统一社会信用代码已存在", "an enterprise with this credit code already exists"},
    UniqueRule{"campaigns.name", "campaigns_name_key", ErrorCode::kConflict, "name", "活动名称已存在",
               "a campaign with this name already exists"},
    UniqueRule{"project_investors.project_id", "project_investors_pkey", ErrorCode::kInvalidInput, "investor_ids",
               "投资方重复", "an investor is listed more than once"},
    UniqueRule{"progress_reports.project_id", "progress_reports_project_month", ErrorCode::kConflict, "month",
               "该项目该月的月报已存在", "the project already has a report for this month"},
    // m0005. The national code message never says which project holds the code: it may be outside
    // the caller's scope.
    UniqueRule{"projects.national_code", "projects_national_code", ErrorCode::kConflict, "national_code",
               "该项目代码已被使用", "this national project code is already in use"},
    UniqueRule{"project_funding.project_id", "project_funding_pkey", ErrorCode::kInvalidInput, "funding",
               "资金来源重复", "a funding source is listed more than once"},
    UniqueRule{"chains.name", "chains_name_key", ErrorCode::kConflict, "name", "产业链名称已存在",
               "a chain with this name already exists"},
    UniqueRule{"project_realised.project_id", "project_realised_pkey", ErrorCode::kInvalidInput, "realised", "年度重复",
               "a year is listed more than once"},
};

Error with_field(const UniqueRule& rule) {
    const std::string field(rule.field), zh(rule.zh), en(rule.en);
    if (rule.code == ErrorCode::kInvalidInput) return Error::invalid_field(field, zh, en);
    Error e = Error::conflict(zh, en);
    e.fields.push_back(FieldError{field, {zh, en}});
    return e;
}

Error unknown_unique() { return Error::conflict("记录已存在", "the record already exists"); }

}  // namespace

Error unique_error(std::string_view key) {
    for (const auto& rule : kUniqueRules) {
        if (rule.column == key || rule.constraint == key) return with_field(rule);
    }
    return unknown_unique();
}

Error check_error(std::string_view constraint) {
    if (constraint.substr(0, 3) != "ck_") return Error::invalid_field("record", "取值不允许", "a value is not allowed");
    return Error::invalid_field(std::string(constraint.substr(3)), "取值不允许", "value not allowed");
}

std::optional<Error> figure_overflow_error(std::string_view column) {
    const bool kept_sum = column.substr(0, 8) == "figures_" && column.ends_with(".investment_fen");
    if (!kept_sum) return std::nullopt;
    return Error::invalid_field("total_investment", "开发区的投资合计将超过可记录的上限（9亿亿元），未保存",
                                "the zone's investment total would pass the most its figures hold (9×10^16 yuan); "
                                "nothing was saved");
}

Error foreign_key_error(const ForeignKeys& foreign_keys, const std::function<bool(const ForeignKey&)>& exists) {
    for (const auto& fk : foreign_keys) {
        if (exists(fk)) continue;
        return Error::invalid_field(fk.field, "引用的" + std::string(fk.what_zh) + "不存在",
                                    "refers to a " + std::string(fk.what_en) + " that does not exist");
    }
    return Error::invalid_field("record", "引用的记录不存在", "refers to a record that does not exist");
}

Error busy_error() { return Error::unavailable("数据库繁忙，请稍后重试", "the database is busy; try again shortly"); }

Error storage_full_error() {
    return Error::unavailable("数据库存储空间已满，修改暂时无法保存（查询不受影响）；请联系管理员释放空间",
                              "the database's disk is full: changes cannot be saved until space is freed "
                              "(reading still works); tell the administrator");
}

Error read_only_error() {
    return Error::unavailable("数据库当前只读，修改暂时无法保存（查询不受影响）；请联系管理员",
                              "the database is read-only at the moment: changes cannot be saved (reading still "
                              "works); tell the administrator");
}

Error unavailable_error() {
    return Error::unavailable("数据库暂时不可用，请稍后重试", "the database is temporarily unavailable; try again");
}

Error internal_error(std::string_view detail) {
    log_internal(detail);
    return Error::internal("存储出错", "storage error");
}

}  // namespace sanpi::store::sql
