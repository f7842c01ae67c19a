#include "domain/warning_light.hpp"

#include <algorithm>

namespace sanpi::domain {

namespace {

std::int64_t month_index(Month m) { return static_cast<std::int64_t>(m.year()) * 12 + m.month() - 1; }
std::int64_t day_number(Date d) { return d.days_since_epoch(); }
std::int32_t days_between(Date from, Date to) { return to.days_since_epoch() - from.days_since_epoch(); }

void add(std::vector<LightReason>& out, WarningRule rule, Light light, std::vector<std::int64_t> params) {
    out.push_back(LightReason{rule, light, std::move(params)});
}

// A milestone the stage has not reached yet, past its planned date: yellow for `red_days`, then red.
void check_overdue(std::vector<LightReason>& out, WarningRule rule, const std::optional<Date>& planned,
                   std::int32_t red_days, Date today) {
    if (!planned || today <= *planned) return;
    const std::int32_t days = days_between(*planned, today);
    add(out, rule, days > red_days ? Light::kRed : Light::kYellow, {day_number(*planned), days});
}

bool under_construction_or_producing(Stage s) { return s == Stage::kStarted || s == Stage::kProducing; }

// Each ended month since construction began owes an approved report; counted from the month after
// the last approved one (or from the start month when none is approved since).
void check_reports(std::vector<LightReason>& out, const LightFacts& f, const WarningRules& r, Date today) {
    if (!under_construction_or_producing(f.stage) || !f.actual.start) return;
    const std::int64_t last_ended = month_index(Month::of(today)) - 1;
    const std::int64_t start = month_index(Month::of(*f.actual.start));
    std::int64_t covered = start - 1;
    if (f.last_approved_month) covered = std::max(covered, month_index(*f.last_approved_month));
    const std::int64_t missing = last_ended - covered;
    const std::int64_t last = f.last_approved_month ? month_index(*f.last_approved_month) : -1;
    if (missing >= r.report_missing_red_months) {
        add(out, WarningRule::kReportMissing, Light::kRed, {missing, last});
    } else if (missing >= r.report_missing_yellow_months) {
        add(out, WarningRule::kReportMissing, Light::kYellow, {missing, last});
    }
}

// 序时进度: the elapsed share of the planned construction period against the completed share of
// the total investment, compared exactly (128-bit cross products, no rounding).
void check_investment(std::vector<LightReason>& out, const LightFacts& f, const WarningRules& r, Date today) {
    if (f.stage != Stage::kStarted || !f.planned.start || !f.planned.production) return;
    const std::int64_t period = days_between(*f.planned.start, *f.planned.production);
    const std::int64_t total = f.total_investment.fen();
    if (period <= 0 || total <= 0 || today <= *f.planned.start) return;
    const std::int64_t elapsed = std::min<std::int64_t>(days_between(*f.planned.start, today), period);
    const std::int64_t invested = std::clamp<std::int64_t>(f.approved_investment.fen(), 0, total);
    // behind (in points) = 100 * (elapsed / period - invested / total)
    const WideFen gap = static_cast<WideFen>(100) * (static_cast<WideFen>(elapsed) * total -
                                                       static_cast<WideFen>(invested) * period);
    const WideFen unit = static_cast<WideFen>(period) * total;
    const auto time_bp = static_cast<std::int64_t>(static_cast<WideFen>(elapsed) * 10000 / period);
    const auto invest_bp = static_cast<std::int64_t>(static_cast<WideFen>(invested) * 10000 / total);
    if (gap > unit * r.investment_behind_red_points) {
        add(out, WarningRule::kInvestmentBehind, Light::kRed, {time_bp, invest_bp});
    } else if (gap >= unit * r.investment_behind_yellow_points && gap > 0) {
        add(out, WarningRule::kInvestmentBehind, Light::kYellow, {time_bp, invest_bp});
    }
}

void check_items(std::vector<LightReason>& out, const LightFacts& f, const WarningRules& r, Date today) {
    if (f.overdue_items <= 0 || !f.earliest_overdue_deadline || today <= *f.earliest_overdue_deadline) return;
    const std::int32_t days = days_between(*f.earliest_overdue_deadline, today);
    add(out, WarningRule::kCoordinationOverdue, days > r.coordination_overdue_red_days ? Light::kRed : Light::kYellow,
        {f.overdue_items, day_number(*f.earliest_overdue_deadline), days});
}

// 入库: a started project is due in the statistics library within the months given; the month ends
// on the corresponding day (as periods do under the Civil Code), the day after is late.
void check_stats_entry(std::vector<LightReason>& out, const LightFacts& f, const WarningRules& r, Date today) {
    if (f.stage < Stage::kStarted || !f.actual.start || f.stats_entry_date) return;
    const Date start = *f.actual.start;
    if (today > same_day_months_later(start, r.stats_entry_red_months)) {
        add(out, WarningRule::kStatsEntryMissing, Light::kRed, {day_number(start), r.stats_entry_red_months});
    } else if (today > same_day_months_later(start, r.stats_entry_yellow_months)) {
        add(out, WarningRule::kStatsEntryMissing, Light::kYellow, {day_number(start), r.stats_entry_yellow_months});
    }
}

void check_approval(std::vector<LightReason>& out, const LightFacts& f, const WarningRules& r, Date today) {
    if (!f.approval || f.actual.start) return;
    const auto days = days_until_lapse(*f.approval, std::nullopt, today);
    if (!days || *days > r.approval_lapse_yellow_days) return;
    add(out, WarningRule::kApprovalLapse, *days <= 0 ? Light::kRed : Light::kYellow,
        {static_cast<std::int64_t>(f.approval->kind), day_number(lapse_date(*f.approval)), *days});
}

// The commitments are for full years at capacity: the year capacity was reached does not count.
void check_commitments(std::vector<LightReason>& out, const LightFacts& f, const WarningRules& r) {
    if (f.stage != Stage::kAtCapacity || !f.agreement || !f.latest_realised || !f.actual.capacity) return;
    const auto& year = *f.latest_realised;
    if (year.year <= f.actual.capacity->year()) return;
    const auto red = compare_with_commitments(*f.agreement, year, std::int64_t{r.commitment_red_percent} * 100);
    const auto yellow = compare_with_commitments(*f.agreement, year, std::int64_t{r.commitment_yellow_percent} * 100);
    if (!yellow.missed()) return;
    const bool is_red = red.missed();
    add(out, WarningRule::kCommitmentMissed, is_red ? Light::kRed : Light::kYellow,
        {year.year, yellow.output_share_bp.value_or(-1), yellow.tax_share_bp.value_or(-1),
         is_red ? r.commitment_red_percent : r.commitment_yellow_percent});
}

}  // namespace

LightFacts facts_of_new(const Project& p) {
    LightFacts f;
    f.project_id = p.id;
    f.stage = p.stage;
    f.status = p.status;
    f.planned = p.planned;
    f.actual = p.actual;
    f.total_investment = p.total_investment;
    f.stats_entry_date = p.stats_entry_date;
    f.approval = p.approval;
    f.agreement = p.capacity_agreement;
    for (const auto& year : p.realised) {
        if (!f.latest_realised || f.latest_realised->year < year.year) f.latest_realised = year;
    }
    return f;
}

ProjectLight evaluate_light(const LightFacts& f, const WarningRules& r, Date today) {
    ProjectLight out;
    if (f.status != ProjectStatus::kActive) return out;
    auto& reasons = out.reasons;
    if (f.stage == Stage::kSigned) check_overdue(reasons, WarningRule::kStartOverdue, f.planned.start, r.start_overdue_red_days, today);
    if (f.stage == Stage::kStarted) {
        check_overdue(reasons, WarningRule::kProductionOverdue, f.planned.production, r.production_overdue_red_days, today);
    }
    if (f.stage == Stage::kProducing) {
        check_overdue(reasons, WarningRule::kCapacityOverdue, f.planned.capacity, r.capacity_overdue_red_days, today);
    }
    check_reports(reasons, f, r, today);
    check_investment(reasons, f, r, today);
    check_items(reasons, f, r, today);
    check_stats_entry(reasons, f, r, today);
    check_approval(reasons, f, r, today);
    check_commitments(reasons, f, r);
    for (const auto& reason : reasons) out.light = std::max(out.light, reason.light);
    return out;
}

}  // namespace sanpi::domain
