// The demo's funding breakdowns, capacity agreements, realised figures and planned-date slips.
#include <algorithm>
#include <array>

#include "domain/funding.hpp"
#include "domain/planned_date_change.hpp"
#include "service/demo_identity.hpp"
#include "service/demo_random.hpp"

namespace sanpi::service::demo {

using domain::Date;
using domain::FundingSource;
using domain::Money;
using domain::Project;
using domain::Stage;

namespace {

constexpr std::int64_t kSecondsPerDay = 86400;
constexpr std::size_t kSlipEvery = 17;  // one signed or started project in this many has slipped

// The share (percent) of the total each source other than the enterprise's own funds brings;
// 0 when it brings nothing.
struct Share {
    FundingSource source;
    int chance;  // out of 100
    std::int64_t low, high;
};

constexpr std::array<Share, 6> kShares{{
    {FundingSource::kCentralBudget, 5, 3, 10},
    {FundingSource::kProvincialBudget, 10, 2, 8},
    {FundingSource::kSpecialBonds, 15, 5, 20},
    {FundingSource::kBankLoans, 70, 15, 40},
    {FundingSource::kForeignCapital, 8, 5, 15},
    {FundingSource::kOther, 10, 1, 5},
}};

// Parts in display order; the enterprise's own funds take what the others leave, so the parts
// add up to the total exactly.
domain::FundingBreakdown funding_for(Money total, DemoRandom& rnd) {
    domain::FundingBreakdown parts;
    std::int64_t rest = total.fen();
    for (const auto& s : kShares) {
        if (rnd.between(1, 100) > s.chance) continue;
        // Whole 万元 (1,000,000 fen) where the total allows it, as funding plans are written.
        const std::int64_t fen = total.fen() / 100 * rnd.between(s.low, s.high) / 1'000'000 * 1'000'000;
        if (fen <= 0 || fen > rest) continue;
        parts.push_back({s.source, Money::from_fen(fen)});
        rest -= fen;
    }
    parts.push_back({FundingSource::kOwnFunds, Money::from_fen(rest)});
    const auto& order = domain::funding_sources();
    const auto rank = [&](FundingSource s) { return std::find(order.begin(), order.end(), s) - order.begin(); };
    std::sort(parts.begin(), parts.end(),
              [&](const auto& a, const auto& b) { return rank(a.source) < rank(b.source); });
    return parts;
}

Money share_of(Money m, std::int64_t percent) { return Money::from_fen(m.fen() / 100 * percent); }

// Each calendar year ended since production began: a first, partial year, then a ramp towards the
// commitments that projects at capacity reach (or nearly) and producing ones do not.
std::vector<domain::AnnualRealisation> realised_for(const Project& p, Date today, DemoRandom& rnd) {
    std::vector<domain::AnnualRealisation> years;
    if (!p.actual.production || !p.capacity_agreement) return years;
    const auto& a = *p.capacity_agreement;
    const bool at_capacity = p.stage == Stage::kAtCapacity;
    for (int year = p.actual.production->year(); year < today.year(); ++year) {
        const bool first = year == p.actual.production->year();
        std::int64_t percent = at_capacity ? rnd.between(70, 115) : rnd.between(20, 65);
        if (first) percent = percent * rnd.between(25, 50) / 100;
        domain::AnnualRealisation r;
        r.year = year;
        r.output_value = share_of(a.output_value, percent);
        r.tax = share_of(a.tax, percent * rnd.between(80, 110) / 100);
        r.jobs = static_cast<std::int32_t>(a.jobs * std::min<std::int64_t>(percent + 10, 110) / 100);
        years.push_back(r);
    }
    return years;
}

constexpr std::array<std::string_view, 5> kSlipReasons = {"土地征收及手续办理延期", "环评批复晚于预期",
                                                          "企业融资到位推迟", "设计方案调整", "冬季停工影响施工组织"};

// The change of a planned start made a fortnight before the old date (10:00 Beijing time).
domain::PlannedDateChange slip_of(const Project& p, Date today, DemoRandom& rnd) {
    domain::PlannedDateChange c;
    c.project_id = p.id;
    c.milestone = domain::Milestone::kStart;
    c.new_date = p.planned.start;
    c.old_date = p.planned.start->add_days(-static_cast<std::int32_t>(rnd.between(30, 150)));
    c.reason = std::string(kSlipReasons[rnd.next() % kSlipReasons.size()]);
    const Date made = std::min(c.old_date->add_days(-15), today);
    c.at = static_cast<std::int64_t>(made.days_since_epoch()) * kSecondsPerDay + 2 * 3600;
    return c;
}

Result<void> add_slips(store::Tx& tx, Stage stage, Date today) {
    store::ProjectQuery q;
    q.stage = stage;
    q.limit = 500;
    auto page = tx.list_projects(domain::Scope::all(), q);
    if (!page) return page.error();
    for (std::size_t i = 0; i < page->items.size(); i += kSlipEvery) {
        const Project& p = page->items[i].project;
        if (!p.synthetic || !p.planned.start) continue;
        auto history = tx.list_planned_date_changes(p.id);
        if (!history) return history.error();
        if (!history->empty()) continue;
        DemoRandom rnd(seed_of(p, 40058));
        if (auto r = tx.insert_planned_date_change(slip_of(p, today, rnd)); !r) return r;
    }
    return {};
}

}  // namespace

void add_commitments(Project& p, Date today) {
    DemoRandom rnd(seed_of(p, 32100));
    p.funding = funding_for(p.total_investment, rnd);
    if (p.stage >= Stage::kSigned) {
        // The investment agreement signed with the zone holds what the project record expects.
        p.capacity_agreement =
            domain::CapacityAgreement{p.expected_output_value, p.expected_tax, p.expected_jobs, p.land_area_centimu};
    }
    p.realised = realised_for(p, today, rnd);
}

Result<void> load_planned_slips(store::Tx& tx, Date today) {
    for (const Stage stage : {Stage::kSigned, Stage::kStarted}) {
        if (auto r = add_slips(tx, stage, today); !r) return r;
    }
    return {};
}

}  // namespace sanpi::service::demo
