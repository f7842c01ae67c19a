#include "domain/planned_date_change.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain_builders.hpp"

namespace sanpi::domain {
namespace planned_date_change_test {

using testing::field_names;
using testing::make_project;
using testing::ymd;

constexpr std::int64_t kAt = 1'656'000'000;

PlannedDateEdit edit_with(std::string reason) { return PlannedDateEdit{7, 21, kAt, std::move(reason)}; }

TEST(MilestoneNames, MatchTheKeysOfPlannedDates) {
    EXPECT_EQ(to_string(Milestone::kSign), "sign");
    EXPECT_EQ(to_string(Milestone::kStart), "start");
    EXPECT_EQ(to_string(Milestone::kProduction), "production");
    EXPECT_EQ(to_string(Milestone::kCapacity), "capacity");
    EXPECT_EQ(label_zh(Milestone::kStart), "开工");
    for (const auto m : {Milestone::kSign, Milestone::kStart, Milestone::kProduction, Milestone::kCapacity}) {
        EXPECT_EQ(milestone_from_string(to_string(m)), m);
    }
    EXPECT_EQ(milestone_from_string("started"), std::nullopt);
}

TEST(PlannedDateChanges, ClassifiesEachKindOfChange) {
    struct Case {
        std::string name;
        std::optional<Date> old_date;
        std::optional<Date> new_date;
        bool recorded;
        bool slip;
    };
    const Case cases[] = {
        {"unchanged", ymd(2022, 9, 1), ymd(2022, 9, 1), false, false},
        {"both unset", std::nullopt, std::nullopt, false, false},
        {"later", ymd(2022, 9, 1), ymd(2022, 9, 2), true, true},
        {"earlier", ymd(2022, 9, 1), ymd(2022, 8, 31), true, false},
        {"first value", std::nullopt, ymd(2022, 9, 1), true, false},
        {"cleared", ymd(2022, 9, 1), std::nullopt, true, true},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        Milestones before = make_project().planned, after = before;
        before.start = c.old_date;
        after.start = c.new_date;
        // With a reason every change is accepted and recorded.
        const auto changes = planned_date_changes(before, after, edit_with("征地拆迁延期"));
        ASSERT_TRUE(changes);
        ASSERT_EQ(changes->size(), c.recorded ? 1u : 0u);
        if (c.recorded) {
            const auto& change = changes->front();
            EXPECT_EQ(change.milestone, Milestone::kStart);
            EXPECT_EQ(change.old_date, c.old_date);
            EXPECT_EQ(change.new_date, c.new_date);
            EXPECT_EQ(is_slip(change), c.slip);
            EXPECT_EQ(change.project_id, 7);
            EXPECT_EQ(change.user_id, 21);
            EXPECT_EQ(change.at, kAt);
            EXPECT_EQ(change.reason, "征地拆迁延期");
        }
        // Without one only a slip is refused.
        const auto without = planned_date_changes(before, after, edit_with(" "));
        ASSERT_EQ(bool(without), !c.slip);
        if (c.slip) {
            EXPECT_EQ(field_names(without.error().fields), std::vector<std::string>{"planned.start"});
            EXPECT_EQ(without.error().fields.at(0).message.zh, "推迟计划日期须说明原因（计划开工日期）");
            EXPECT_NE(without.error().fields.at(0).message.en.find("moving a planned date later needs a reason"),
                      std::string::npos);
        } else {
            EXPECT_EQ(without->size(), c.recorded ? 1u : 0u);
        }
    }
}

TEST(PlannedDateChanges, ListsEveryChangedMilestoneInOrderAndNamesEverySlip) {
    const Milestones before = make_project().planned;  // 2022-06-01, 09-01, 2023-12-01, 2024-12-01
    Milestones after = before;
    after.capacity = ymd(2025, 6, 1);    // slip
    after.sign = ymd(2022, 5, 1);        // earlier
    after.production = ymd(2024, 3, 1);  // slip
    const auto refused = planned_date_changes(before, after, edit_with(""));
    ASSERT_FALSE(refused);
    EXPECT_EQ(field_names(refused.error().fields),
              (std::vector<std::string>{"planned.production", "planned.capacity"}));

    const auto changes = planned_date_changes(before, after, edit_with("环评批复延后"));
    ASSERT_TRUE(changes);
    ASSERT_EQ(changes->size(), 3u);
    EXPECT_EQ((*changes)[0].milestone, Milestone::kSign);
    EXPECT_EQ((*changes)[1].milestone, Milestone::kProduction);
    EXPECT_EQ((*changes)[2].milestone, Milestone::kCapacity);
}

TEST(PlannedDateChanges, RefusesAReasonTooLongOrNotText) {
    std::string long_reason;
    for (int i = 0; i < 501; ++i) long_reason += "字";
    for (const std::string& reason : {long_reason, std::string("\xc0\xaf")}) {
        const auto refused = planned_date_changes({}, {}, edit_with(reason));
        ASSERT_FALSE(refused);
        EXPECT_EQ(field_names(refused.error().fields), std::vector<std::string>{"planned_reason"});
    }
}

}  // namespace planned_date_change_test
}  // namespace sanpi::domain
