#include "domain/rates.hpp"

#include <limits>

namespace sanpi::domain {
namespace {

using U64 = std::uint64_t;

U64 magnitude(std::int64_t v) { return v < 0 ? U64{0} - static_cast<U64>(v) : static_cast<U64>(v); }

// One decimal digit of r / d for r < d, leaving the new remainder in r. Repeated addition instead
// of r * 10 so that no intermediate exceeds 2 * d, which fits in 64 bits for any int64 magnitude.
U64 next_digit(U64& r, U64 d) {
    U64 digit = 0, acc = 0;
    for (int i = 0; i < 10; ++i) {
        if (acc >= d - r) {  // acc + r >= d without computing acc + r
            acc -= d - r;
            ++digit;
        } else {
            acc += r;
        }
    }
    r = acc;
    return digit;
}

}  // namespace

std::optional<std::int64_t> Rate::permille() const {
    if (denominator == 0) {
        return std::nullopt;
    }
    const U64 n = magnitude(numerator), d = magnitude(denominator);
    U64 r = n % d;
    U64 value = 0;
    for (int i = 0; i < 3; ++i) value = value * 10 + next_digit(r, d);
    if (r >= d - r) ++value;  // half up: remainder >= d / 2
    constexpr U64 kMax = static_cast<U64>(std::numeric_limits<std::int64_t>::max());
    const U64 whole = n / d;
    const U64 total = whole > (kMax - value) / 1000 ? kMax : whole * 1000 + value;  // saturate absurd ratios
    const bool negative = (numerator < 0) != (denominator < 0);
    return negative ? -static_cast<std::int64_t>(total) : static_cast<std::int64_t>(total);
}

std::string Rate::percent_text() const {
    const auto p = permille();
    if (!p) {
        return "—";
    }
    const U64 m = magnitude(*p);
    return (*p < 0 ? "-" : "") + std::to_string(m / 10) + "." + std::to_string(m % 10) + "%";
}

Rate start_rate(const StageCounts& c) { return {c.started, c.signed_count}; }
Rate production_rate(const StageCounts& c) { return {c.producing, c.started}; }
Rate capacity_rate(const StageCounts& c) { return {c.at_capacity, c.producing}; }
Rate on_time_start_rate(const StageCounts& c) { return {c.started_on_time, c.started}; }
Rate on_time_production_rate(const StageCounts& c) { return {c.producing_on_time, c.producing}; }
Rate on_time_capacity_rate(const StageCounts& c) { return {c.capacity_on_time, c.at_capacity}; }
Rate investment_completion(Money completed, Money annual_planned) { return {completed.fen(), annual_planned.fen()}; }

}  // namespace sanpi::domain
