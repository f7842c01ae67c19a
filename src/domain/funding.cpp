#include "domain/funding.hpp"

#include <string>

#include "domain/enum_table.hpp"
#include "domain/field_checks.hpp"
#include "domain/money_text.hpp"

namespace sanpi::domain {
namespace {

constexpr std::array<detail::EnumEntry<FundingSource>, 7> kSources{{
    {FundingSource::kCentralBudget, "central_budget", "中央预算内投资"},
    {FundingSource::kProvincialBudget, "provincial_budget", "省级预算内投资"},
    {FundingSource::kSpecialBonds, "special_bonds", "地方政府专项债券"},
    {FundingSource::kBankLoans, "bank_loans", "银行贷款"},
    {FundingSource::kOwnFunds, "own_funds", "企业自筹"},
    {FundingSource::kForeignCapital, "foreign_capital", "外资"},
    {FundingSource::kOther, "other", "其他"},
}};

std::string item(std::string_view field, std::size_t i) { return std::string(field) + "[" + std::to_string(i) + "]"; }

// Each source once, each amount non-negative; true when the parts can be summed.
bool check_parts(const FundingBreakdown& parts, std::string_view field, std::vector<FieldError>& out) {
    bool summable = true;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (parts[j].source == parts[i].source) {
                const std::string n = std::to_string(j + 1);
                add_field_error(out, item(field, i) + ".source",
                                "资金来源“" + std::string(label_zh(parts[i].source)) + "”重复（已在第" + n + "项）",
                                "the source '" + std::string(label_en(parts[i].source)) +
                                    "' is listed twice (already item " + n + ")");
                break;
            }
        }
        if (parts[i].amount < Money()) {
            add_field_error(out, item(field, i) + ".amount", "金额不能为负数", "amount cannot be negative");
            summable = false;
        }
    }
    return summable;
}

void mismatch(Money sum, Money total, std::string_view field, std::vector<FieldError>& out) {
    const bool less = sum < total;
    const Money gap = Money::from_fen(less ? total.fen() - sum.fen() : sum.fen() - total.fen());
    add_field_error(out, std::string(field),
                    "各来源合计 " + format_in_natural_unit(sum) + "，比总投资（" + format_in_natural_unit(total) +
                        "）" + (less ? "少 " : "多 ") + grouped_yuan(gap) + " 元",
                    "the parts add up to ¥" + grouped_yuan(sum) + ", ¥" + grouped_yuan(gap) +
                        (less ? " less" : " more") + " than the total investment (¥" + grouped_yuan(total) + ")");
}

}  // namespace

const std::array<FundingSource, 7>& funding_sources() {
    static constexpr std::array<FundingSource, 7> kAll{
        FundingSource::kCentralBudget, FundingSource::kProvincialBudget, FundingSource::kSpecialBonds,
        FundingSource::kBankLoans,     FundingSource::kOwnFunds,         FundingSource::kForeignCapital,
        FundingSource::kOther,
    };
    return kAll;
}

std::string_view to_string(FundingSource s) { return detail::entry_of(kSources, s).name; }
std::optional<FundingSource> funding_source_from_string(std::string_view s) { return detail::from_name(kSources, s); }
std::string_view label_zh(FundingSource s) { return detail::entry_of(kSources, s).label_zh; }

std::string_view label_en(FundingSource s) {
    switch (s) {
        case FundingSource::kCentralBudget:
            return "central government budget";
        case FundingSource::kProvincialBudget:
            return "provincial government budget";
        case FundingSource::kSpecialBonds:
            return "local government special bonds";
        case FundingSource::kBankLoans:
            return "bank loans";
        case FundingSource::kOwnFunds:
            return "enterprise's own funds";
        case FundingSource::kForeignCapital:
            return "foreign capital";
        case FundingSource::kOther:
            return "other";
    }
    return "other";
}

Result<Money> funding_sum(const FundingBreakdown& parts) {
    Money sum;
    for (const auto& p : parts) {
        auto next = sum.checked_add(p.amount);
        if (!next) return next.error();
        sum = *next;
    }
    return sum;
}

std::vector<FieldError> validate_funding(const FundingBreakdown& parts, Money total_investment,
                                         std::string_view field) {
    std::vector<FieldError> out;
    // A negative total is validate_project's to report; comparing with it says nothing more.
    if (parts.empty() || !check_parts(parts, field, out) || total_investment < Money()) {
        return out;
    }
    const auto sum = funding_sum(parts);
    if (!sum) {
        add_field_error(out, std::string(field), "各来源合计过大，超出可记录范围",
                        "the parts add up to more than can be recorded");
    } else if (*sum != total_investment) {
        mismatch(*sum, total_investment, field, out);
    }
    return out;
}

}  // namespace sanpi::domain
