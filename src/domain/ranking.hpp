#pragma once
// Zone rankings (开发区排名): per quarter or year, a weighted score over indicators measured from
// official data, each indicator scaled against the best zone of the ranking. Pure: the service
// gathers the facts (as they stood at a moment, see as_of.hpp) and this ranks them.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/error.hpp"
#include "domain/money.hpp"
#include "domain/month.hpp"
#include "domain/rates.hpp"
#include "domain/stage.hpp"

namespace sanpi::domain {

// "2022Q2" (a quarter) or "2022" (a year).
struct RankingPeriod {
    int year = 2022;
    int quarter = 0;  // 1..4; 0 = the whole year

    static Result<RankingPeriod> parse(std::string_view text, std::string_view field = "period");
    std::string to_string() const;
    Date first_day() const;
    Date last_day() const;
    RankingPeriod previous() const;  // 2022Q1 -> 2021Q4, 2022 -> 2021
    friend bool operator==(const RankingPeriod&, const RankingPeriod&) = default;
};

// In the order the API and the workbook list them. Groups follow the shape of the Ministry of
// Commerce's evaluation of national development zones (开放创新、科技创新、绿色集约 …) where
// Sanpi has the data: investment promotion, project construction, service, land efficiency.
enum class RankingIndicator {
    kSignedInvestment,      // 新签约投资额: total investment of projects signed in the period
    kStartRate,             // 开工率: of projects signed by the period's end, those started by then
    kProductionRate,        // 投产率: of those started by the end, those producing by then
    kCapacityRate,          // 达产率: of those producing by the end, those at capacity by then
    kInvestmentCompletion,  // 年度投资完成率: approved monthly investment, January to the end, / annual plan
    kCoordinationOnTime,    // 问题按期办结率: of items due in the period, those settled by their deadline
    kOutputPerMu,           // 亩均产值: realised output of the year / land of the projects reporting it
    kTaxPerMu,              // 亩均税收: likewise for tax
};
inline constexpr std::size_t kRankingIndicatorCount = 8;

struct RankingIndicatorFact {
    RankingIndicator indicator;
    std::string_view name;   // stable API name: "signed_investment" ...
    std::string_view group;  // "promotion", "construction", "service", "efficiency"
    std::string_view label_zh;
    std::string_view label_en;
    std::int32_t default_weight;
};
const std::array<RankingIndicatorFact, kRankingIndicatorCount>& ranking_indicators();
std::optional<RankingIndicator> ranking_indicator_from_string(std::string_view name);
std::string_view ranking_group_label_zh(std::string_view group);
std::string_view ranking_group_label_en(std::string_view group);

// The province's weights, whole points summing to 100, versioned like the warning rules.
struct RankingWeights {
    std::int64_t version = 1;
    std::array<std::int32_t, kRankingIndicatorCount> weights{};  // by RankingIndicator
    static RankingWeights defaults();
    std::int32_t operator[](RankingIndicator i) const { return weights[static_cast<std::size_t>(i)]; }
};
// Each weight 0..100, the sum exactly 100; errors name the weight ("weights.start_rate") or
// "weights" for the sum.
std::vector<FieldError> validate_ranking_weights(const RankingWeights& w);

// What rankings and as-of dashboards are counted from: each project, report and coordination item
// as it stood.
struct ProjectFacts {
    std::int64_t id = 0;
    std::int64_t zone_id = 0;
    std::string industry_code;
    Stage stage = Stage::kReserve;
    ProjectStatus status = ProjectStatus::kActive;
    Money total_investment;
    Money annual_planned_investment;
    std::int64_t land_area_centimu = 0;
    std::optional<Date> signed_on, started_on, producing_on, capacity_on;  // actual milestones
    std::optional<Date> planned_start, planned_production, planned_capacity;
    struct Year {
        Money output_value;
        Money tax;
    };
    std::map<int, Year> realised;  // by year
};
struct RankingReport {
    std::int64_t project_id = 0;
    Month month;
    Money investment_completed;  // in that month
    bool approved = false;
};
struct RankingItem {
    std::int64_t project_id = 0;
    Date deadline = Date::from_days(0);
    std::optional<Date> settled_on;  // the day it was first resolved or closed, if it was by then
};

// An indicator's value as an exact fraction: a rate (count / count), money (fen / 1), money per
// 亩 (fen / centimu ÷ 100). A zero denominator is no data: it scores nothing.
struct IndicatorValue {
    std::int64_t numerator = 0;
    std::int64_t denominator = 0;
};

struct ZoneMeasure {
    std::int64_t zone_id = 0;
    std::array<IndicatorValue, kRankingIndicatorCount> values{};
    const IndicatorValue& operator[](RankingIndicator i) const { return values[static_cast<std::size_t>(i)]; }
};

// Measures every zone of `zone_ids` over `period`, counting what happened up to `until` (the
// period's last day, or an earlier as-of day while the period runs). Cancelled projects count in
// nothing. Output and tax per 亩 read the period's year for a year, the year before for a quarter
// (realised figures are annual).
std::vector<ZoneMeasure> measure_zones(const std::vector<std::int64_t>& zone_ids, const RankingPeriod& period,
                                       Date until, const std::vector<ProjectFacts>& projects,
                                       const std::vector<RankingReport>& reports,
                                       const std::vector<RankingItem>& items);

// Scores are in millionths of a point (100 points = 100'000'000): each indicator gives its weight
// times the zone's value over the best zone's value, rounded half up, so a zone at the best value
// gets the whole weight and a zone without data none.
struct RankedZone {
    std::int64_t zone_id = 0;
    int rank = 0;
    std::int64_t score_micro = 0;
    std::array<std::int64_t, kRankingIndicatorCount> points_micro{};
};
// Ranked by score, ties broken by the higher new signed investment, then the lower zone id, so
// every zone has its own rank.
std::vector<RankedZone> rank_zones(const std::vector<ZoneMeasure>& measures, const RankingWeights& weights);

// "87.50": millionths of a point shown to the hundredth, rounded half up.
std::string score_text(std::int64_t micro);

}  // namespace sanpi::domain
