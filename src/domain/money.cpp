#include "domain/money.hpp"

#include <array>
#include <limits>
#include <string>

#include "domain/field_checks.hpp"
#include "domain/text_normalize.hpp"

namespace sanpi::domain {
namespace {

constexpr std::int64_t kMaxFen = kMaxAmount.fen();
__extension__ using WideMagnitude = unsigned __int128;

// Decimal digits of a 128-bit magnitude (std::to_string stops at 64 bits).
std::string digits_of(WideMagnitude v) {
    std::string out;
    do {
        out.insert(out.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
        v /= 10;
    } while (v != 0);
    return out;
}

// Fen per unit is 10^digits: 元 = 10^2, 万元 = 10^6, 亿元 = 10^10.
int fen_digits(MoneyUnit unit) {
    switch (unit) {
        case MoneyUnit::kYuan:
            return 2;
        case MoneyUnit::kWan:
            return 6;
        case MoneyUnit::kYi:
            return 10;
    }
    return 2;
}

std::uint64_t pow10(int n) {
    std::uint64_t v = 1;
    for (int i = 0; i < n; ++i) v *= 10;
    return v;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string_view trim_spaces(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

struct UnitSuffix {
    std::string_view text;
    MoneyUnit unit;
};

// Longer suffixes first so that "亿元" is not read as "元".
constexpr std::array<UnitSuffix, 6> kSuffixes{{
    {"亿元", MoneyUnit::kYi},
    {"万元", MoneyUnit::kWan},
    {"yuan", MoneyUnit::kYuan},
    {"元", MoneyUnit::kYuan},
    {"亿", MoneyUnit::kYi},
    {"万", MoneyUnit::kWan},
}};

// Removes a unit suffix and a leading currency sign; returns the bare number.
std::string_view split_unit(std::string_view s, MoneyUnit& unit) {
    for (const auto& suffix : kSuffixes) {
        if (ends_with(s, suffix.text)) {
            unit = suffix.unit;
            s.remove_suffix(suffix.text.size());
            break;
        }
    }
    for (std::string_view sign : {"¥", "￥"}) {
        if (s.substr(0, sign.size()) == sign) s.remove_prefix(sign.size());
    }
    return trim_spaces(s);
}

struct Decimal {
    std::string whole;     // digits only, thousands separators removed
    std::string fraction;  // digits after the point, trailing zeros removed
};

// Thousands separators are accepted only where they belong: "1,200,000", never "1,2,3".
bool groups_ok(std::string_view whole) {
    const std::size_t first = whole.find(',');
    if (first == std::string_view::npos) return true;
    if (first == 0 || first > 3 || (whole.size() - first) % 4 != 0) return false;
    for (std::size_t i = first; i < whole.size(); ++i) {
        if ((whole[i] == ',') != ((i - first) % 4 == 0)) return false;
    }
    return true;
}

Result<Decimal> read_decimal(std::string_view number, std::string_view field) {
    const std::size_t point = number.find('.');
    std::string_view whole = number.substr(0, point);
    std::string_view fraction = point == std::string_view::npos ? std::string_view{} : number.substr(point + 1);
    if (whole.empty() || (point != std::string_view::npos && fraction.empty()) || !all_ascii_digits(fraction)) {
        return Error::invalid_field(field, "金额格式无法识别，应为数字加单位，如 12.5亿元",
                                    "not an amount; expected a number with an optional unit, e.g. 12.5亿元");
    }
    if (!groups_ok(whole)) {
        return Error::invalid_field(field, "千位分隔符位置不对，应每三位一组，如 1,200,000",
                                    "thousands separators must group three digits, e.g. 1,200,000");
    }
    Decimal d;
    for (const char c : whole) {
        if (c == ',') continue;
        if (c < '0' || c > '9') {
            return Error::invalid_field(field, "金额格式无法识别，应为数字加单位，如 12.5亿元",
                                        "not an amount; expected a number with an optional unit, e.g. 12.5亿元");
        }
        if (c != '0' || !d.whole.empty()) d.whole.push_back(c);  // leading zeros carry no value
    }
    d.fraction = std::string(fraction.substr(0, fraction.find_last_not_of('0') + 1));
    return d;
}

Error too_large(std::string_view field) {
    return Error::invalid_field(field, "金额超过上限1万亿元", "amount is above the maximum of 1万亿元 (10^12 yuan)");
}

Result<std::int64_t> to_fen(const Decimal& d, MoneyUnit unit, std::string_view field) {
    const int digits = fen_digits(unit);
    if (d.fraction.size() > static_cast<std::size_t>(digits)) {
        return Error::invalid_field(field, "金额精度不能小于1分（0.01元）",
                                    "amount is more precise than one fen (0.01 yuan)");
    }
    std::uint64_t fraction_fen = 0;
    for (const char c : d.fraction) fraction_fen = fraction_fen * 10 + static_cast<std::uint64_t>(c - '0');
    fraction_fen *= pow10(digits - static_cast<int>(d.fraction.size()));
    if (d.whole.size() > 19) {
        return too_large(field);
    }
    std::uint64_t whole = 0;
    for (const char c : d.whole) whole = whole * 10 + static_cast<std::uint64_t>(c - '0');
    const std::uint64_t per_unit = pow10(digits);
    if (whole > (static_cast<std::uint64_t>(kMaxFen) - fraction_fen) / per_unit) {
        return too_large(field);
    }
    return static_cast<std::int64_t>(whole * per_unit + fraction_fen);
}

}  // namespace

std::string_view unit_label_zh(MoneyUnit unit) {
    switch (unit) {
        case MoneyUnit::kYuan:
            return "元";
        case MoneyUnit::kWan:
            return "万元";
        case MoneyUnit::kYi:
            return "亿元";
    }
    return "元";
}

std::string_view unit_label_en(MoneyUnit unit) {
    switch (unit) {
        case MoneyUnit::kYuan:
            return "yuan";
        case MoneyUnit::kWan:
            return "10k yuan";
        case MoneyUnit::kYi:
            return "100m yuan";
    }
    return "yuan";
}

Result<Money> Money::from_yuan(std::int64_t yuan) {
    constexpr std::int64_t kLimit = kMaxFen / 100;
    if (yuan > kLimit || yuan < -kLimit) return too_large("amount");
    return Money(WideFen{yuan} * 100);
}

Result<Money::Parsed> Money::parse(std::string_view text, MoneyUnit default_unit, std::string_view field) {
    const std::string normalized = normalize_input(text);
    if (normalized.empty()) {
        return Error::invalid_field(field, "金额不能为空", "amount is required");
    }
    MoneyUnit unit = default_unit;
    const std::string_view number = split_unit(normalized, unit);
    if (number.empty()) {
        return Error::invalid_field(field, "缺少金额数字", "the amount has no number");
    }
    if (number.front() == '-' || number.substr(0, 3) == "\xE2\x88\x92") {  // '-' or U+2212 minus sign
        return Error::invalid_field(field, "金额不能为负数", "amount cannot be negative");
    }
    auto decimal = read_decimal(number, field);
    if (!decimal) {
        return decimal.error();
    }
    auto fen = to_fen(*decimal, unit, field);
    if (!fen) {
        return fen.error();
    }
    return Parsed{Money(*fen), unit};
}

std::string Money::to_decimal(MoneyUnit unit) const {
    const int digits = fen_digits(unit);
    const WideMagnitude per_unit = pow10(digits);
    // Magnitude in unsigned arithmetic so that the most negative value has one too.
    const WideMagnitude magnitude =
        fen_ < 0 ? WideMagnitude{0} - static_cast<WideMagnitude>(fen_) : static_cast<WideMagnitude>(fen_);
    std::string out = fen_ < 0 ? "-" : "";
    out += digits_of(magnitude / per_unit);
    std::string fraction = digits_of(magnitude % per_unit);
    fraction.insert(0, static_cast<std::size_t>(digits) - fraction.size(), '0');
    fraction.erase(fraction.find_last_not_of('0') + 1);
    if (!fraction.empty()) {
        out += '.';
        out += fraction;
    }
    return out;
}

std::string Money::format(MoneyUnit unit) const { return to_decimal(unit) + std::string(unit_label_zh(unit)); }

Result<Money> Money::checked_add(Money other) const {
    const Money sum = *this + other;
    if (!sum.fits_64()) {
        return Error::invalid_field("amount", "金额合计过大，超出可记录范围", "sum of amounts is too large to record");
    }
    return sum;
}

}  // namespace sanpi::domain
