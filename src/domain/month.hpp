#pragma once
// A calendar month ("2022-07"): the period a progress report covers. The API is strict about its
// spelling (YYYY-MM, zero-padded) so that a month has exactly one text form to search and sort by.
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/date.hpp"
#include "domain/error.hpp"

namespace sanpi::domain {

class Month {
public:
    // 1970-01: only so that records holding a Month can be default-constructed before being filled.
    constexpr Month() = default;

    // Years 1900..2999 as for Date; the error names `field`.
    static Result<Month> from_ym(int year, int month, std::string_view field = "month");
    // Exactly "YYYY-MM": "2022-7", " 2022-07", "2022/07" and "2022-07-01" are refused, with a
    // reason that shows the expected form; 2022-13 and 2022-00 are refused as impossible months.
    static Result<Month> parse(std::string_view text, std::string_view field = "month");
    static Month of(Date date);

    int year() const { return index_ / 12; }
    int month() const { return index_ % 12 + 1; }
    std::string to_string() const;  // "2022-07"

    Month next() const { return Month(index_ + 1); }
    Month prev() const { return Month(index_ - 1); }
    Date first_day() const;
    Date last_day() const;

    friend constexpr auto operator<=>(Month, Month) = default;

private:
    constexpr explicit Month(std::int32_t index) : index_(index) {}
    std::int32_t index_ = 1970 * 12;  // months since year 0: year * 12 + (month - 1)
};

// A month has ended once today is after its last day: a report for June can be filed from 1 July.
bool has_ended(Month month, Date today);

}  // namespace sanpi::domain
