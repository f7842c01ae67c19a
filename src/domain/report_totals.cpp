#include "domain/report_totals.hpp"

#include <limits>
#include <string>

#include "domain/field_checks.hpp"

namespace sanpi::domain {
namespace {

bool counts(ReportStatus status, FigureBasis basis) {
    if (basis == FigureBasis::kOfficial) return status == ReportStatus::kApproved;
    return status != ReportStatus::kDraft;
}

Error too_large() {
    return Error::invalid_field("investment_completed", "累计金额超出可计算范围", "cumulative amount out of range");
}

}  // namespace

Result<Cumulative> cumulative_through(const std::vector<ProgressReport>& reports, Month through, FigureBasis basis) {
    Cumulative sum{Money{}, Money{}, basis == FigureBasis::kOfficial};
    for (const auto& r : reports) {
        if (r.month > through || !counts(r.status, basis)) continue;
        auto investment = sum.investment.checked_add(r.investment_completed);
        auto capital = sum.capital.checked_add(r.capital_arrived);
        if (!investment || !capital) return too_large();
        sum.investment = *investment;
        sum.capital = *capital;
    }
    return sum;
}

bool exceeds_overrun_limit(Money cumulative, Money total) {
    // For integers c and t >= 0: c > 1.5 t  <=>  c > t + floor(t / 2), so no fraction and no
    // floating point is needed; the limit saturates instead of overflowing.
    constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
    const std::int64_t t = total.fen() < 0 ? 0 : total.fen();
    const std::int64_t half = t / 2;
    const std::int64_t limit = t > kMax - half ? kMax : t + half;
    return cumulative.fen() > limit;
}

std::optional<FieldError> check_overrun(const ProgressReport& report, const std::vector<ProgressReport>& reports,
                                        Money total_investment) {
    Money sum = report.investment_completed;
    for (const auto& r : reports) {
        const bool itself = report.id != 0 && r.id == report.id;
        if (itself || r.month > report.month || !counts(r.status, FigureBasis::kIncludingUnapproved)) continue;
        auto added = sum.checked_add(r.investment_completed);
        if (!added) return too_large().fields.at(0);
        sum = *added;
    }
    if (!exceeds_overrun_limit(sum, total_investment)) return std::nullopt;
    if (report.confirmation_note && !is_blank(*report.confirmation_note)) return std::nullopt;
    const std::string cumulative = sum.format(MoneyUnit::kWan), total = total_investment.format(MoneyUnit::kWan);
    return FieldError{"confirmation_note",
                      {"累计完成投资（" + cumulative + "）超过总投资（" + total + "）的150%，须填写确认说明",
                       "cumulative investment completed (" + cumulative + ") exceeds 150% of the total investment (" +
                           total + "); a confirmation note is required"}};
}

}  // namespace sanpi::domain
