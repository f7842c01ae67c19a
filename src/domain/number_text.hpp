#pragma once
// Numbers as a bulletin writes them: counts with thousands separators, investment in 亿元 (or
// billions of yuan in English) to two decimals of a 亿, rates in basis points, dates in words. Integer arithmetic
// throughout: nothing passes through a double.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/date.hpp"
#include "domain/money.hpp"

namespace sanpi::domain {

// "1,234,567"; "-1,234".
std::string group_thousands(std::int64_t n);
// The whole part of a decimal text grouped: "1234.5" -> "1,234.5".
std::string group_decimal(const std::string& decimal);

// The amount in hundredths of a 亿元 (one million yuan), rounded half away from zero.
std::int64_t hundredths_of_yi(Money amount);
// 亿元 with up to two decimals, no unit: "1234.56", "12.5", "0", "-3.1"; `fixed`: always two, for
// columns of figures ("12.50", "0.00").
std::string yi_text(Money amount, bool fixed = false);
// Billions of yuan with up to three decimals (`fixed`: always three) and thousands separators:
// "123.456", "1,234.5".
std::string billion_text(Money amount, bool fixed = false);

// numerator / denominator in basis points (1/10000), rounded half up; nullopt when the
// denominator is 0. Counts of projects: both non-negative. (Text shows a rate with Rate's
// percent_text, rounded once from the counts: 95 / 310 is 30.6%, though 3065 bp would round to 30.7%.)
std::optional<std::int64_t> basis_points(std::int64_t numerator, std::int64_t denominator);

std::string date_text_zh(Date d);  // "2022年6月22日"
std::string date_text_en(Date d);  // "22 June 2022"

}  // namespace sanpi::domain
