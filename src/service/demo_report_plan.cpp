#include "service/demo_report_plan.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "service/demo_random.hpp"

namespace sanpi::service::demo {

using domain::Money;
using domain::Month;
using domain::ProgressReport;

namespace {

constexpr std::int64_t kFenPerWan = 1'000'000;
constexpr std::int64_t kPlanSecondsPerDay = 86400;
constexpr std::int64_t kChinaOffsetSeconds = 8 * 3600;

int index_of(Month m) { return m.year() * 12 + m.month() - 1; }
int months_between(Month from, Month to) { return index_of(to) - index_of(from); }
Month plus(Month m, int n) {
    for (; n > 0; --n) m = m.next();
    return m;
}

// The project's life in months; where a milestone is still ahead, the month it is expected in.
struct Timeline {
    Month sign, last;
    std::optional<Month> start, production, capacity, suspended_from;
    Month build_end, ramp_end;
};

Month expected(const std::optional<domain::Date>& planned, Month floor, Month last) {
    Month m = planned ? Month::of(*planned) : floor;
    return std::max({m, floor, plus(last, 2)});
}

Timeline timeline_of(const domain::Project& p, Month last, DemoRandom& rnd) {
    Timeline t;
    t.sign = Month::of(*p.actual.sign);
    if (p.actual.start) t.start = Month::of(*p.actual.start);
    if (p.actual.production) t.production = Month::of(*p.actual.production);
    if (p.actual.capacity) t.capacity = Month::of(*p.actual.capacity);
    t.last = t.capacity ? std::min(last, *t.capacity) : last;
    const Month build_from = t.start.value_or(t.sign);
    t.build_end = t.production.value_or(expected(p.planned.production, plus(build_from, 3), last));
    t.ramp_end = t.capacity.value_or(expected(p.planned.capacity, plus(t.build_end, 2), last));
    if (p.status == domain::ProjectStatus::kSuspended) {
        Month from = t.last;  // suspended for the last few months
        for (auto k = rnd.between(0, 3); k > 0 && from.prev() >= build_from; --k) from = from.prev();
        t.suspended_from = from;
    }
    return t;
}

// `per_mille` of `total` spread over `parts` months, jittered by percent, in whole 万元 as reported.
Money share(Money total, std::int64_t per_mille, std::int64_t parts, std::int64_t jitter_percent) {
    const std::int64_t fen = total.fen() / 1000 * per_mille / std::max<std::int64_t>(parts, 1) * jitter_percent / 100;
    return Money::from_fen(fen / kFenPerWan * kFenPerWan);
}

constexpr std::array<std::string_view, 3> kPreparing = {"办理规划许可和施工许可，开展场地平整",
                                                        "完成项目备案和环评批复，推进土地征收",
                                                        "开展初步设计和施工图审查，落实水电接入"};
constexpr std::array<std::string_view, 4> kBuilding = {"厂房基础施工，完成桩基工程", "主体结构施工，钢结构吊装中",
                                                       "设备采购与安装调试", "设备联动试车，准备投产"};
constexpr std::array<std::string_view, 4> kReturnReasons = {
    "本月完成投资与统计台账不一致，请核实", "到位资金缺少银行流水佐证，请补充", "形象进度描述过简，请补充主要工程节点",
    "用工人数与社保缴纳记录不符，请核对"};

// What carries from one month to the next.
struct Progress {
    Money built;  // investment of the building period so far
    std::int32_t percent = 0;
    std::int32_t jobs = 0;
};

void building_month(ProgressReport& r, const domain::Project& p, const Timeline& t, Progress& so_far, DemoRandom& rnd) {
    const Money total = p.total_investment;
    r.investment_completed = share(total, 800, months_between(*t.start, t.build_end), rnd.between(70, 130));
    so_far.built = Money::from_fen(so_far.built.fen() + r.investment_completed.fen());
    const std::int64_t building_total = std::max<std::int64_t>(total.fen() / 10 * 8, 1);
    r.percent_complete =
        static_cast<std::int32_t>(std::min<std::int64_t>(99, so_far.built.fen() * 100 / building_total));
    r.progress_text = kBuilding[static_cast<std::size_t>(std::min(3, r.percent_complete / 25))];
    r.jobs = std::max<std::int32_t>(10, p.expected_jobs * r.percent_complete / 250);
}

void producing_month(ProgressReport& r, const domain::Project& p, const Timeline& t, DemoRandom& rnd) {
    const int ramp = std::max(1, months_between(*t.production, t.ramp_end));
    const int into = std::min(ramp, months_between(*t.production, r.month));
    r.investment_completed = share(p.total_investment, 100, ramp, rnd.between(70, 130));
    r.percent_complete = 100;
    r.progress_text = t.capacity && r.month == *t.capacity ? "达到设计产能，实现达产达效" : "已投产，产能逐步释放";
    r.jobs = p.expected_jobs * (60 + 40 * into / ramp) / 100;
}

void fill_content(ProgressReport& r, const domain::Project& p, const Timeline& t, Progress& so_far, DemoRandom& rnd) {
    if (t.suspended_from && r.month >= *t.suspended_from) {
        r.progress_text = "项目停缓建，现场暂停施工";
        r.percent_complete = so_far.percent;
        r.jobs = std::max<std::int32_t>(5, so_far.jobs / 5);
    } else if (!t.start || r.month < *t.start) {
        r.investment_completed = share(p.total_investment, rnd.between(2, 8), 1, 100);
        r.progress_text = kPreparing[static_cast<std::size_t>(rnd.between(0, 2))];
        r.jobs = static_cast<std::int32_t>(rnd.between(5, 20));
    } else if (!t.production || r.month < *t.production) {
        building_month(r, p, t, so_far, rnd);
    } else {
        producing_month(r, p, t, rnd);
    }
    const std::int64_t arrived = r.investment_completed.fen() / 100 * rnd.between(90, 115);
    r.capital_arrived = Money::from_fen(arrived / kFenPerWan * kFenPerWan);
    so_far.percent = r.percent_complete;
    so_far.jobs = r.jobs;
}

enum class Review { kNone, kDraft, kSubmitted, kReturned, kApproved, kReturnedThenApproved };

// Older months are settled; the last two are still moving through review.
Review review_for(Month m, Month last, DemoRandom& rnd) {
    const int back = months_between(m, last);
    const auto roll = rnd.between(0, 99);
    if (back >= 2) return roll < 2 ? Review::kReturnedThenApproved : Review::kApproved;
    if (back == 1) return roll < 3 ? Review::kReturned : (roll < 12 ? Review::kSubmitted : Review::kApproved);
    if (roll < 10) return Review::kNone;
    if (roll < 20) return Review::kDraft;
    if (roll < 23) return Review::kReturned;
    return roll < 70 ? Review::kSubmitted : Review::kApproved;
}

// The steps a zone and a city would take, dated in the days after the month ended.
Result<void> review(store::ReportRecord& rec, Review kind, const ReportPeople& people, DemoRandom& rnd) {
    const std::int64_t next_month =
        std::int64_t{rec.report.month.next().first_day().days_since_epoch()} * kPlanSecondsPerDay - kChinaOffsetSeconds;
    const auto at = [&](int day, int hour) { return next_month + day * kPlanSecondsPerDay + hour * 3600; };
    rec.created_by = people.zone_user;
    rec.created_at = at(2, 9);
    auto& r = rec.report;
    const auto step = [&](Result<ProgressReport> next) -> Result<void> {
        if (!next) return next.error();
        r = std::move(*next);
        return {};
    };
    if (kind == Review::kDraft) return {};
    if (auto s = step(domain::submit_report(r, people.zone_user)); !s) return s;
    rec.submitted_at = at(4, 10);
    if (kind == Review::kReturned || kind == Review::kReturnedThenApproved) {
        const auto reason = kReturnReasons[static_cast<std::size_t>(rnd.between(0, 3))];
        if (auto s = step(domain::return_report(r, std::string(reason))); !s) return s;
        rec.returned_by = people.city_user;
        rec.returned_at = at(7, 15);
    }
    if (kind == Review::kReturnedThenApproved) {
        if (auto s = step(domain::submit_report(r, people.zone_user)); !s) return s;
        rec.submitted_at = at(9, 10);
    }
    if (kind == Review::kApproved || kind == Review::kReturnedThenApproved) {
        if (auto s = step(domain::approve_report(r, people.city_user)); !s) return s;
        rec.approved_at = at(12, 16);
    }
    return {};
}

std::uint64_t seed_of(const domain::Project& p) {
    std::uint64_t h = 1469598103934665603ULL;  // FNV-1a of the code: the same project, the same reports
    for (unsigned char c : p.code) h = (h ^ c) * 1099511628211ULL;
    return h;
}

}  // namespace

Result<std::vector<store::ReportRecord>> plan_reports(const domain::Project& p, Month last,
                                                      const ReportPeople& people) {
    std::vector<store::ReportRecord> out;
    if (!p.actual.sign || p.stage == domain::Stage::kReserve || p.status == domain::ProjectStatus::kCancelled) {
        return out;
    }
    DemoRandom rnd(seed_of(p));
    const Timeline t = timeline_of(p, last, rnd);
    Progress so_far;
    for (Month m = t.sign; m <= t.last; m = m.next()) {
        store::ReportRecord rec;
        rec.report.project_id = p.id;
        rec.report.month = m;
        fill_content(rec.report, p, t, so_far, rnd);
        const Review kind = review_for(m, last, rnd);
        if (kind == Review::kNone) continue;
        if (auto r = review(rec, kind, people, rnd); !r) return r.error();
        out.push_back(std::move(rec));
    }
    return out;
}

}  // namespace sanpi::service::demo
