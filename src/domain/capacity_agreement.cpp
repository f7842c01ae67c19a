#include "domain/capacity_agreement.hpp"

#include <limits>
#include <string>

#include "domain/field_checks.hpp"

namespace sanpi::domain {
namespace {

// Products of two 64-bit figures (fen × 100, fen × 10000) need 128 bits to stay exact; GCC and
// Clang provide the type, `__extension__` keeps -Wpedantic quiet about it.
__extension__ typedef __int128 Wide;

constexpr std::int64_t kFullShareBp = 10000;
constexpr std::int64_t kCentimuPerMu = 100;
constexpr Wide kMaxInt64 = std::numeric_limits<std::int64_t>::max();
constexpr Wide kMinInt64 = std::numeric_limits<std::int64_t>::min();

// n / d rounded half away from zero; d > 0.
Wide divide_round_half_away(Wide n, Wide d) {
    const Wide q = n / d;  // truncates toward zero
    const Wide r = n % d;  // same sign as n
    if (2 * (r < 0 ? -r : r) >= d) return n < 0 ? q - 1 : q + 1;
    return q;
}

// n / d rounded toward negative infinity; d > 0.
Wide divide_floor(Wide n, Wide d) {
    const Wide q = n / d;
    return (n % d != 0 && n < 0) ? q - 1 : q;
}

void check_not_negative(std::vector<FieldError>& out, const std::string& field, Money m) {
    if (m < Money()) add_field_error(out, field, "金额不能为负数", "amount cannot be negative");
}

void check_realisation(const AnnualRealisation& r, int first_year, Date today, const std::string& item,
                       std::vector<FieldError>& out) {
    if (r.year < first_year) {
        const std::string y = std::to_string(first_year);
        add_field_error(out, item + ".year", "实际产出只能从投产年份（" + y + "年）起填报",
                        "realised figures start with the year production began (" + y + ")");
    } else if (r.year >= today.year()) {
        add_field_error(out, item + ".year", std::to_string(r.year) + "年尚未结束，年度实际产出须在年度结束后填报",
                        std::to_string(r.year) + " has not ended; annual figures are entered once the year is over");
    }
    check_not_negative(out, item + ".output_value", r.output_value);
    check_not_negative(out, item + ".tax", r.tax);
    if (r.jobs < 0) add_field_error(out, item + ".jobs", "就业人数不能为负数", "jobs cannot be negative");
}

}  // namespace

std::optional<Money> per_mu(Money amount, std::int64_t land_area_centimu) {
    if (land_area_centimu <= 0) {
        return std::nullopt;
    }
    const Wide fen = divide_round_half_away(Wide{amount.fen()} * kCentimuPerMu, Wide{land_area_centimu});
    if (fen > kMaxInt64 || fen < kMinInt64) {
        return std::nullopt;
    }
    return Money::from_fen(static_cast<std::int64_t>(fen));
}

std::optional<Money> committed_output_per_mu(const CapacityAgreement& a) {
    return per_mu(a.output_value, a.land_area_centimu);
}

std::optional<Money> committed_tax_per_mu(const CapacityAgreement& a) { return per_mu(a.tax, a.land_area_centimu); }

std::optional<std::int64_t> share_basis_points(std::int64_t realised, std::int64_t committed) {
    if (committed <= 0) {
        return std::nullopt;
    }
    const Wide bp = divide_floor(Wide{realised} * kFullShareBp, Wide{committed});
    if (bp > kMaxInt64) return std::numeric_limits<std::int64_t>::max();
    if (bp < kMinInt64) return std::numeric_limits<std::int64_t>::min();
    return static_cast<std::int64_t>(bp);
}

CommitmentComparison compare_with_commitments(const CapacityAgreement& a, const AnnualRealisation& r,
                                              std::int64_t threshold_bp) {
    CommitmentComparison c;
    c.year = r.year;
    c.output_share_bp = share_basis_points(r.output_value.fen(), a.output_value.fen());
    c.tax_share_bp = share_basis_points(r.tax.fen(), a.tax.fen());
    c.jobs_share_bp = share_basis_points(r.jobs, a.jobs);
    const auto below = [threshold_bp](std::optional<std::int64_t> share) { return share && *share < threshold_bp; };
    c.output_missed = below(c.output_share_bp);
    c.tax_missed = below(c.tax_share_bp);
    c.jobs_missed = below(c.jobs_share_bp);
    return c;
}

std::vector<FieldError> validate_capacity_agreement(const CapacityAgreement& a, std::string_view field) {
    const std::string f(field);
    std::vector<FieldError> out;
    check_not_negative(out, f + ".output_value", a.output_value);
    check_not_negative(out, f + ".tax", a.tax);
    if (a.jobs < 0) add_field_error(out, f + ".jobs", "就业人数不能为负数", "jobs cannot be negative");
    if (a.land_area_centimu < 0)
        add_field_error(out, f + ".land_area_mu", "用地面积不能为负数", "land area cannot be negative");
    return out;
}

std::vector<FieldError> validate_realisations(const std::vector<AnnualRealisation>& years,
                                              std::optional<Date> actual_production, Date today,
                                              std::string_view field) {
    std::vector<FieldError> out;
    if (years.empty()) {
        return out;
    }
    if (!actual_production) {
        add_field_error(out, std::string(field), "项目尚未投产，不能填报实际产出",
                        "the project has not started production; there are no realised figures yet");
        return out;
    }
    for (std::size_t i = 0; i < years.size(); ++i) {
        const std::string item = std::string(field) + "[" + std::to_string(i) + "]";
        check_realisation(years[i], actual_production->year(), today, item, out);
        for (std::size_t j = 0; j < i; ++j) {
            if (years[j].year == years[i].year) {
                const std::string y = std::to_string(years[i].year);
                add_field_error(out, item + ".year", y + "年的实际产出重复填报",
                                "the figures for " + y + " are given twice");
                break;
            }
        }
    }
    return out;
}

}  // namespace sanpi::domain
