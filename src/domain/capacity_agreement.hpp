#pragma once
// What the investment agreement commits the investor to at full capacity, and what was realised
// year by year once production began. Output and tax per 亩 of land (亩均产值、亩均税收) are how
// zones compare projects and how "standard land" (标准地) agreements are checked.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/error.hpp"
#include "domain/money.hpp"

namespace sanpi::domain {

struct CapacityAgreement {
    Money output_value;                  // annual output value at capacity (达产年产值)
    Money tax;                           // annual tax paid at capacity (达产年税收)
    std::int32_t jobs = 0;               // jobs at capacity
    std::int64_t land_area_centimu = 0;  // land in 0.01 亩, as Project::land_area_centimu; 0 = none
                                         // (e.g. a project in rented standard factory buildings)
    friend bool operator==(const CapacityAgreement&, const CapacityAgreement&) = default;
};

// One calendar year of realised figures, comparable with the agreement's annual commitments.
struct AnnualRealisation {
    int year = 0;
    Money output_value;
    Money tax;
    std::int32_t jobs = 0;  // at the end of the year
    friend bool operator==(const AnnualRealisation&, const AnnualRealisation&) = default;
};

// Amount per 亩 to the fen: amount × 100 / centimu, exact, the half fen rounded away from zero.
// Nullopt when there is no land or the result does not fit in Money.
std::optional<Money> per_mu(Money amount, std::int64_t land_area_centimu);
std::optional<Money> committed_output_per_mu(const CapacityAgreement& a);  // 亩均产值
std::optional<Money> committed_tax_per_mu(const CapacityAgreement& a);     // 亩均税收

// realised / committed in basis points (10000 = all of it), rounded down: a share compared with
// a whole number of basis points then gives the same answer as the exact fraction (7999.6 is
// below 8000). Nullopt when nothing was committed; saturates far above any threshold.
std::optional<std::int64_t> share_basis_points(std::int64_t realised, std::int64_t committed);

struct CommitmentComparison {
    int year = 0;
    std::optional<std::int64_t> output_share_bp;  // nullopt: nothing committed
    std::optional<std::int64_t> tax_share_bp;
    std::optional<std::int64_t> jobs_share_bp;
    bool output_missed = false;  // share below the threshold
    bool tax_missed = false;
    bool jobs_missed = false;
    // What supervision flags: realised output or tax below the threshold share of the agreement.
    bool missed() const { return output_missed || tax_missed; }
};

// Compares a year's realised figures with the commitments; `threshold_bp` is the share of the
// commitment below which a figure counts as missed (e.g. 8000 for 80%).
CommitmentComparison compare_with_commitments(const CapacityAgreement& a, const AnnualRealisation& r,
                                              std::int64_t threshold_bp);

// Amounts, jobs and land not negative.
std::vector<FieldError> validate_capacity_agreement(const CapacityAgreement& a,
                                                    std::string_view field = "capacity_agreement");

// Realised figures exist only from the year production began (so only once `actual_production` is
// known), for calendar years that have ended by `today` (the commitments are annual; a year in
// progress would always look missed), each year once, amounts and jobs not negative.
std::vector<FieldError> validate_realisations(const std::vector<AnnualRealisation>& years,
                                              std::optional<Date> actual_production, Date today,
                                              std::string_view field = "realised");

}  // namespace sanpi::domain
