#include "domain/approval.hpp"

#include <gtest/gtest.h>

#include <string>

#include "domain_builders.hpp"

namespace sanpi::domain {
namespace approval_test {

using testing::field_names;
using testing::ymd;

const Date kToday = ymd(2022, 6, 30);

Approval make_approval(Date date) {
    return Approval{ApprovalKind::kVerification, date, "太原市行政审批服务管理局", "并审管核准〔2022〕12号",
                    std::nullopt};
}

TEST(ApprovalKindNames, RoundTripWithLabels) {
    for (const auto k : {ApprovalKind::kApproval, ApprovalKind::kVerification, ApprovalKind::kFiling}) {
        EXPECT_EQ(approval_kind_from_string(to_string(k)), k);
    }
    EXPECT_EQ(to_string(ApprovalKind::kFiling), "filing");
    EXPECT_EQ(label_zh(ApprovalKind::kApproval), "审批");
    EXPECT_EQ(label_zh(ApprovalKind::kVerification), "核准");
    EXPECT_EQ(label_zh(ApprovalKind::kFiling), "备案");
    EXPECT_EQ(label_en(ApprovalKind::kVerification), "verification");
    EXPECT_EQ(approval_kind_from_string("核准"), std::nullopt);
    EXPECT_EQ(approval_kind_from_string("Filing"), std::nullopt);
}

struct YearsCase {
    Date from;
    int years;
    Date to;
};

TEST(SameDayYearsLater, UsesTheCorrespondingDayOrTheMonthEnd) {
    const YearsCase cases[] = {
        {ymd(2022, 6, 22), 2, ymd(2024, 6, 22)},
        {ymd(2022, 1, 1), 2, ymd(2024, 1, 1)},
        {ymd(2022, 12, 31), 2, ymd(2024, 12, 31)},
        {ymd(2020, 2, 29), 2, ymd(2022, 2, 28)},  // no 29 February in 2022
        {ymd(2020, 2, 29), 4, ymd(2024, 2, 29)},
        {ymd(2022, 2, 28), 2, ymd(2024, 2, 28)},  // not moved to the leap day
        {ymd(2023, 2, 28), 1, ymd(2024, 2, 28)},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.from.iso());
        EXPECT_EQ(same_day_years_later(c.from, c.years), c.to);
    }
}

TEST(ApprovalDeadline, IsTwoYearsAfterTheDecisionUnlessExtended) {
    Approval a = make_approval(ymd(2022, 6, 22));
    EXPECT_EQ(original_start_deadline(a), ymd(2024, 6, 22));
    EXPECT_EQ(start_deadline(a), ymd(2024, 6, 22));
    EXPECT_EQ(lapse_date(a), ymd(2024, 6, 23));
    a.extension = ApprovalExtension{ymd(2024, 5, 10), ymd(2025, 6, 22)};
    EXPECT_EQ(original_start_deadline(a), ymd(2024, 6, 22));
    EXPECT_EQ(start_deadline(a), ymd(2025, 6, 22));
    EXPECT_EQ(lapse_date(a), ymd(2025, 6, 23));
}

struct LapseCase {
    std::string name;
    std::optional<ApprovalExtension> extension;
    std::optional<Date> start;
    Date as_of;
    bool lapsed;
    std::optional<std::int32_t> days;
};

TEST(ApprovalLapse, DependsOnTheStartTheDeadlineAndTheDay) {
    const ApprovalExtension extended{ymd(2024, 5, 10), ymd(2025, 6, 22)};
    const LapseCase cases[] = {
        {"not started, a year left", std::nullopt, std::nullopt, ymd(2023, 6, 23), false, 366},  // 2024 is leap
        {"not started, last day", std::nullopt, std::nullopt, ymd(2024, 6, 22), false, 1},
        {"not started, first lapsed day", std::nullopt, std::nullopt, ymd(2024, 6, 23), true, 0},
        {"not started, long lapsed", std::nullopt, std::nullopt, ymd(2024, 7, 3), true, -10},
        {"started in time", std::nullopt, ymd(2023, 3, 1), ymd(2030, 1, 1), false, std::nullopt},
        {"started on the last day", std::nullopt, ymd(2024, 6, 22), ymd(2024, 6, 23), false, std::nullopt},
        {"started the day after", std::nullopt, ymd(2024, 6, 23), ymd(2024, 6, 23), true, 0},
        {"started late: not revived", std::nullopt, ymd(2024, 9, 1), ymd(2025, 1, 1), true, -192},
        {"start not yet happened as of", std::nullopt, ymd(2023, 3, 1), ymd(2023, 2, 28), false, 481},
        {"extended, past the original", extended, std::nullopt, ymd(2024, 6, 23), false, 365},
        {"extended, last day", extended, std::nullopt, ymd(2025, 6, 22), false, 1},
        {"extended, lapsed", extended, std::nullopt, ymd(2025, 6, 23), true, 0},
        {"extended, started in the extension", extended, ymd(2025, 1, 2), ymd(2026, 1, 1), false, std::nullopt},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        Approval a = make_approval(ymd(2022, 6, 22));
        a.extension = c.extension;
        EXPECT_EQ(has_lapsed(a, c.start, c.as_of), c.lapsed);
        EXPECT_EQ(days_until_lapse(a, c.start, c.as_of), c.days);
    }
}

TEST(ValidateApproval, AcceptsAValidApprovalAndTheBoundaries) {
    Approval a = make_approval(kToday);
    EXPECT_TRUE(validate_approval(a, kToday).empty());
    a.document_number = "";
    a.authority = std::string(100, 'A');
    EXPECT_TRUE(validate_approval(a, kToday).empty());
    // Granted on the decision day, the longest extension.
    a = make_approval(ymd(2020, 6, 1));
    a.extension = ApprovalExtension{ymd(2020, 6, 1), ymd(2023, 6, 1)};
    EXPECT_TRUE(validate_approval(a, kToday).empty()) << field_names(validate_approval(a, kToday)).at(0);
    // Granted on the original deadline, one day of extension.
    a.extension = ApprovalExtension{ymd(2022, 6, 1), ymd(2022, 6, 2)};
    EXPECT_TRUE(validate_approval(a, kToday).empty());
    // Leap-day decision: the extension may run to 2023-02-28.
    a = make_approval(ymd(2020, 2, 29));
    a.extension = ApprovalExtension{ymd(2022, 1, 4), ymd(2023, 2, 28)};
    EXPECT_TRUE(validate_approval(a, kToday).empty());
}

struct RejectCase {
    std::string name;
    Approval approval;
    std::vector<std::string> fields;
    std::string zh;
};

TEST(ValidateApproval, NamesEachProblem) {
    const auto with = [](Date date, auto change) {
        Approval a = make_approval(date);
        change(a);
        return a;
    };
    const Date d = ymd(2020, 6, 1);  // original deadline 2022-06-01
    const RejectCase cases[] = {
        {"decided tomorrow", make_approval(ymd(2022, 7, 1)), {"approval.date"}, "不能晚于今天"},
        {"no authority", with(d, [](Approval& a) { a.authority = " \t"; }), {"approval.authority"}, "须填写"},
        {"authority too long",
         with(d, [](Approval& a) { a.authority = std::string(101, 'A'); }),
         {"approval.authority"},
         "不能超过100个字"},
        {"document number too long",
         with(d, [](Approval& a) { a.document_number = std::string(101, 'A'); }),
         {"approval.document_number"},
         "不能超过100个字"},
        {"document number bad UTF-8",
         with(d, [](Approval& a) { a.document_number = "\xC0\xAF"; }),
         {"approval.document_number"},
         "无效字符"},
        {"extension before the decision",
         with(d,
              [](Approval& a) {
                  a.extension = ApprovalExtension{ymd(2020, 5, 31), ymd(2023, 1, 1)};
              }),
         {"approval.extension.granted_on"},
         "不能早于审批日期"},
        {"extension after the period ran out",
         with(d,
              [](Approval& a) {
                  a.extension = ApprovalExtension{ymd(2022, 6, 2), ymd(2023, 1, 1)};
              }),
         {"approval.extension.granted_on"},
         "届满前批准"},
        {"extension in the future",
         with(ymd(2021, 1, 4),
              [](Approval& a) {
                  a.extension = ApprovalExtension{ymd(2022, 7, 1), ymd(2023, 6, 1)};
              }),
         {"approval.extension.granted_on"},
         "不能晚于今天"},
        {"extension shortens the deadline",
         with(d,
              [](Approval& a) {
                  a.extension = ApprovalExtension{ymd(2022, 1, 4), ymd(2022, 5, 1)};
              }),
         {"approval.extension.start_by"},
         "应晚于原期限（2022-06-01）"},
        {"extension to the same day",
         with(d,
              [](Approval& a) {
                  a.extension = ApprovalExtension{ymd(2022, 1, 4), ymd(2022, 6, 1)};
              }),
         {"approval.extension.start_by"},
         "应晚于原期限"},
        {"extension longer than a year",
         with(d,
              [](Approval& a) {
                  a.extension = ApprovalExtension{ymd(2022, 1, 4), ymd(2023, 6, 2)};
              }),
         {"approval.extension.start_by"},
         "最长不超过1年（至 2023-06-01）"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const auto errors = validate_approval(c.approval, kToday);
        EXPECT_EQ(field_names(errors), c.fields);
        ASSERT_FALSE(errors.empty());
        EXPECT_NE(errors[0].message.zh.find(c.zh), std::string::npos) << errors[0].message.zh;
        EXPECT_FALSE(errors[0].message.en.empty());
    }
}

TEST(ValidateApproval, ReportsEveryProblemUnderTheGivenField) {
    Approval a = make_approval(ymd(2022, 7, 1));
    a.authority = "";
    a.extension = ApprovalExtension{ymd(2022, 6, 1), ymd(2026, 1, 1)};
    EXPECT_EQ(
        field_names(validate_approval(a, kToday, "rows[2].approval")),
        (std::vector<std::string>{"rows[2].approval.date", "rows[2].approval.authority",
                                  "rows[2].approval.extension.granted_on", "rows[2].approval.extension.start_by"}));
}

}  // namespace approval_test
}  // namespace sanpi::domain
