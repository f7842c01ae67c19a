#include "domain/warning_rules.hpp"

#include <array>
#include <string>

#include "domain/field_checks.hpp"

namespace sanpi::domain {

namespace {

using R = WarningRules;

constexpr std::array kSettings{
    WarningSetting{"start_overdue_red_days", &R::start_overdue_red_days},
    WarningSetting{"production_overdue_red_days", &R::production_overdue_red_days},
    WarningSetting{"capacity_overdue_red_days", &R::capacity_overdue_red_days},
    WarningSetting{"report_missing_yellow_months", &R::report_missing_yellow_months},
    WarningSetting{"report_missing_red_months", &R::report_missing_red_months},
    WarningSetting{"investment_behind_yellow_points", &R::investment_behind_yellow_points},
    WarningSetting{"investment_behind_red_points", &R::investment_behind_red_points},
    WarningSetting{"coordination_overdue_red_days", &R::coordination_overdue_red_days},
    WarningSetting{"stats_entry_yellow_months", &R::stats_entry_yellow_months},
    WarningSetting{"stats_entry_red_months", &R::stats_entry_red_months},
    WarningSetting{"approval_lapse_yellow_days", &R::approval_lapse_yellow_days},
    WarningSetting{"commitment_yellow_percent", &R::commitment_yellow_percent},
    WarningSetting{"commitment_red_percent", &R::commitment_red_percent},
};

constexpr std::int32_t kMaxDays = 3660;   // ten years
constexpr std::int32_t kMaxMonths = 120;

bool is_percentage(std::string_view name) { return name.ends_with("_percent") || name.ends_with("_points"); }

void check_range(std::vector<FieldError>& out, const WarningSetting& s, std::int32_t value) {
    const std::string name(s.name);
    if (value < 0) {
        add_field_error(out, name, "不能为负数", "cannot be negative");
    } else if (is_percentage(s.name) && value > 100) {
        add_field_error(out, name, "须在 0 到 100 之间", "must be between 0 and 100");
    } else if (s.name.ends_with("_days") && value > kMaxDays) {
        add_field_error(out, name, "不能超过 3660 天", "cannot exceed 3660 days");
    } else if (s.name.ends_with("_months") && value > kMaxMonths) {
        add_field_error(out, name, "不能超过 120 个月", "cannot exceed 120 months");
    }
}

// The yellow threshold must come before the red one on the way to red.
void check_order(std::vector<FieldError>& out, std::string_view yellow_name, std::int32_t yellow, std::int32_t red) {
    if (yellow >= 0 && red >= 0 && yellow >= red) {
        add_field_error(out, std::string(yellow_name), "黄灯阈值须小于红灯阈值",
                        "the yellow threshold must be below the red one");
    }
}

}  // namespace

std::span<const WarningSetting> warning_settings() { return kSettings; }

std::vector<FieldError> validate_warning_rules(const WarningRules& r) {
    std::vector<FieldError> out;
    for (const auto& s : kSettings) check_range(out, s, r.*s.member);
    if (!out.empty()) return out;
    check_order(out, "report_missing_yellow_months", r.report_missing_yellow_months, r.report_missing_red_months);
    check_order(out, "investment_behind_yellow_points", r.investment_behind_yellow_points,
                r.investment_behind_red_points);
    check_order(out, "stats_entry_yellow_months", r.stats_entry_yellow_months, r.stats_entry_red_months);
    if (r.commitment_red_percent >= r.commitment_yellow_percent) {
        add_field_error(out, "commitment_red_percent", "红灯比例须低于黄灯比例",
                        "the red share must be below the yellow one");
    }
    return out;
}

}  // namespace sanpi::domain
