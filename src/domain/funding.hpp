#pragma once
// Total investment broken down by where the money comes from (资金拼盘). Central and provincial
// budget money and special bonds carry their own supervision, so the parts must add up to the
// project's total investment exactly.
#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "domain/error.hpp"
#include "domain/money.hpp"

namespace sanpi::domain {

enum class FundingSource {
    kCentralBudget,     // 中央预算内投资
    kProvincialBudget,  // 省级预算内投资
    kSpecialBonds,      // 地方政府专项债券
    kBankLoans,         // 银行贷款
    kOwnFunds,          // 企业自筹
    kForeignCapital,    // 外资
    kOther,             // 其他
};

// Every source in display order.
const std::array<FundingSource, 7>& funding_sources();
std::string_view to_string(FundingSource s);  // "central_budget", "provincial_budget", "special_bonds",
                                              // "bank_loans", "own_funds", "foreign_capital", "other"
std::optional<FundingSource> funding_source_from_string(std::string_view s);
std::string_view label_zh(FundingSource s);
std::string_view label_en(FundingSource s);

struct FundingPart {
    FundingSource source;
    Money amount;
    friend bool operator==(const FundingPart&, const FundingPart&) = default;
};

// Empty when the project has not broken its investment down.
using FundingBreakdown = std::vector<FundingPart>;

// The sum of the parts; fails when it cannot be represented.
Result<Money> funding_sum(const FundingBreakdown& parts);

// Nothing for an empty breakdown. Otherwise: each source at most once ("funding[2].source"), no
// negative amount ("funding[1].amount"), and the parts add up to `total_investment` exactly; the
// refusal ("funding") names both sums and the difference in yuan.
std::vector<FieldError> validate_funding(const FundingBreakdown& parts, Money total_investment,
                                         std::string_view field = "funding");

}  // namespace sanpi::domain
