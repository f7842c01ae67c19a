#include "domain/warning_rules.hpp"

#include <gtest/gtest.h>

#include "domain_builders.hpp"

namespace sanpi::domain {
namespace warning_rules_test {

using testing::field_names;
using Names = std::vector<std::string>;

TEST(WarningRules, DefaultsAreValidAndModelYinchuan) {
    const WarningRules r;
    EXPECT_TRUE(validate_warning_rules(r).empty());
    EXPECT_EQ(r.investment_behind_yellow_points, 10);
    EXPECT_EQ(r.investment_behind_red_points, 30);
    EXPECT_EQ(r.start_overdue_red_days, 90);  // not started three months after the planned date: red
    EXPECT_EQ(r.stats_entry_yellow_months, 1);
    EXPECT_EQ(r.stats_entry_red_months, 2);
    EXPECT_EQ(r.approval_lapse_yellow_days, 90);
    EXPECT_EQ(warning_settings().size(), 13u);
}

TEST(WarningRules, NegativeDaysAreRefusedByName) {
    WarningRules r;
    r.start_overdue_red_days = -1;
    r.approval_lapse_yellow_days = -5;
    EXPECT_EQ(field_names(validate_warning_rules(r)), (Names{"start_overdue_red_days", "approval_lapse_yellow_days"}));
}

TEST(WarningRules, PercentagesStayWithinZeroToHundred) {
    WarningRules r;
    r.investment_behind_red_points = 101;
    EXPECT_EQ(field_names(validate_warning_rules(r)), (Names{"investment_behind_red_points"}));
    r = {};
    r.commitment_yellow_percent = 150;
    EXPECT_EQ(field_names(validate_warning_rules(r)), (Names{"commitment_yellow_percent"}));
    r = {};
    r.investment_behind_yellow_points = 0;
    r.commitment_red_percent = 0;
    EXPECT_TRUE(validate_warning_rules(r).empty());
}

TEST(WarningRules, YellowComesBeforeRed) {
    WarningRules r;
    r.report_missing_yellow_months = 3;  // equal to red
    r.investment_behind_yellow_points = 40;
    r.stats_entry_yellow_months = 5;
    EXPECT_EQ(field_names(validate_warning_rules(r)),
              (Names{"report_missing_yellow_months", "investment_behind_yellow_points", "stats_entry_yellow_months"}));
    r = {};
    r.commitment_red_percent = 80;  // the red share must be below the yellow one
    EXPECT_EQ(field_names(validate_warning_rules(r)), (Names{"commitment_red_percent"}));
}

}  // namespace warning_rules_test
}  // namespace sanpi::domain
