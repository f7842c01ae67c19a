#pragma once
// A calendar date. Spreadsheets often give only a month ("2022年6月", "2022.06"); such dates
// become the first of the month with Precision::kMonth so nobody mistakes them for a real day.
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/error.hpp"

namespace sanpi::domain {

class Date {
public:
    enum class Precision { kDay, kMonth };

    // Validated construction (rejects 2月30日, month 13, years outside 1900..2999).
    static Result<Date> from_ymd(int year, int month, int day, std::string_view field = "date");
    // Days since 1970-01-01; no validation beyond range.
    static Date from_days(std::int32_t days_since_epoch);
    // Excel 1900 date system serial (1 = 1900-01-01, 60 is Excel's phantom 1900-02-29: rejected).
    static Result<Date> from_excel_serial(double serial, std::string_view field = "date");

    struct Parsed;
    // Accepts 2022-06-22, 2022.06.22, 2022/6/22, 2022年6月22日, 2022年6月, 2022-06, 2022.06,
    // an Excel serial ("44734", "44734.75": the time is dropped), full-width digits. Also 20220622
    // (eight digits are never a serial) and a trailing time as spreadsheets export it
    // ("2022/6/22 0:00"). A bare year ("2022") is refused rather than read as serial 2022 (1905).
    // A four-digit number with a point is year.month ("2022.06"), never a serial with a time.
    // The error names `field` and the reason.
    static Result<Parsed> parse(std::string_view text, std::string_view field = "date");

    int year() const;
    int month() const;
    int day() const;
    std::int32_t days_since_epoch() const { return days_; }
    std::string iso() const;  // "2022-06-22"
    Date add_days(std::int32_t n) const { return Date(days_ + n); }
    Date first_of_month() const;

    friend constexpr auto operator<=>(Date, Date) = default;

private:
    constexpr explicit Date(std::int32_t days) : days_(days) {}
    std::int32_t days_ = 0;
};

struct Date::Parsed {
    Date date;
    Precision precision;
};

// The same day `months` calendar months later (earlier when negative), or the last day of that
// month when it has no such day (2022-01-31 plus one month is 2022-02-28).
Date same_day_months_later(Date d, int months);
// The same day `years` later, or the last day of that month when it has no such day (29 February).
Date same_day_years_later(Date d, int years);

}  // namespace sanpi::domain
