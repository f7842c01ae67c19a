#include "domain/coordination_item.hpp"

#include <array>

#include "domain/field_checks.hpp"
#include "domain/text_normalize.hpp"

namespace sanpi::domain {
namespace {

// One row per value: the stable name (JSON, database) and both labels side by side.
template <class E>
struct Labelled {
    E value;
    std::string_view name;
    std::string_view zh;
    std::string_view en;
};

template <class E, std::size_t N>
constexpr const Labelled<E>& row_of(const std::array<Labelled<E>, N>& table, E value) {
    for (const auto& row : table) {
        if (row.value == value) return row;
    }
    return table[0];  // unreachable: enums come only from the table's own values
}

template <class E, std::size_t N>
constexpr std::optional<E> value_named(const std::array<Labelled<E>, N>& table, std::string_view name) {
    for (const auto& row : table) {
        if (row.name == name) return row.value;
    }
    return std::nullopt;
}

constexpr std::array<Labelled<CoordinationCategory>, 7> kCategories{{
    {CoordinationCategory::kLand, "land", "土地", "land"},
    {CoordinationCategory::kPlanningApproval, "planning_approval", "规划审批", "planning and approvals"},
    {CoordinationCategory::kFinancing, "financing", "融资", "financing"},
    {CoordinationCategory::kUtilities, "utilities", "水电气暖", "power, water, gas and heat"},
    {CoordinationCategory::kLabour, "labour", "用工", "labour"},
    {CoordinationCategory::kEnvironment, "environment", "环保", "environment"},
    {CoordinationCategory::kOther, "other", "其他", "other"},
}};

constexpr std::array<Labelled<CoordinationLevel>, 3> kLevels{{
    {CoordinationLevel::kZone, "zone", "开发区", "zone"},
    {CoordinationLevel::kCity, "city", "市级", "city"},
    {CoordinationLevel::kProvince, "province", "省级", "province"},
}};

constexpr std::array<Labelled<CoordinationStatus>, 5> kStatuses{{
    {CoordinationStatus::kOpen, "open", "待协调", "open"},
    {CoordinationStatus::kInProgress, "in_progress", "协调中", "in progress"},
    {CoordinationStatus::kResolved, "resolved", "已解决", "resolved"},
    {CoordinationStatus::kClosed, "closed", "已办结", "closed"},
    {CoordinationStatus::kReopened, "reopened", "重新打开", "reopened"},
}};

constexpr std::size_t kMaxDescriptionLength = 2000;
constexpr std::size_t kMaxDepartmentLength = 100;

void check_text(std::vector<FieldError>& out, std::string field, std::string_view text, std::size_t max_length) {
    if (!is_valid_utf8(text)) {
        add_field_error(out, std::move(field), "含有无效字符（不是有效的 UTF-8）",
                        "contains invalid characters (not valid UTF-8)");
    } else if (utf8_length(text) > max_length) {
        const std::string n = std::to_string(max_length);
        add_field_error(out, std::move(field), "不能超过" + n + "个字", "must not be longer than " + n + " characters");
    }
}

}  // namespace

bool is_settled(CoordinationStatus s) { return s == CoordinationStatus::kResolved || s == CoordinationStatus::kClosed; }

std::string_view to_string(CoordinationCategory c) { return row_of(kCategories, c).name; }
std::optional<CoordinationCategory> coordination_category_from_string(std::string_view s) {
    return value_named(kCategories, s);
}
std::string_view label_zh(CoordinationCategory c) { return row_of(kCategories, c).zh; }
std::string_view label_en(CoordinationCategory c) { return row_of(kCategories, c).en; }

std::string_view to_string(CoordinationLevel l) { return row_of(kLevels, l).name; }
std::optional<CoordinationLevel> coordination_level_from_string(std::string_view s) { return value_named(kLevels, s); }
std::string_view label_zh(CoordinationLevel l) { return row_of(kLevels, l).zh; }
std::string_view label_en(CoordinationLevel l) { return row_of(kLevels, l).en; }

std::string_view to_string(CoordinationStatus s) { return row_of(kStatuses, s).name; }
std::optional<CoordinationStatus> coordination_status_from_string(std::string_view s) {
    return value_named(kStatuses, s);
}
std::string_view label_zh(CoordinationStatus s) { return row_of(kStatuses, s).zh; }
std::string_view label_en(CoordinationStatus s) { return row_of(kStatuses, s).en; }

bool is_overdue(const CoordinationItem& item, Date today) { return today > item.deadline && !is_settled(item.status); }

std::vector<FieldError> validate_coordination_item(const CoordinationItem& item, Date created_on) {
    std::vector<FieldError> out;
    if (is_blank(item.description)) {
        add_field_error(out, "description", "问题描述不能为空", "a description is required");
    } else {
        check_text(out, "description", item.description, kMaxDescriptionLength);
    }
    if (is_blank(item.responsible_department)) {
        add_field_error(out, "responsible_department", "须填写责任部门", "a responsible department is required");
    } else {
        check_text(out, "responsible_department", item.responsible_department, kMaxDepartmentLength);
    }
    if (item.deadline < created_on) {
        add_field_error(out, "deadline", "办结时限不能早于问题提出日期（" + created_on.iso() + "）",
                        "the deadline cannot be before the day the item was raised (" + created_on.iso() + ")");
    }
    if (is_settled(item.status) && (!item.resolution || is_blank(*item.resolution))) {
        add_field_error(out, "resolution", "已解决或已办结的问题须填写解决情况",
                        "a resolved or closed item needs a resolution");
    } else if (item.resolution) {
        check_text(out, "resolution", *item.resolution, kMaxResolutionLength);
    }
    if (item.reopen_reason) check_text(out, "reopen_reason", *item.reopen_reason, kMaxReasonLength);
    return out;
}

}  // namespace sanpi::domain
