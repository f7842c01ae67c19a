#include "domain/date.hpp"

#include <array>
#include <chrono>
#include <cmath>
#include <string>

#include "domain/field_checks.hpp"
#include "domain/text_normalize.hpp"

namespace sanpi::domain {
namespace {

namespace chr = std::chrono;

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2999;
// Excel's 1900 date system counts from 1899-12-31 but believes 1900 was a leap year, so from
// serial 61 on a serial is simply days after 1899-12-30; serial 60 is the phantom 1900-02-29.
constexpr chr::sys_days kExcelBase = chr::sys_days{chr::year{1899} / 12 / 30};
constexpr std::int64_t kMaxSerial = (chr::sys_days{chr::year{kMaxYear} / 12 / 31} - kExcelBase).count();
constexpr std::size_t kMaxTextLength = 40;  // longer input cannot be a date; spare the parser

constexpr std::array<std::string_view, 12> kMonthNames{"January",   "February", "March",    "April",
                                                       "May",       "June",     "July",     "August",
                                                       "September", "October",  "November", "December"};

Error unrecognized(std::string_view field) {
    return Error::invalid_field(field, "无法识别的日期，应为 2022-06-22、2022年6月22日、2022.06 或 Excel 日期序列号",
                                "not a date; use 2022-06-22, 2022年6月22日, 2022.06 or an Excel serial number");
}

Error day_error(int year, int month, int day, std::string_view field) {
    const std::string d = std::to_string(day);
    const std::string m = std::to_string(month);
    const std::string month_name(kMonthNames[static_cast<std::size_t>(month - 1)]);
    if (day < 1) {
        return Error::invalid_field(field, "日期中的日 " + d + " 无效", "day " + d + " is not a valid day");
    }
    if (month == 2 && day == 29) {  // the only case where the year matters
        const std::string y = std::to_string(year);
        return Error::invalid_field(field, y + "年2月没有29日（非闰年）",
                                    "February " + y + " has no day 29 (not a leap year)");
    }
    return Error::invalid_field(field, m + "月没有" + d + "日", month_name + " has no day " + d);
}

Result<Date> from_serial_days(std::int64_t serial, std::string_view field) {
    if (serial == 60) {
        return Error::invalid_field(field, "Excel 日期序列号 60 是不存在的1900年2月29日",
                                    "Excel serial 60 is 1900-02-29, which never existed");
    }
    if (serial < 1 || serial > kMaxSerial) {
        return Error::invalid_field(field, "Excel 日期序列号超出范围（1 至 " + std::to_string(kMaxSerial) + "）",
                                    "Excel serial number out of range (1 to " + std::to_string(kMaxSerial) + ")");
    }
    const std::int64_t days = serial < 60 ? serial + 1 : serial;  // before the phantom day Excel is one ahead
    return Date::from_days(static_cast<std::int32_t>((kExcelBase + chr::days{days}).time_since_epoch().count()));
}

bool some_digits_only(std::string_view s) { return !s.empty() && all_ascii_digits(s); }

int to_int(std::string_view digits) {  // callers bound the length, so this cannot overflow
    int v = 0;
    for (const char c : digits) v = v * 10 + (c - '0');
    return v;
}

// A cursor over the normalized text; each reader consumes only on success.
struct Cursor {
    std::string_view s;
    std::size_t i = 0;

    bool done() const { return i == s.size(); }
    std::string_view digits() {
        const std::size_t start = i;
        while (i < s.size() && is_ascii_digit(s[i])) ++i;
        return s.substr(start, i - start);
    }
    bool eat(std::string_view token) {
        if (s.substr(i, token.size()) != token) return false;
        i += token.size();
        return true;
    }
    // Spreadsheets exported as text append a time ("2022/6/22 0:00"); a date ignores it.
    bool rest_is_time() const {
        if (done()) return true;
        if (s[i] != ' ' && s[i] != 'T') return false;
        const std::string_view rest = s.substr(i + 1);
        return !rest.empty() && rest.find_first_not_of("0123456789:.") == std::string_view::npos;
    }
};

Result<Date::Parsed> make(int year, int month, int day, Date::Precision precision, std::string_view field) {
    auto date = Date::from_ymd(year, month, day, field);
    if (!date) {
        return date.error();
    }
    return Date::Parsed{*date, precision};
}

// "2022年6月[22日]", "2022-06[-22]", "2022.6.22", "2022/6/22 0:00"; the cursor is after the year.
Result<Date::Parsed> parse_calendar(Cursor& c, int year, std::string_view sep, std::string_view field) {
    const std::string_view month = c.digits();
    if (month.empty() || month.size() > 2) return unrecognized(field);
    const bool chinese = sep == "年";
    if (chinese && !c.eat("月")) return unrecognized(field);
    if (c.done()) return make(year, to_int(month), 1, Date::Precision::kMonth, field);
    if (!chinese && !c.eat(sep)) return unrecognized(field);
    const std::string_view day = c.digits();
    if (day.empty() || day.size() > 2) return unrecognized(field);
    if (chinese && !c.eat("日")) c.eat("号");  // the suffix is optional: "2022年6月22" is clear enough
    const bool end_ok = chinese ? c.done() : c.rest_is_time();
    if (!end_ok) return unrecognized(field);
    return make(year, to_int(month), to_int(day), Date::Precision::kDay, field);
}

// Digits only: YYYYMMDD, or an Excel serial possibly with a time fraction ("44734.5").
Result<Date::Parsed> parse_number(std::string_view s, std::string_view field) {
    const std::size_t point = s.find('.');
    const std::string_view whole = s.substr(0, point);
    if (point == std::string_view::npos && whole.size() == 8) {
        return make(to_int(whole.substr(0, 4)), to_int(whole.substr(4, 2)), to_int(whole.substr(6, 2)),
                    Date::Precision::kDay, field);
    }
    if (point == std::string_view::npos && whole.size() == 4 && to_int(whole) >= kMinYear) {
        // As a serial "2022" would be 1905-07-14; far likelier someone wrote only a year.
        return Error::invalid_field(field, "只有年份，请至少写到月份，如 2022年6月",
                                    "only a year; give at least the month, e.g. 2022-06");
    }
    if (whole.size() > 6) {
        return Error::invalid_field(field, "Excel 日期序列号超出范围（1 至 " + std::to_string(kMaxSerial) + "）",
                                    "Excel serial number out of range (1 to " + std::to_string(kMaxSerial) + ")");
    }
    auto date = from_serial_days(to_int(whole), field);
    if (!date) {
        return date.error();
    }
    return Date::Parsed{*date, Date::Precision::kDay};
}

bool is_serial_text(std::string_view s) {
    const std::size_t point = s.find('.');
    if (point == std::string_view::npos) return some_digits_only(s);
    return some_digits_only(s.substr(0, point)) && some_digits_only(s.substr(point + 1)) && point != 4;
}

chr::year_month_day ymd(std::int32_t days) { return chr::year_month_day{chr::sys_days{chr::days{days}}}; }

}  // namespace

Result<Date> Date::from_ymd(int year, int month, int day, std::string_view field) {
    if (year < kMinYear || year > kMaxYear) {
        const std::string y = std::to_string(year);
        return Error::invalid_field(field, "年份 " + y + " 超出范围（1900—2999）",
                                    "year " + y + " is outside 1900 to 2999");
    }
    if (month < 1 || month > 12) {
        const std::string m = std::to_string(month);
        return Error::invalid_field(field, "月份 " + m + " 无效，应为1至12", "month " + m + " is not between 1 and 12");
    }
    const chr::year_month_day_last last{chr::year{year}, chr::month_day_last{chr::month{static_cast<unsigned>(month)}}};
    if (day < 1 || static_cast<unsigned>(day) > static_cast<unsigned>(last.day())) {
        return day_error(year, month, day, field);
    }
    const chr::sys_days days{chr::year{year} / month / day};
    return Date(static_cast<std::int32_t>(days.time_since_epoch().count()));
}

Date Date::from_days(std::int32_t days_since_epoch) { return Date(days_since_epoch); }

Result<Date> Date::from_excel_serial(double serial, std::string_view field) {
    // Comparisons first: NaN fails both and a huge double is never converted to an integer.
    if (!(serial >= 1.0 && serial < static_cast<double>(kMaxSerial + 1))) {
        return from_serial_days(0, field);
    }
    return from_serial_days(static_cast<std::int64_t>(std::floor(serial)), field);
}

Result<Date::Parsed> Date::parse(std::string_view text, std::string_view field) {
    const std::string s = normalize_input(text);
    if (s.empty()) {
        return Error::invalid_field(field, "日期不能为空", "date is required");
    }
    if (s.size() > kMaxTextLength) {
        return unrecognized(field);
    }
    if (is_serial_text(s)) {
        return parse_number(s, field);
    }
    Cursor c{s};
    const std::string_view year = c.digits();
    if (year.size() == 4) {
        for (std::string_view sep : {"-", ".", "/", "年"}) {
            if (c.eat(sep)) return parse_calendar(c, to_int(year), sep, field);
        }
    }
    return unrecognized(field);
}

int Date::year() const { return static_cast<int>(ymd(days_).year()); }
int Date::month() const { return static_cast<int>(static_cast<unsigned>(ymd(days_).month())); }
int Date::day() const { return static_cast<int>(static_cast<unsigned>(ymd(days_).day())); }

std::string Date::iso() const {
    const auto pad = [](int v, std::size_t width) {
        std::string s = std::to_string(v);
        return s.size() < width ? std::string(width - s.size(), '0') + s : s;
    };
    return pad(year(), 4) + "-" + pad(month(), 2) + "-" + pad(day(), 2);
}

Date Date::first_of_month() const {
    const auto d = ymd(days_);
    return Date(static_cast<std::int32_t>(chr::sys_days{d.year() / d.month() / 1}.time_since_epoch().count()));
}

Date same_day_months_later(Date d, int months) {
    const chr::year_month_day shifted =
        chr::year_month_day{chr::year{d.year()}, chr::month{static_cast<unsigned>(d.month())},
                            chr::day{static_cast<unsigned>(d.day())}} +
        chr::months{months};
    const chr::year_month_day target =
        shifted.ok() ? shifted
                     : chr::year_month_day{chr::year_month_day_last{shifted.year(), chr::month_day_last{shifted.month()}}};
    return Date::from_days(static_cast<std::int32_t>(chr::sys_days{target}.time_since_epoch().count()));
}

Date same_day_years_later(Date d, int years) { return same_day_months_later(d, 12 * years); }

}  // namespace sanpi::domain
