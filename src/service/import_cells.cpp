#include "service/import_cells.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

#include "domain/text_normalize.hpp"
#include "service/import_text.hpp"

namespace sanpi::service {
namespace {



int fen_digits(domain::MoneyUnit unit) {
    switch (unit) {
        case domain::MoneyUnit::kYuan:
            return 2;
        case domain::MoneyUnit::kWan:
            return 6;
        case domain::MoneyUnit::kYi:
            return 10;
    }
    return 2;
}

Error not_a_number(std::string_view field) {
    return Error::invalid_field(field, "不是数字", "not a number");
}

// Digits and the power of ten they are scaled by: "1.25E-3" → {"125", -5}.
struct Scaled {
    std::string digits;
    int exponent = 0;
    bool negative = false;
};

bool read_scaled(std::string_view s, Scaled& out) {
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) out.negative = s[i++] == '-';
    bool any = false, point = false;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (c >= '0' && c <= '9') {
            any = true;
            if (out.digits.size() > 40) return false;  // no money has this many significant digits
            out.digits += c;
            if (point) --out.exponent;
        } else if (c == '.' && !point) {
            point = true;
        } else {
            break;
        }
    }
    if (!any) return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        bool minus = false;
        if (i < s.size() && (s[i] == '-' || s[i] == '+')) minus = s[i++] == '-';
        int e = 0;
        bool digits = false;
        for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
            if (e < 1000) e = e * 10 + (s[i] - '0');
            digits = true;
        }
        if (!digits) return false;
        out.exponent += minus ? -e : e;
    }
    return i == s.size();
}

}  // namespace

Result<domain::Money> money_from_number(std::string_view number, domain::MoneyUnit unit, std::string_view field,
                                        bool stated_total) {
    Scaled v;
    if (!read_scaled(number, v)) return not_a_number(field);
    if (v.negative && v.digits.find_first_not_of('0') != std::string::npos) {
        return Error::invalid_field(field, "金额不能为负数", "amount cannot be negative");
    }
    // fen = digits × 10^(exponent + fen digits), rounded half away from zero.
    const int shift = v.exponent + fen_digits(unit);
    domain::WideFen fen = 0;
    // 10^30 fen bounds a stated total far from the 128-bit limit.
    const domain::WideFen cap = stated_total ? domain::WideFen{1'000'000'000'000'000} * 1'000'000'000'000'000
                                             : domain::kMaxAmount.wide_fen();
    const std::size_t keep =
        shift >= 0 ? v.digits.size() : (v.digits.size() > static_cast<std::size_t>(-shift)
                                             ? v.digits.size() - static_cast<std::size_t>(-shift)
                                             : 0);
    for (std::size_t i = 0; i < keep; ++i) {
        fen = fen * 10 + (v.digits[i] - '0');
        if (fen > cap) break;
    }
    if (shift > 0) {
        for (int i = 0; i < shift && fen <= cap; ++i) fen *= 10;
    } else if (keep < v.digits.size() && v.digits[keep] >= '5') {
        ++fen;
    }
    if (fen > cap) return Error::invalid_field(field, "金额超过上限1万亿元", "amount is above the maximum of 1万亿元 (10^12 yuan)");
    return domain::Money::from_yi_and_fen(static_cast<std::int64_t>(fen / domain::Money::kFenPerYi),
                                          static_cast<std::int64_t>(fen % domain::Money::kFenPerYi));
}

Result<domain::Money> read_money(const sheet::Cell& cell, domain::MoneyUnit unit, std::string_view field,
                                 bool stated_total) {
    if (cell.kind == sheet::CellKind::kNumber) return money_from_number(cell.text, unit, field, stated_total);
    auto parsed = domain::Money::parse(clean_cell_text(cell.text), unit, field);
    if (!parsed) return parsed.error();
    return parsed->amount;
}

Result<domain::Date::Parsed> read_date(const sheet::Cell& cell, bool date1904, std::string_view field) {
    // A number styled as a date is a serial; an unstyled one is what was typed (2022.06 and
    // 202206 stay numbers in Excel) and is read like text.
    if (cell.kind == sheet::CellKind::kNumber && cell.date_style) {
        auto date = sheet::date_from_serial(cell.text, date1904);
        if (!date) {
            return Error::invalid_field(field, "不是有效的日期（Excel 日期序号 " + cell.text + "）",
                                        "not a valid date (Excel date serial " + cell.text + ")");
        }
        return domain::Date::Parsed{*date, domain::Date::Precision::kDay};
    }
    const std::string text = domain::normalize_input(cell.text);
    // 202206: a year and a month, never a serial (that would be the year 2453).
    if (text.size() == 6 && text.find_first_not_of("0123456789") == std::string::npos) {
        const int year = std::stoi(text.substr(0, 4)), month = std::stoi(text.substr(4));
        auto date = domain::Date::from_ymd(year, month, 1, field);
        if (!date) return date.error();
        return domain::Date::Parsed{*date, domain::Date::Precision::kMonth};
    }
    return domain::Date::parse(text, field);
}

Result<domain::Month> read_month(const sheet::Cell& cell, bool date1904, std::string_view field) {
    auto date = read_date(cell, date1904, field);
    if (!date) return date.error();
    return domain::Month::of(date->date);
}

Result<std::int32_t> read_percent(const sheet::Cell& cell, std::string_view field) {
    const auto refused = [&] {
        return Error::invalid_field(field, "须为0至100之间的整数百分比（如 45 或 45%）",
                                    "must be a whole percentage from 0 to 100 (e.g. 45 or 45%)");
    };
    std::string text = domain::normalize_input(cell.text);
    bool percent = cell.kind == sheet::CellKind::kNumber && cell.percent_style;  // 0.45 shown as 45%
    for (std::string_view sign : {"%", "％"}) {
        if (text.size() >= sign.size() && text.compare(text.size() - sign.size(), sign.size(), sign) == 0) {
            text.erase(text.size() - sign.size());
            while (!text.empty() && text.back() == ' ') text.pop_back();
            if (cell.kind != sheet::CellKind::kNumber) percent = false;  // "45%" typed: 45
            break;
        }
    }
    Scaled v;
    if (!read_scaled(text, v) || v.negative) return refused();
    if (percent) v.exponent += 2;
    // Whole and fractional digits; a number cell is a binary double, so a fraction that is only
    // its noise (0.45 stored as 0.45000000000000001 or 0.44999999999999996) rounds away.
    const int whole = static_cast<int>(v.digits.size()) + v.exponent;
    std::string integral, fraction;
    for (int i = std::min(whole, 0); i < static_cast<int>(v.digits.size()) || i < whole; ++i) {
        const char d = i < 0 || i >= static_cast<int>(v.digits.size()) ? '0' : v.digits[static_cast<std::size_t>(i)];
        (i < whole ? integral : fraction) += d;
    }
    std::int64_t n = 0;
    for (const char d : integral) {
        n = n * 10 + (d - '0');
        if (n > 1'000'000) return refused();
    }
    const bool exact = fraction.find_first_not_of('0') == std::string::npos;
    constexpr std::size_t kNoise = 9;  // decimal places a double's noise starts beyond
    const bool noise_down = fraction.size() > kNoise && fraction.find_first_not_of('0') >= kNoise;
    const bool noise_up = fraction.size() > kNoise && fraction.find_first_not_of('9') >= kNoise;
    if (exact || (cell.kind == sheet::CellKind::kNumber && noise_down)) return static_cast<std::int32_t>(n);
    if (cell.kind == sheet::CellKind::kNumber && noise_up) return static_cast<std::int32_t>(n + 1);
    return refused();
}

Result<std::int32_t> read_count(const sheet::Cell& cell, std::string_view field) {
    Scaled v;
    const std::string text = domain::normalize_input(cell.text);
    if (!read_scaled(text, v) || v.negative) {
        return Error::invalid_field(field, "须为不小于0的整数", "must be a whole number, 0 or more");
    }
    std::int64_t n = 0;
    const int whole = static_cast<int>(v.digits.size()) + v.exponent;
    for (int i = 0; i < static_cast<int>(v.digits.size()); ++i) {
        if (i >= whole) {
            if (v.digits[static_cast<std::size_t>(i)] != '0') {
                return Error::invalid_field(field, "须为整数", "must be a whole number");
            }
            continue;
        }
        n = n * 10 + (v.digits[static_cast<std::size_t>(i)] - '0');
        if (n > INT32_MAX) return Error::invalid_field(field, "数值过大", "too large");
    }
    for (int i = static_cast<int>(v.digits.size()); i < whole; ++i) {
        n *= 10;
        if (n > INT32_MAX) return Error::invalid_field(field, "数值过大", "too large");
    }
    return static_cast<std::int32_t>(n);
}

}  // namespace sanpi::service
