#include "domain/money_text.hpp"

#include <cstdint>

namespace sanpi::domain {
namespace {

constexpr std::int64_t kFenPerWan = 1'0000'00;
constexpr std::int64_t kFenPerYi = 1'0000'0000'00;

std::uint64_t magnitude(Money m) {
    const std::int64_t fen = m.fen();
    return fen < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(fen) : static_cast<std::uint64_t>(fen);
}

std::string group_thousands(std::uint64_t v) {
    std::string digits = std::to_string(v);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
        out.push_back(digits[i]);
    }
    return out;
}

}  // namespace

std::string grouped_yuan(Money m) {
    const std::uint64_t fen = magnitude(m);
    std::string out = m.fen() < 0 ? "-" : "";
    out += group_thousands(fen / 100);
    if (const std::uint64_t cents = fen % 100; cents != 0) {
        out += cents < 10 ? ".0" : ".";
        out += std::to_string(cents);
    }
    return out;
}

std::string format_in_natural_unit(Money m) {
    const std::uint64_t fen = magnitude(m);
    if (fen >= static_cast<std::uint64_t>(kFenPerYi)) return m.format(MoneyUnit::kYi);
    if (fen >= static_cast<std::uint64_t>(kFenPerWan)) return m.format(MoneyUnit::kWan);
    return m.format(MoneyUnit::kYuan);
}

}  // namespace sanpi::domain
