#include "domain/month.hpp"

#include <gtest/gtest.h>

#include <string>

#include "domain_builders.hpp"

namespace sanpi::domain {
namespace month_test {

using testing::only_field;
using testing::ymd;

Month month(int y, int m) { return Month::from_ym(y, m).value(); }

TEST(MonthParse, ReadsYearAndMonth) {
    struct Case {
        std::string text;
        int year;
        int month;
    };
    const Case cases[] = {
        {"2022-07", 2022, 7}, {"2022-01", 2022, 1}, {"2022-12", 2022, 12}, {"1900-01", 1900, 1}, {"2999-12", 2999, 12},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.text);
        const auto parsed = Month::parse(c.text);
        ASSERT_TRUE(parsed) << parsed.error().fields.at(0).message.en;
        EXPECT_EQ(parsed->year(), c.year);
        EXPECT_EQ(parsed->month(), c.month);
        EXPECT_EQ(parsed->to_string(), c.text);
    }
}

TEST(MonthParse, RefusesImpossibleAndMisspeltMonthsNamingTheField) {
    struct Case {
        std::string text;
        std::string en_part;  // a piece of the English reason
    };
    const Case cases[] = {
        {"2022-13", "month 13 is not between 01 and 12"},
        {"2022-00", "month 0 is not between 01 and 12"},
        {"1899-12", "year 1899 is outside"},
        {"3000-01", "year 3000 is outside"},
        {"", "required"},
        {"2022-7", "YYYY-MM"},
        {"2022-007", "YYYY-MM"},
        {"22-07", "YYYY-MM"},
        {"2022/07", "YYYY-MM"},
        {"2022.07", "YYYY-MM"},
        {"2022-07-01", "YYYY-MM"},
        {" 2022-07", "YYYY-MM"},
        {"2022-07 ", "YYYY-MM"},
        {"２０２２-０７", "YYYY-MM"},
        {"2022年7月", "YYYY-MM"},
        {"garbage", "YYYY-MM"},
        {"-022-07", "YYYY-MM"},
        {"2022--7", "YYYY-MM"},
        {"2022-+7", "YYYY-MM"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.text);
        const auto parsed = Month::parse(c.text);
        ASSERT_FALSE(parsed);
        const auto field = only_field(parsed.error());
        EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidInput);
        EXPECT_EQ(field.field, "month");
        EXPECT_NE(field.message.en.find(c.en_part), std::string::npos) << field.message.en;
        EXPECT_FALSE(field.message.zh.empty());
    }
}

TEST(MonthParse, NamesTheFieldItIsGiven) {
    const auto parsed = Month::parse("2022-13", "rows[2].month");
    ASSERT_FALSE(parsed);
    EXPECT_EQ(only_field(parsed.error()).field, "rows[2].month");
}

TEST(Month, StepsAcrossYears) {
    EXPECT_EQ(month(2022, 12).next(), month(2023, 1));
    EXPECT_EQ(month(2023, 1).prev(), month(2022, 12));
    EXPECT_EQ(month(2022, 7).next().prev(), month(2022, 7));
}

TEST(Month, ComparesChronologically) {
    EXPECT_LT(month(2022, 12), month(2023, 1));
    EXPECT_LT(month(2022, 6), month(2022, 7));
    EXPECT_EQ(month(2022, 7), Month::parse("2022-07").value());
}

TEST(Month, KnowsItsFirstAndLastDay) {
    struct Case {
        Month m;
        Date first;
        Date last;
    };
    const Case cases[] = {
        {month(2022, 7), ymd(2022, 7, 1), ymd(2022, 7, 31)},    {month(2022, 6), ymd(2022, 6, 1), ymd(2022, 6, 30)},
        {month(2022, 2), ymd(2022, 2, 1), ymd(2022, 2, 28)},    {month(2024, 2), ymd(2024, 2, 1), ymd(2024, 2, 29)},
        {month(2022, 12), ymd(2022, 12, 1), ymd(2022, 12, 31)},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.m.to_string());
        EXPECT_EQ(c.m.first_day(), c.first);
        EXPECT_EQ(c.m.last_day(), c.last);
    }
}

TEST(Month, OfADate) {
    EXPECT_EQ(Month::of(ymd(2022, 6, 22)), month(2022, 6));
    EXPECT_EQ(Month::of(ymd(2022, 12, 31)), month(2022, 12));
    EXPECT_EQ(Month::of(ymd(2023, 1, 1)), month(2023, 1));
}

TEST(Month, HasEndedOnlyAfterItsLastDay) {
    const Month june = month(2022, 6);
    EXPECT_FALSE(has_ended(june, ymd(2022, 6, 15)));
    EXPECT_FALSE(has_ended(june, ymd(2022, 6, 30)));
    EXPECT_TRUE(has_ended(june, ymd(2022, 7, 1)));
    EXPECT_FALSE(has_ended(june, ymd(2022, 5, 31)));
}

}  // namespace month_test
}  // namespace sanpi::domain
