#pragma once
// Amounts in sentences: messages that name a difference need the exact yuan, grouped the way
// finance staff read them, beside the 亿元/万元 figure officials think in.
#include <string>

#include "domain/money.hpp"

namespace sanpi::domain {

// Exact yuan with thousands separators; fen only when there are any: "5,000,000", "1,234.50",
// "-12,000".
std::string grouped_yuan(Money m);
// The largest unit the amount reaches (亿元 from 1亿, 万元 from 1万, else 元), exact: "4.5亿元",
// "3000万元", "12.34元".
std::string format_in_natural_unit(Money m);

}  // namespace sanpi::domain
