#include "domain/coordination_item.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "domain/coordination_workflow.hpp"
#include "domain_builders.hpp"

namespace sanpi::domain {
namespace coordination_item_test {

using testing::field_names;
using testing::only_field;
using testing::ymd;

using S = CoordinationStatus;
using L = CoordinationLevel;

const Date kRaisedOn = ymd(2022, 7, 1);

CoordinationItem make_item(S status = S::kOpen) {
    CoordinationItem item;
    item.id = 9;
    item.project_id = 7;
    item.category = CoordinationCategory::kUtilities;
    item.description = "110千伏变电站接入进度滞后，影响设备调试";
    item.level = L::kZone;
    item.responsible_department = "市供电公司";
    item.deadline = ymd(2022, 8, 31);
    item.status = status;
    if (status == S::kResolved || status == S::kClosed) item.resolution = "已完成接入";
    return item;
}

std::string repeat(std::string_view s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

TEST(CoordinationNames, CategoriesHaveCodesAndBothLabels) {
    struct Case {
        CoordinationCategory c;
        std::string name;
        std::string zh;
    };
    const Case cases[] = {
        {CoordinationCategory::kLand, "land", "土地"},
        {CoordinationCategory::kPlanningApproval, "planning_approval", "规划审批"},
        {CoordinationCategory::kFinancing, "financing", "融资"},
        {CoordinationCategory::kUtilities, "utilities", "水电气暖"},
        {CoordinationCategory::kLabour, "labour", "用工"},
        {CoordinationCategory::kEnvironment, "environment", "环保"},
        {CoordinationCategory::kOther, "other", "其他"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        EXPECT_EQ(to_string(c.c), c.name);
        EXPECT_EQ(label_zh(c.c), c.zh);
        EXPECT_FALSE(label_en(c.c).empty());
        EXPECT_EQ(coordination_category_from_string(c.name), c.c);
    }
    EXPECT_EQ(coordination_category_from_string("Land"), std::nullopt);
}

TEST(CoordinationNames, LevelsAndStatusesRoundTrip) {
    for (const auto l : {L::kZone, L::kCity, L::kProvince}) {
        EXPECT_EQ(coordination_level_from_string(to_string(l)), l);
        EXPECT_FALSE(label_zh(l).empty());
        EXPECT_FALSE(label_en(l).empty());
    }
    for (const auto s : {S::kOpen, S::kInProgress, S::kResolved, S::kClosed, S::kReopened}) {
        EXPECT_EQ(coordination_status_from_string(to_string(s)), s);
        EXPECT_FALSE(label_zh(s).empty());
        EXPECT_FALSE(label_en(s).empty());
    }
    EXPECT_EQ(to_string(S::kInProgress), "in_progress");
    EXPECT_EQ(coordination_level_from_string("county"), std::nullopt);
    EXPECT_EQ(coordination_status_from_string("done"), std::nullopt);
}

TEST(CoordinationOverdue, PastTheDeadlineAndNotSettled) {
    struct Case {
        S status;
        Date today;
        bool overdue;
    };
    const Case cases[] = {
        {S::kOpen, ymd(2022, 8, 31), false},      {S::kOpen, ymd(2022, 9, 1), true},
        {S::kInProgress, ymd(2022, 9, 1), true},  {S::kReopened, ymd(2022, 9, 1), true},
        {S::kResolved, ymd(2022, 9, 1), false},   {S::kClosed, ymd(2022, 9, 1), false},
        {S::kInProgress, ymd(2022, 7, 1), false},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(std::string(to_string(c.status)) + " on " + c.today.iso());
        EXPECT_EQ(is_overdue(make_item(c.status), c.today), c.overdue);
    }
}

TEST(CoordinationValidate, RefusesEachBadField) {
    struct Case {
        std::string name;
        void (*change)(CoordinationItem&);
        std::vector<std::string> fields;
    };
    const Case cases[] = {
        {"valid", [](CoordinationItem&) {}, {}},
        {"deadline on the day raised", [](CoordinationItem& i) { i.deadline = kRaisedOn; }, {}},
        {"deadline before raised", [](CoordinationItem& i) { i.deadline = kRaisedOn.add_days(-1); }, {"deadline"}},
        {"blank description", [](CoordinationItem& i) { i.description = " "; }, {"description"}},
        {"long description", [](CoordinationItem& i) { i.description = repeat("字", 2001); }, {"description"}},
        {"invalid description", [](CoordinationItem& i) { i.description = "\xff"; }, {"description"}},
        {"no department", [](CoordinationItem& i) { i.responsible_department.clear(); }, {"responsible_department"}},
        {"long department",
         [](CoordinationItem& i) { i.responsible_department = repeat("部", 101); },
         {"responsible_department"}},
        {"resolved without resolution",
         [](CoordinationItem& i) {
             i.status = S::kResolved;
             i.resolution.reset();
         },
         {"resolution"}},
        {"closed with blank resolution",
         [](CoordinationItem& i) {
             i.status = S::kClosed;
             i.resolution = " ";
         },
         {"resolution"}},
        {"long resolution", [](CoordinationItem& i) { i.resolution = repeat("字", 2001); }, {"resolution"}},
        {"long reopen reason", [](CoordinationItem& i) { i.reopen_reason = repeat("字", 501); }, {"reopen_reason"}},
        {"several",
         [](CoordinationItem& i) {
             i.description.clear();
             i.deadline = ymd(2022, 1, 1);
         },
         {"description", "deadline"}},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        CoordinationItem item = make_item();
        c.change(item);
        EXPECT_EQ(field_names(validate_coordination_item(item, kRaisedOn)), c.fields);
    }
}

TEST(CoordinationStatusMoves, FollowTheDocumentedPaths) {
    struct Case {
        S from;
        S to;
        bool allowed;
    };
    const S all[] = {S::kOpen, S::kInProgress, S::kResolved, S::kClosed, S::kReopened};
    const std::vector<std::pair<S, S>> allowed = {
        {S::kOpen, S::kInProgress},   {S::kInProgress, S::kResolved}, {S::kResolved, S::kClosed},
        {S::kResolved, S::kReopened}, {S::kClosed, S::kReopened},     {S::kReopened, S::kInProgress},
    };
    for (const S from : all) {
        for (const S to : all) {
            SCOPED_TRACE(std::string(to_string(from)) + " -> " + std::string(to_string(to)));
            const bool expected = std::find(allowed.begin(), allowed.end(), std::pair{from, to}) != allowed.end();
            const auto moved = change_status(make_item(from), {to, "已协调完毕", "问题再次出现"});
            ASSERT_EQ(bool(moved), expected);
            if (expected) {
                EXPECT_EQ(moved->status, to);
            } else {
                EXPECT_EQ(moved.error().code, ErrorCode::kConflict);
                EXPECT_EQ(only_field(moved.error()).field, "status");
            }
        }
    }
}

TEST(CoordinationStatusMoves, TheRefusalSaysWhereTheItemCanGo) {
    const auto moved = change_status(make_item(S::kOpen), {S::kClosed, {}, {}});
    ASSERT_FALSE(moved);
    EXPECT_NE(moved.error().message.en.find("it can become: in_progress"), std::string::npos)
        << moved.error().message.en;
}

TEST(CoordinationStatusMoves, ResolvingNeedsAResolution) {
    for (const std::optional<std::string>& text : {std::optional<std::string>{}, std::optional<std::string>{" "}}) {
        const auto moved = change_status(make_item(S::kInProgress), {S::kResolved, text, {}});
        ASSERT_FALSE(moved);
        EXPECT_EQ(moved.error().code, ErrorCode::kInvalidInput);
        EXPECT_EQ(only_field(moved.error()).field, "resolution");
    }
    const auto too_long = change_status(make_item(S::kInProgress), {S::kResolved, repeat("字", 2001), {}});
    ASSERT_FALSE(too_long);
    EXPECT_EQ(only_field(too_long.error()).field, "resolution");
    const auto resolved = change_status(make_item(S::kInProgress), {S::kResolved, "已完成接入", {}});
    ASSERT_TRUE(resolved);
    EXPECT_EQ(resolved->resolution, "已完成接入");
}

TEST(CoordinationStatusMoves, ReopeningNeedsAReasonAndClearsTheResolution) {
    for (const S from : {S::kResolved, S::kClosed}) {
        const auto refused = change_status(make_item(from), {S::kReopened, {}, "  "});
        ASSERT_FALSE(refused);
        EXPECT_EQ(only_field(refused.error()).field, "reopen_reason");
        const auto reopened = change_status(make_item(from), {S::kReopened, {}, "供电再次中断"});
        ASSERT_TRUE(reopened);
        EXPECT_EQ(reopened->status, S::kReopened);
        EXPECT_EQ(reopened->reopen_reason, "供电再次中断");
        EXPECT_EQ(reopened->resolution, std::nullopt);
    }
}

TEST(CoordinationEscalate, OnlyUpward) {
    struct Case {
        L from;
        L to;
        bool allowed;
    };
    const Case cases[] = {
        {L::kZone, L::kCity, true},  {L::kZone, L::kProvince, true},  {L::kCity, L::kProvince, true},
        {L::kCity, L::kZone, false}, {L::kProvince, L::kCity, false}, {L::kCity, L::kCity, false},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(std::string(to_string(c.from)) + " -> " + std::string(to_string(c.to)));
        CoordinationItem item = make_item(S::kInProgress);
        item.level = c.from;
        const auto raised = escalate(item, c.to);
        ASSERT_EQ(bool(raised), c.allowed);
        if (c.allowed) {
            EXPECT_EQ(raised->level, c.to);
        } else {
            EXPECT_EQ(only_field(raised.error()).field, "level");
        }
    }
}

TEST(CoordinationEscalate, NotOnceSettled) {
    for (const S s : {S::kResolved, S::kClosed}) {
        const auto raised = escalate(make_item(s), L::kCity);
        ASSERT_FALSE(raised);
        EXPECT_EQ(only_field(raised.error()).field, "level");
    }
}

TEST(CoordinationEdit, ReplacesContentAndEscalatesButKeepsStatus) {
    CoordinationItem edited = make_item(S::kClosed);
    edited.id = 100;
    edited.category = CoordinationCategory::kLand;
    edited.description = "用地指标未落实";
    edited.responsible_department = "市自然资源局";
    edited.deadline = ymd(2022, 9, 30);
    edited.level = L::kCity;
    const auto next = edit_item(make_item(S::kInProgress), edited);
    ASSERT_TRUE(next);
    EXPECT_EQ(next->id, 9);
    EXPECT_EQ(next->category, CoordinationCategory::kLand);
    EXPECT_EQ(next->description, "用地指标未落实");
    EXPECT_EQ(next->responsible_department, "市自然资源局");
    EXPECT_EQ(next->deadline, ymd(2022, 9, 30));
    EXPECT_EQ(next->level, L::kCity);
    EXPECT_EQ(next->status, S::kInProgress);
    EXPECT_EQ(next->resolution, std::nullopt);
}

TEST(CoordinationEdit, RefusesLoweringTheLevelAndEditingAClosedItem) {
    CoordinationItem current = make_item(S::kInProgress);
    current.level = L::kProvince;
    CoordinationItem edited = current;
    edited.level = L::kZone;
    const auto lowered = edit_item(current, edited);
    ASSERT_FALSE(lowered);
    EXPECT_EQ(only_field(lowered.error()).field, "level");

    const auto closed = edit_item(make_item(S::kClosed), make_item(S::kClosed));
    ASSERT_FALSE(closed);
    EXPECT_EQ(closed.error().code, ErrorCode::kConflict);
    EXPECT_EQ(only_field(closed.error()).field, "status");
}

}  // namespace coordination_item_test
}  // namespace sanpi::domain
