#include "domain/ranking.hpp"

#include <algorithm>
#include <charconv>
#include <unordered_map>

namespace sanpi::domain {

namespace {

using I = RankingIndicator;

constexpr std::array<RankingIndicatorFact, kRankingIndicatorCount> kIndicators = {{
    {I::kSignedInvestment, "signed_investment", "promotion", "新签约投资额", "New signed investment", 20},
    {I::kStartRate, "start_rate", "construction", "开工率", "Start rate", 15},
    {I::kProductionRate, "production_rate", "construction", "投产率", "Production rate", 15},
    {I::kCapacityRate, "capacity_rate", "construction", "达产率", "Capacity rate", 10},
    {I::kInvestmentCompletion, "investment_completion", "construction", "年度投资完成率",
     "Annual investment completion", 15},
    {I::kCoordinationOnTime, "coordination_on_time", "service", "问题按期办结率", "Issues settled on time", 10},
    {I::kOutputPerMu, "output_per_mu", "efficiency", "亩均产值", "Output per mu", 10},
    {I::kTaxPerMu, "tax_per_mu", "efficiency", "亩均税收", "Tax per mu", 5},
}};

constexpr std::int64_t kMicroPerPoint = 1'000'000;

std::size_t at(RankingIndicator i) { return static_cast<std::size_t>(i); }

bool on_or_before(const std::optional<Date>& d, Date limit) { return d && *d <= limit; }
bool within(const std::optional<Date>& d, Date first, Date last) { return d && first <= *d && *d <= last; }

Error bad_period(std::string_view field) {
    return Error::invalid_field(field, "期间应为年份（2022）或季度（2022Q2）",
                                "the period must be a year (2022) or a quarter (2022Q2)");
}

// A zone's running sums while the facts are read.
struct Tally {
    std::int64_t signed_fen = 0;
    std::int64_t signed_by_end = 0, started_by_end = 0, producing_by_end = 0, capacity_by_end = 0;
    std::int64_t completed_fen = 0, planned_fen = 0;
    std::int64_t items_due = 0, items_on_time = 0;
    std::int64_t output_fen = 0, tax_fen = 0, land_centimu = 0;
};

// value_z / value_best × weight, in millionths of a point, rounded half up. Both fractions are
// non-negative and the best is positive; 128-bit products keep it exact.
std::int64_t scaled_points(const IndicatorValue& v, const IndicatorValue& best, std::int32_t weight) {
    if (v.denominator == 0 || best.denominator == 0 || best.numerator == 0 || weight == 0) return 0;
    using Wide = WideFen;  // 128 bits
    const Wide num = Wide(v.numerator) * best.denominator * weight * kMicroPerPoint;
    const Wide den = Wide(v.denominator) * best.numerator;
    return static_cast<std::int64_t>((2 * num + den) / (2 * den));
}

// a > b for non-negative fractions with positive denominators.
bool greater(const IndicatorValue& a, const IndicatorValue& b) {
    if (a.denominator == 0) return false;
    if (b.denominator == 0) return true;
    return WideFen{a.numerator} * b.denominator > WideFen{b.numerator} * a.denominator;
}

}  // namespace

Result<RankingPeriod> RankingPeriod::parse(std::string_view text, std::string_view field) {
    RankingPeriod p;
    if (text.size() != 4 && text.size() != 6) return bad_period(field);
    const auto digits = text.substr(0, 4);
    if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return bad_period(field);
    }
    std::from_chars(digits.data(), digits.data() + 4, p.year);
    if (text.size() == 6) {
        if ((text[4] != 'Q' && text[4] != 'q') || text[5] < '1' || text[5] > '4') return bad_period(field);
        p.quarter = text[5] - '0';
    }
    if (p.year < 2000 || p.year > 2999) {
        return Error::invalid_field(field, "年份须在 2000 到 2999 之间", "the year must be between 2000 and 2999");
    }
    return p;
}

std::string RankingPeriod::to_string() const {
    return std::to_string(year) + (quarter == 0 ? "" : "Q" + std::to_string(quarter));
}

Date RankingPeriod::first_day() const { return *Date::from_ymd(year, quarter == 0 ? 1 : 3 * quarter - 2, 1); }

// The period's last month's last day: never the day before the next period, which for 2999 (the
// last year a Date holds) would be a day of 3000.
Date RankingPeriod::last_day() const { return Month::from_ym(year, quarter == 0 ? 12 : 3 * quarter)->last_day(); }

RankingPeriod RankingPeriod::previous() const {
    if (quarter == 0) return {year - 1, 0};
    if (quarter == 1) return {year - 1, 4};
    return {year, quarter - 1};
}

const std::array<RankingIndicatorFact, kRankingIndicatorCount>& ranking_indicators() { return kIndicators; }

std::optional<RankingIndicator> ranking_indicator_from_string(std::string_view name) {
    for (const auto& f : kIndicators) {
        if (f.name == name) return f.indicator;
    }
    return std::nullopt;
}

std::string_view ranking_group_label_zh(std::string_view group) {
    if (group == "promotion") return "招商引资";
    if (group == "construction") return "项目建设";
    if (group == "service") return "营商服务";
    return "集约效益";
}

std::string_view ranking_group_label_en(std::string_view group) {
    if (group == "promotion") return "Investment promotion";
    if (group == "construction") return "Project construction";
    if (group == "service") return "Service";
    return "Land efficiency";
}

RankingWeights RankingWeights::defaults() {
    RankingWeights w;
    for (const auto& f : kIndicators) w.weights[at(f.indicator)] = f.default_weight;
    return w;
}

std::vector<FieldError> validate_ranking_weights(const RankingWeights& w) {
    std::vector<FieldError> out;
    std::int64_t sum = 0;
    for (const auto& f : kIndicators) {
        const auto v = w[f.indicator];
        sum += v;
        if (v < 0 || v > 100) {
            out.push_back({"weights." + std::string(f.name), {"须在 0 到 100 之间", "must be between 0 and 100"}});
        }
    }
    if (out.empty() && sum != 100) {
        out.push_back({"weights",
                       {"各项权重之和须为 100（现为 " + std::to_string(sum) + "）",
                        "the weights must add up to 100 (they add up to " + std::to_string(sum) + ")"}});
    }
    return out;
}

std::vector<ZoneMeasure> measure_zones(const std::vector<std::int64_t>& zone_ids, const RankingPeriod& period,
                                       Date until, const std::vector<ProjectFacts>& projects,
                                       const std::vector<RankingReport>& reports,
                                       const std::vector<RankingItem>& items) {
    const Date first = period.first_day();
    const Date end = std::min(period.last_day(), until);
    const int efficiency_year = period.quarter == 0 ? period.year : period.year - 1;
    const Month first_month = *Month::from_ym(period.year, 1);
    const Month last_month = Month::of(end);

    std::unordered_map<std::int64_t, Tally> tallies;
    for (auto id : zone_ids) tallies[id];
    std::unordered_map<std::int64_t, std::int64_t> zone_of;  // project -> zone, counted projects only

    for (const auto& p : projects) {
        auto t = tallies.find(p.zone_id);
        if (t == tallies.end() || p.status == ProjectStatus::kCancelled) continue;
        zone_of[p.id] = p.zone_id;
        Tally& z = t->second;
        if (within(p.signed_on, first, end)) z.signed_fen += p.total_investment.fen();
        if (on_or_before(p.signed_on, end)) ++z.signed_by_end;
        if (on_or_before(p.started_on, end)) ++z.started_by_end;
        if (on_or_before(p.producing_on, end)) ++z.producing_by_end;
        if (on_or_before(p.capacity_on, end)) ++z.capacity_by_end;
        z.planned_fen += p.annual_planned_investment.fen();
        if (auto y = p.realised.find(efficiency_year); y != p.realised.end() && p.land_area_centimu > 0) {
            z.output_fen += y->second.output_value.fen();
            z.tax_fen += y->second.tax.fen();
            z.land_centimu += p.land_area_centimu;
        }
    }
    for (const auto& r : reports) {
        if (!r.approved || r.month < first_month || last_month < r.month) continue;
        if (auto z = zone_of.find(r.project_id); z != zone_of.end()) {
            tallies[z->second].completed_fen += r.investment_completed.fen();
        }
    }
    for (const auto& item : items) {
        if (item.deadline < first || end < item.deadline) continue;
        auto z = zone_of.find(item.project_id);
        if (z == zone_of.end()) continue;
        Tally& t = tallies[z->second];
        ++t.items_due;
        if (item.settled_on && *item.settled_on <= item.deadline) ++t.items_on_time;
    }

    std::vector<ZoneMeasure> out;
    out.reserve(zone_ids.size());
    for (auto id : zone_ids) {
        const Tally& t = tallies[id];
        ZoneMeasure m;
        m.zone_id = id;
        m.values[at(I::kSignedInvestment)] = {t.signed_fen, 1};
        m.values[at(I::kStartRate)] = {t.started_by_end, t.signed_by_end};
        m.values[at(I::kProductionRate)] = {t.producing_by_end, t.started_by_end};
        m.values[at(I::kCapacityRate)] = {t.capacity_by_end, t.producing_by_end};
        m.values[at(I::kInvestmentCompletion)] = {t.completed_fen, t.planned_fen};
        m.values[at(I::kCoordinationOnTime)] = {t.items_on_time, t.items_due};
        m.values[at(I::kOutputPerMu)] = {t.output_fen, t.land_centimu};
        m.values[at(I::kTaxPerMu)] = {t.tax_fen, t.land_centimu};
        out.push_back(m);
    }
    return out;
}

std::vector<RankedZone> rank_zones(const std::vector<ZoneMeasure>& measures, const RankingWeights& weights) {
    std::array<IndicatorValue, kRankingIndicatorCount> best{};
    for (const auto& m : measures) {
        for (std::size_t i = 0; i < kRankingIndicatorCount; ++i) {
            if (greater(m.values[i], best[i])) best[i] = m.values[i];
        }
    }
    std::vector<RankedZone> out;
    out.reserve(measures.size());
    for (const auto& m : measures) {
        RankedZone r;
        r.zone_id = m.zone_id;
        for (std::size_t i = 0; i < kRankingIndicatorCount; ++i) {
            r.points_micro[i] = scaled_points(m.values[i], best[i], weights.weights[i]);
            r.score_micro += r.points_micro[i];
        }
        out.push_back(r);
    }
    std::unordered_map<std::int64_t, std::int64_t> signed_fen;
    for (const auto& m : measures) signed_fen[m.zone_id] = m[I::kSignedInvestment].numerator;
    std::sort(out.begin(), out.end(), [&](const RankedZone& a, const RankedZone& b) {
        if (a.score_micro != b.score_micro) return a.score_micro > b.score_micro;
        if (signed_fen[a.zone_id] != signed_fen[b.zone_id]) return signed_fen[a.zone_id] > signed_fen[b.zone_id];
        return a.zone_id < b.zone_id;
    });
    for (std::size_t i = 0; i < out.size(); ++i) out[i].rank = static_cast<int>(i + 1);
    return out;
}

std::string score_text(std::int64_t micro) {
    const std::int64_t hundredths = (micro + 5'000) / 10'000;
    std::string frac = std::to_string(hundredths % 100);
    if (frac.size() < 2) frac.insert(0, "0");
    return std::to_string(hundredths / 100) + "." + frac;
}

}  // namespace sanpi::domain
