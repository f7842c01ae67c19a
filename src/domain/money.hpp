#pragma once
// Money is an exact count of fen (0.01 yuan). Officials write amounts in 亿元 and 万元,
// so parsing reports which unit it read and formatting can use any of the three.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/error.hpp"

namespace sanpi::domain {

enum class MoneyUnit { kYuan, kWan, kYi };  // 元, 万元 (1e4), 亿元 (1e8)

std::string_view unit_label_zh(MoneyUnit unit);  // "元" / "万元" / "亿元"
std::string_view unit_label_en(MoneyUnit unit);  // "yuan" / "10k yuan" / "100m yuan"

class Money {
public:
    constexpr Money() = default;
    static constexpr Money from_fen(std::int64_t fen) { return Money(fen); }
    static Result<Money> from_yuan(std::int64_t yuan);  // fails on overflow

    struct Parsed;
    // Accepts "12.5亿元", "3000万元", "1,200,000元", "１２.５亿", "12.5" (in default_unit),
    // full-width digits and punctuation, surrounding spaces. Rejects negatives, more than
    // two decimals of a yuan, overflow, and anything else, naming `field` in the error.
    static Result<Parsed> parse(std::string_view text, MoneyUnit default_unit = MoneyUnit::kYuan,
                                std::string_view field = "amount");

    constexpr std::int64_t fen() const { return fen_; }
    constexpr bool is_zero() const { return fen_ == 0; }

    // Exact decimal rendering in the given unit without trailing zeros: "12.5" for 12.5亿元.
    std::string to_decimal(MoneyUnit unit) const;
    // "12.5亿元", "3000万元", "1200000元".
    std::string format(MoneyUnit unit) const;

    Result<Money> checked_add(Money other) const;
    friend constexpr auto operator<=>(Money, Money) = default;

private:
    constexpr explicit Money(std::int64_t fen) : fen_(fen) {}
    std::int64_t fen_ = 0;
};

struct Money::Parsed {
    Money amount;
    MoneyUnit unit;  // the unit the text was read in (default_unit when the text named none)
};

}  // namespace sanpi::domain
