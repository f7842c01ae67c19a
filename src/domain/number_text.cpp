#include "domain/number_text.hpp"

#include <array>
#include <limits>
#include <string_view>

namespace sanpi::domain {
namespace {

using U64 = std::uint64_t;

constexpr U64 kFenPerHundredthYi = 100'000'000;  // 0.01亿元 = 1,000,000 yuan

U64 magnitude_of(std::int64_t v) { return v < 0 ? U64{0} - static_cast<U64>(v) : static_cast<U64>(v); }

std::string grouped_digits(const std::string& digits) {
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

// `scaled` / 10^decimals as a decimal, without trailing zeros unless `fixed`.
std::string scaled_decimal(std::int64_t scaled, int decimals, bool fixed) {
    U64 per = 1;
    for (int i = 0; i < decimals; ++i) per *= 10;
    const U64 m = magnitude_of(scaled);
    std::string out = scaled < 0 ? "-" : "";
    out += std::to_string(m / per);
    std::string fraction = std::to_string(m % per);
    fraction.insert(0, static_cast<std::size_t>(decimals) - fraction.size(), '0');
    if (!fixed) fraction.erase(fraction.find_last_not_of('0') + 1);
    if (!fraction.empty()) out += "." + fraction;
    return out;
}

constexpr std::array<std::string_view, 12> kEnglishMonthNames{"January",   "February", "March",    "April",
                                                              "May",       "June",     "July",     "August",
                                                              "September", "October",  "November", "December"};

}  // namespace

std::string group_thousands(std::int64_t n) {
    return (n < 0 ? "-" : "") + grouped_digits(std::to_string(magnitude_of(n)));
}

std::string group_decimal(const std::string& decimal) {
    const bool negative = !decimal.empty() && decimal.front() == '-';
    const std::string body = negative ? decimal.substr(1) : decimal;
    const std::size_t point = body.find('.');
    const std::string whole = body.substr(0, point);
    const std::string rest = point == std::string::npos ? "" : body.substr(point);
    return (negative ? "-" : "") + grouped_digits(whole) + rest;
}

std::int64_t hundredths_of_yi(Money amount) {
    // A sum is 128 bits; in hundredths of 亿元 it fits 63 up to 9×10^26 fen.
    const WideFen m = amount.magnitude().wide_fen();
    WideFen q = m / kFenPerHundredthYi;
    if (m % kFenPerHundredthYi >= kFenPerHundredthYi / 2) ++q;
    const auto v = static_cast<std::int64_t>(q);
    return amount.is_negative() ? -v : v;
}

std::string yi_text(Money amount, bool fixed) { return scaled_decimal(hundredths_of_yi(amount), 2, fixed); }

std::string billion_text(Money amount, bool fixed) {
    return group_decimal(scaled_decimal(hundredths_of_yi(amount), 3, fixed));
}

std::optional<std::int64_t> basis_points(std::int64_t numerator, std::int64_t denominator) {
    if (denominator == 0) return std::nullopt;
    const U64 n = magnitude_of(numerator), d = magnitude_of(denominator);
    const U64 whole = n / d, rest = n % d;
    // rest < d; project counts keep d far below 2^64 / 10000, so rest * 10000 cannot overflow.
    U64 fraction = 0;
    if (d <= std::numeric_limits<U64>::max() / 20000) {
        fraction = (rest * 20000 + d) / (2 * d);  // rest * 10000 / d, half up
    } else {
        fraction = rest / (d / 10000);
    }
    const auto bp = static_cast<std::int64_t>(whole * 10000 + fraction);
    return (numerator < 0) != (denominator < 0) ? -bp : bp;
}

std::string date_text_zh(Date d) {
    return std::to_string(d.year()) + "年" + std::to_string(d.month()) + "月" + std::to_string(d.day()) + "日";
}

std::string date_text_en(Date d) {
    return std::to_string(d.day()) + " " + std::string(kEnglishMonthNames[static_cast<std::size_t>(d.month() - 1)]) +
           " " + std::to_string(d.year());
}

}  // namespace sanpi::domain
