#include "domain/month.hpp"

#include <chrono>

#include "domain/field_checks.hpp"

namespace sanpi::domain {
namespace {

namespace chr = std::chrono;

constexpr int kMinYear = 1900;  // the same range as Date
constexpr int kMaxYear = 2999;

int to_int(std::string_view digits) {
    int v = 0;
    for (const char c : digits) v = v * 10 + (c - '0');
    return v;
}

bool shaped_like_month(std::string_view s) {
    if (s.size() != 7 || s[4] != '-') return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i != 4 && !is_ascii_digit(s[i])) return false;
    }
    return true;
}

Date date_of(int year, int month, unsigned day) {
    const chr::sys_days days{chr::year{year} / chr::month{static_cast<unsigned>(month)} / chr::day{day}};
    return Date::from_days(static_cast<std::int32_t>(days.time_since_epoch().count()));
}

}  // namespace

Result<Month> Month::from_ym(int year, int month, std::string_view field) {
    if (year < kMinYear || year > kMaxYear) {
        const std::string y = std::to_string(year);
        return Error::invalid_field(field, "年份 " + y + " 超出范围（1900—2999）",
                                    "year " + y + " is outside 1900 to 2999");
    }
    if (month < 1 || month > 12) {
        const std::string m = std::to_string(month);
        return Error::invalid_field(field, "月份 " + m + " 无效，应为01至12",
                                    "month " + m + " is not between 01 and 12");
    }
    return Month(year * 12 + month - 1);
}

Result<Month> Month::parse(std::string_view text, std::string_view field) {
    if (text.empty()) {
        return Error::invalid_field(field, "月份不能为空", "month is required");
    }
    if (!shaped_like_month(text)) {
        return Error::invalid_field(field, "月份格式应为 YYYY-MM，如 2022-07",
                                    "a month is written YYYY-MM, e.g. 2022-07");
    }
    return from_ym(to_int(text.substr(0, 4)), to_int(text.substr(5, 2)), field);
}

Month Month::of(Date date) { return Month(date.year() * 12 + date.month() - 1); }

std::string Month::to_string() const {
    const std::string m = std::to_string(month());
    return std::to_string(year()) + (m.size() == 1 ? "-0" : "-") + m;
}

Date Month::first_day() const { return date_of(year(), month(), 1); }

Date Month::last_day() const { return next().first_day().add_days(-1); }

bool has_ended(Month month, Date today) { return today > month.last_day(); }

}  // namespace sanpi::domain
