// The demo's national project codes, approvals, statistics entries and code names.
#include "service/demo_identity.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>

#include "domain/approval.hpp"
#include "domain/project_code.hpp"
#include "service/demo_catalog.hpp"
#include "service/demo_random.hpp"

namespace sanpi::service::demo {

using domain::Date;
using domain::Project;
using domain::Stage;

namespace {

// The first month of the year-month layout (project_code.hpp): earlier codes carry the year.
constexpr int kFirstYearMonth = 2020 * 12 + 11;
constexpr std::array<std::string_view, 5> kDepartments = {"04", "07", "26", "30", "89"};
constexpr std::array<std::string_view, 8> kCodeNames = {"凤凰", "青松", "启明", "磐石", "远航", "星火", "鲲鹏", "长风"};

std::string two_digits(int n) {
    char text[8];
    std::snprintf(text, sizeof text, "%02d", n % 100);
    return text;
}

// The project's number in the demo ("SX2022-0042" -> 42), which keeps serials apart.
int demo_number(const Project& p) {
    const auto dash = p.code.rfind('-');
    return dash == std::string::npos ? 0 : std::stoi(p.code.substr(dash + 1));
}

const domain::Zone& zone_of(const Project& p, const std::vector<domain::Zone>& zones) {
    return *std::find_if(zones.begin(), zones.end(), [&](const auto& z) { return z.id == p.zone_id; });
}

std::string city_name(const domain::Zone& zone) {
    const auto city = zone.region.str().substr(0, 4) + "00";
    for (const auto& c : shanxi_cities()) {
        if (c.code == city) return std::string(c.name_zh);
    }
    return "山西省";
}

// Issued on the platform a little before the approval, in the layout of its day.
std::string national_code(const Project& p, const domain::Zone& zone, Date issued, DemoRandom& rnd) {
    const int ym = issued.year() * 12 + issued.month();
    const std::string time =
        ym >= kFirstYearMonth ? two_digits(issued.year()) + two_digits(issued.month()) : std::to_string(issued.year());
    char serial[8];
    std::snprintf(serial, sizeof serial, "%05d", static_cast<int>((demo_number(p) * 7919 + 12345) % 100000));
    return time + "-" + zone.region.str() + "-" + std::string(kDepartments[rnd.next() % kDepartments.size()]) + "-0" +
           std::to_string(rnd.between(1, 3)) + "-" + serial + std::to_string(rnd.between(0, 9));
}

domain::ApprovalKind pick_kind(DemoRandom& rnd) {
    const auto roll = rnd.between(1, 20);
    if (roll == 1) return domain::ApprovalKind::kApproval;
    return roll <= 6 ? domain::ApprovalKind::kVerification : domain::ApprovalKind::kFiling;
}

domain::Approval make_approval(const domain::Zone& zone, Date date, DemoRandom& rnd) {
    const auto kind = pick_kind(rnd);
    std::string city = city_name(zone);
    const std::string short_city = city.size() > 3 ? city.substr(0, city.size() - 3) : city;  // drop 市
    const std::string mark = kind == domain::ApprovalKind::kFiling ? "备" : "核";
    const std::string number = short_city + "审批" + mark + "〔" + std::to_string(date.year()) + "〕" +
                               std::to_string(rnd.between(1, 400)) + "号";
    return domain::Approval{kind, date, city + "行政审批服务管理局", number, std::nullopt};
}

// Started projects were approved before they started; signed ones after signing, by today. One
// in twelve of the signed ones filed long before signing and is now close to lapsing; a few of
// those were granted the one extension.
std::optional<Date> approval_date(const Project& p, Date today, DemoRandom& rnd) {
    if (p.actual.start) return p.actual.start->add_days(-static_cast<std::int32_t>(rnd.between(20, 300)));
    if (!p.actual.sign) return std::nullopt;
    if (demo_number(p) % 12 == 5) {
        return domain::same_day_years_later(today, -2).add_days(static_cast<std::int32_t>(rnd.between(5, 60)));
    }
    const auto span = (today.days_since_epoch() - p.actual.sign->days_since_epoch());
    if (span < 10) return std::nullopt;  // signed only just now: not yet filed
    return p.actual.sign->add_days(static_cast<std::int32_t>(rnd.between(5, std::min(120, span))));
}

void add_approval(Project& p, const domain::Zone& zone, Date today, DemoRandom& rnd) {
    const auto date = approval_date(p, today, rnd);
    if (!date) return;
    p.approval = make_approval(zone, *date, rnd);
    if (!p.actual.start && demo_number(p) % 48 == 5) {
        // Filed three months earlier, so the two years have run out; extended three weeks before
        // they did, for most of a year more.
        p.approval->date = p.approval->date.add_days(-90);
        const Date deadline = domain::original_start_deadline(*p.approval);
        p.approval->extension = domain::ApprovalExtension{deadline.add_days(-21), deadline.add_days(300)};
        if (p.approval->extension->granted_on > today) p.approval->extension.reset();
    }
    const Date issued = p.approval->date.add_days(-static_cast<std::int32_t>(rnd.between(5, 60)));
    p.national_code = national_code(p, zone, issued, rnd);
    if (auto code = domain::ProjectCode::parse(p.national_code, today)) {
        p.national_code = code->str();
        p.national_code_legacy = code->legacy();
    } else {
        p.national_code.clear();  // cannot happen with the layouts above; never store a bad code
    }
}

void add_stats_entry(Project& p, Date today, DemoRandom& rnd) {
    if (!p.actual.start || rnd.between(1, 10) > 8) return;
    const Date entry = p.actual.start->add_days(static_cast<std::int32_t>(rnd.between(0, 60)));
    p.stats_entry_date = std::min(entry, today);
}

void add_code_name(Project& p, DemoRandom& rnd) {
    if (p.stage != Stage::kReserve || demo_number(p) % 3 != 0) return;
    p.code_name =
        "代号·" + std::string(kCodeNames[rnd.next() % kCodeNames.size()]) + "-" + std::to_string(demo_number(p));
}

}  // namespace

std::uint64_t seed_of(const Project& p, std::uint64_t salt) {
    std::uint64_t h = 1469598103934665603ULL ^ salt;  // FNV-1a
    for (const unsigned char c : p.code) h = (h ^ c) * 1099511628211ULL;
    return h;
}

void add_identity(Project& p, const std::vector<domain::Zone>& zones, Date today) {
    DemoRandom rnd(seed_of(p, 2260));
    const auto& zone = zone_of(p, zones);
    add_approval(p, zone, today, rnd);
    add_stats_entry(p, today, rnd);
    add_code_name(p, rnd);
    add_commitments(p, today);
}

}  // namespace sanpi::service::demo
