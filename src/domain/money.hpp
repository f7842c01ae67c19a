#pragma once
// Money is an exact count of fen (0.01 yuan). Officials write amounts in 亿元 and 万元,
// so parsing reports which unit it read and formatting can use any of the three.
//
// One amount typed in is at most kMaxAmount (1万亿元), more than any single investment project
// on record, so it fits the 64-bit columns it is stored in. Sums are held in 128 bits: a million
// projects at the cap (10^20 fen) would overflow 64, 10^38 is out of reach.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/error.hpp"

namespace sanpi::domain {

__extension__ using WideFen = __int128;  // GCC and Clang; ISO C++ has no 128-bit integer

enum class MoneyUnit { kYuan, kWan, kYi };  // 元, 万元 (1e4), 亿元 (1e8)

std::string_view unit_label_zh(MoneyUnit unit);  // "元" / "万元" / "亿元"
std::string_view unit_label_en(MoneyUnit unit);  // "yuan" / "10k yuan" / "100m yuan"

class Money {
public:
    constexpr Money() = default;
    static constexpr Money from_fen(std::int64_t fen) { return Money(fen); }
    // A sum read back in two parts that each fit 64 bits: whole 亿元 and the fen below them.
    static constexpr Money from_yi_and_fen(std::int64_t yi, std::int64_t fen) {
        return Money(WideFen{yi} * kFenPerYi + fen);
    }
    static Result<Money> from_yuan(std::int64_t yuan);  // fails above kMaxAmount
    static constexpr std::int64_t kFenPerYi = 10'000'000'000;

    struct Parsed;
    // Accepts "12.5亿元", "3000万元", "1,200,000元", "１２.５亿", "12.5" (in default_unit),
    // full-width digits and punctuation, surrounding spaces. Rejects negatives, more than
    // two decimals of a yuan, overflow, and anything else, naming `field` in the error.
    static Result<Parsed> parse(std::string_view text, MoneyUnit default_unit = MoneyUnit::kYuan,
                                std::string_view field = "amount");

    // The amount in 64 bits, for one amount (at most kMaxAmount) or a sum known to fit, such as
    // a kept figure row (a write that would take one past 64 bits is refused).
    constexpr std::int64_t fen() const { return static_cast<std::int64_t>(fen_); }
    constexpr WideFen wide_fen() const { return fen_; }
    constexpr bool fits_64() const { return fen_ >= INT64_MIN && fen_ <= INT64_MAX; }
    constexpr bool is_zero() const { return fen_ == 0; }
    constexpr bool is_negative() const { return fen_ < 0; }
    constexpr Money magnitude() const { return Money(fen_ < 0 ? -fen_ : fen_); }

    // Exact decimal rendering in the given unit without trailing zeros: "12.5" for 12.5亿元.
    std::string to_decimal(MoneyUnit unit) const;
    // "12.5亿元", "3000万元", "1200000元".
    std::string format(MoneyUnit unit) const;

    // Exact: sums of capped amounts cannot reach the 128-bit limit.
    friend constexpr Money operator+(Money a, Money b) { return Money(a.fen_ + b.fen_); }
    friend constexpr Money operator-(Money a, Money b) { return Money(a.fen_ - b.fen_); }
    Money& operator+=(Money other) {
        fen_ += other.fen_;
        return *this;
    }
    // Fails when the sum is more than a stored amount can hold (64 bits): for a total that is
    // written back as one amount, such as a project's cumulative investment.
    Result<Money> checked_add(Money other) const;
    friend constexpr bool operator==(Money a, Money b) { return a.fen_ == b.fen_; }
    friend constexpr std::strong_ordering operator<=>(Money a, Money b) {
        return a.fen_ < b.fen_ ? std::strong_ordering::less
                               : (a.fen_ > b.fen_ ? std::strong_ordering::greater : std::strong_ordering::equal);
    }

private:
    constexpr explicit Money(WideFen fen) : fen_(fen) {}
    WideFen fen_ = 0;
};

// 1万亿元 = 10^12 yuan. The largest single projects in development zones (refineries, integrated
// petrochemical bases) are in the low thousands of 亿元.
inline constexpr Money kMaxAmount = Money::from_fen(100'000'000'000'000);

struct Money::Parsed {
    Money amount;
    MoneyUnit unit;  // the unit the text was read in (default_unit when the text named none)
};

}  // namespace sanpi::domain
