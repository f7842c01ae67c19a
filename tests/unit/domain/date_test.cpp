#include "domain/date.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "domain_builders.hpp"

namespace sanpi::domain {
namespace date_test {

using testing::only_field;
using testing::ymd;
using Precision = Date::Precision;

struct ParseCase {
    std::string text;
    std::string iso;
    Precision precision;
};

TEST(DateParse, ReadsTheFormatsPeopleWrite) {
    const ParseCase cases[] = {
        {"2022-06-22", "2022-06-22", Precision::kDay},
        {"2022.06.22", "2022-06-22", Precision::kDay},
        {"2022/6/22", "2022-06-22", Precision::kDay},
        {"2022-6-2", "2022-06-02", Precision::kDay},
        {"2022年6月22日", "2022-06-22", Precision::kDay},
        {"2022年06月22日", "2022-06-22", Precision::kDay},
        {"2022年6月22号", "2022-06-22", Precision::kDay},
        {"2022年6月22", "2022-06-22", Precision::kDay},
        {"2022年6月", "2022-06-01", Precision::kMonth},
        {"2022年12月", "2022-12-01", Precision::kMonth},
        {"2022-06", "2022-06-01", Precision::kMonth},
        {"2022.06", "2022-06-01", Precision::kMonth},
        {"2022/06", "2022-06-01", Precision::kMonth},
        {"2022.6", "2022-06-01", Precision::kMonth},
        {"20220622", "2022-06-22", Precision::kDay},
        {"44734", "2022-06-22", Precision::kDay},
        {"44734.75", "2022-06-22", Precision::kDay},  // the time of day is dropped
        {"1", "1900-01-01", Precision::kDay},
        {"59", "1900-02-28", Precision::kDay},
        {"61", "1900-03-01", Precision::kDay},
        {"25569", "1970-01-01", Precision::kDay},
        {"401768", "2999-12-31", Precision::kDay},
        {"２０２２－０６－２２", "2022-06-22", Precision::kDay},
        {"２０２２年６月", "2022-06-01", Precision::kMonth},
        {"２０２２．０６", "2022-06-01", Precision::kMonth},
        {"  2022-06-22\u3000", "2022-06-22", Precision::kDay},
        {"2022/6/22 0:00", "2022-06-22", Precision::kDay},
        {"2022-06-22 10:30:00", "2022-06-22", Precision::kDay},
        {"2022-06-22T10:30:00.000", "2022-06-22", Precision::kDay},
        {"2024-02-29", "2024-02-29", Precision::kDay},
        {"2000-02-29", "2000-02-29", Precision::kDay},
        {"1900-01-01", "1900-01-01", Precision::kDay},
        {"2999-12-31", "2999-12-31", Precision::kDay},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.text);
        const auto parsed = Date::parse(c.text);
        ASSERT_TRUE(parsed) << parsed.error().fields.at(0).message.en;
        EXPECT_EQ(parsed->date.iso(), c.iso);
        EXPECT_EQ(parsed->precision, c.precision);
    }
}

struct RejectCase {
    std::string text;
    std::string zh;
    std::string en;
};

TEST(DateParse, RejectsImpossibleAndUnreadableDates) {
    const RejectCase cases[] = {
        {"", "不能为空", "required"},
        {"  ", "不能为空", "required"},
        {"2022-02-30", "2月没有30日", "February has no day 30"},
        {"2022年2月30日", "2月没有30日", "February has no day 30"},
        {"2023-02-29", "2023年2月没有29日", "February 2023 has no day 29"},
        {"1900-02-29", "1900年2月没有29日", "February 1900 has no day 29"},
        {"2022-04-31", "4月没有31日", "April has no day 31"},
        {"2022-06-00", "日 0", "day 0"},
        {"2022-13-01", "月份 13", "month 13"},
        {"2022-00", "月份 0", "month 0"},
        {"20221322", "月份 13", "month 13"},
        {"1899-12-31", "年份 1899", "year 1899"},
        {"3000-01-01", "年份 3000", "year 3000"},
        {"60", "60", "serial 60"},
        {"60.5", "60", "serial 60"},
        {"0", "超出范围", "out of range"},
        {"401769", "超出范围", "out of range"},
        {"9999999", "超出范围", "out of range"},
        {"2022", "只有年份", "only a year"},
        {"2022年", "无法识别", "not a date"},
        {"2022-06-22-01", "无法识别", "not a date"},
        {"2022-06/22", "无法识别", "not a date"},
        {"2022-006-22", "无法识别", "not a date"},
        {"2022-06-022", "无法识别", "not a date"},
        {"22-06-2022", "无法识别", "not a date"},
        {"June 22, 2022", "无法识别", "not a date"},
        {"2022-06-22 abc", "无法识别", "not a date"},
        {"2022-06-22 ", "", ""},  // trailing space is trimmed: accepted (checked below)
        {"2022年6月22日x", "无法识别", "not a date"},
        {"2022.06.22.5", "无法识别", "not a date"},
        {"-44734", "无法识别", "not a date"},
        {".5", "无法识别", "not a date"},
        {std::string(100'000, '1'), "无法识别", "not a date"},
        {"\xFF\xFE", "无法识别", "not a date"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.text.substr(0, 40));
        const auto parsed = Date::parse(c.text, "planned.start");
        if (c.zh.empty()) {
            EXPECT_TRUE(parsed);
            continue;
        }
        ASSERT_FALSE(parsed);
        const auto& field = only_field(parsed.error());
        EXPECT_EQ(field.field, "planned.start");
        EXPECT_NE(field.message.zh.find(c.zh), std::string::npos) << field.message.zh;
        EXPECT_NE(field.message.en.find(c.en), std::string::npos) << field.message.en;
    }
}

TEST(DateFromYmd, ValidatesCalendar) {
    EXPECT_TRUE(Date::from_ymd(2024, 2, 29));
    EXPECT_FALSE(Date::from_ymd(2023, 2, 29));
    EXPECT_FALSE(Date::from_ymd(2022, 2, 30));
    EXPECT_FALSE(Date::from_ymd(2022, 1, 32));
    EXPECT_FALSE(Date::from_ymd(2022, 0, 1));
    EXPECT_FALSE(Date::from_ymd(2022, -1, 1));
    EXPECT_FALSE(Date::from_ymd(1899, 12, 31));
    EXPECT_FALSE(Date::from_ymd(std::numeric_limits<int>::min(), 1, 1));
    EXPECT_FALSE(Date::from_ymd(2022, 1, std::numeric_limits<int>::max()));
    EXPECT_EQ(only_field(Date::from_ymd(2022, 2, 30, "actual.sign").error()).field, "actual.sign");
    EXPECT_EQ(only_field(Date::from_ymd(2022, 2, 30).error()).field, "date");
}

TEST(DateFromExcelSerial, MapsTheExcelCalendar) {
    EXPECT_EQ(Date::from_excel_serial(44734)->iso(), "2022-06-22");
    EXPECT_EQ(Date::from_excel_serial(44734.999)->iso(), "2022-06-22");
    EXPECT_EQ(Date::from_excel_serial(1)->iso(), "1900-01-01");
    EXPECT_EQ(Date::from_excel_serial(59)->iso(), "1900-02-28");
    EXPECT_EQ(Date::from_excel_serial(61)->iso(), "1900-03-01");
    EXPECT_FALSE(Date::from_excel_serial(60));
    EXPECT_FALSE(Date::from_excel_serial(0.5));
    EXPECT_FALSE(Date::from_excel_serial(-1));
    EXPECT_FALSE(Date::from_excel_serial(1e300));
    EXPECT_FALSE(Date::from_excel_serial(std::numeric_limits<double>::infinity()));
    EXPECT_FALSE(Date::from_excel_serial(std::nan("")));
    EXPECT_EQ(only_field(Date::from_excel_serial(60, "actual.start").error()).field, "actual.start");
}

TEST(DateFromExcelSerial, IsOneDayPerSerialAfterThePhantomDay) {
    const Date base = Date::from_excel_serial(61).value();
    for (int serial = 61; serial <= 401768; serial += 997) {
        EXPECT_EQ(Date::from_excel_serial(serial)->days_since_epoch() - base.days_since_epoch(), serial - 61);
    }
}

TEST(DateAccessors, SplitAndRender) {
    const Date d = ymd(2022, 6, 22);
    EXPECT_EQ(d.year(), 2022);
    EXPECT_EQ(d.month(), 6);
    EXPECT_EQ(d.day(), 22);
    EXPECT_EQ(d.iso(), "2022-06-22");
    EXPECT_EQ(d.first_of_month().iso(), "2022-06-01");
    EXPECT_EQ(d.add_days(9).iso(), "2022-07-01");
    EXPECT_EQ(d.add_days(-22).iso(), "2022-05-31");
    EXPECT_EQ(Date::from_days(0).iso(), "1970-01-01");
    EXPECT_EQ(Date::from_days(-1).iso(), "1969-12-31");
    EXPECT_EQ(ymd(1900, 1, 1).iso(), "1900-01-01");
}

TEST(DateArithmetic, SameDayMonthsOrYearsLaterEndsAtTheMonthsLastDay) {
    EXPECT_EQ(same_day_months_later(ymd(2022, 1, 31), 1), ymd(2022, 2, 28));
    EXPECT_EQ(same_day_months_later(ymd(2022, 11, 30), 3), ymd(2023, 2, 28));
    EXPECT_EQ(same_day_months_later(ymd(2023, 12, 15), 2), ymd(2024, 2, 15));
    EXPECT_EQ(same_day_months_later(ymd(2024, 1, 31), 1), ymd(2024, 2, 29));
    EXPECT_EQ(same_day_months_later(ymd(2024, 3, 31), -1), ymd(2024, 2, 29));
    EXPECT_EQ(same_day_months_later(ymd(2024, 1, 15), -13), ymd(2022, 12, 15));
    EXPECT_EQ(same_day_months_later(ymd(2024, 5, 20), 0), ymd(2024, 5, 20));
    EXPECT_EQ(same_day_years_later(ymd(2024, 2, 29), 1), ymd(2025, 2, 28));
    EXPECT_EQ(same_day_years_later(ymd(2024, 2, 29), 4), ymd(2028, 2, 29));
    EXPECT_EQ(same_day_years_later(ymd(2022, 6, 22), -2), ymd(2020, 6, 22));
}

TEST(DateAccessors, OrderFollowsTheCalendar) {
    EXPECT_LT(ymd(2022, 6, 21), ymd(2022, 6, 22));
    EXPECT_LT(ymd(2021, 12, 31), ymd(2022, 1, 1));
    EXPECT_EQ(ymd(2022, 6, 22), Date::from_days(ymd(2022, 6, 22).days_since_epoch()));
}

TEST(DateParse, RoundTripsIsoOverTheWholeRange) {
    for (Date d = ymd(1900, 1, 1); d <= ymd(2999, 12, 31); d = d.add_days(97)) {
        const auto parsed = Date::parse(d.iso());
        ASSERT_TRUE(parsed) << d.iso();
        EXPECT_EQ(parsed->date, d);
        EXPECT_EQ(Date::from_ymd(d.year(), d.month(), d.day()).value(), d);
    }
}

}  // namespace date_test
}  // namespace sanpi::domain
