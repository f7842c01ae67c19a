#include "service/gen_plan.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "service/china_regions_data.hpp"
#include "service/demo_catalog.hpp"
#include "service/demo_random.hpp"

namespace sanpi::service::gen {
namespace {

using demo::DemoRandom;
using domain::Date;
using domain::RegionCode;
using domain::Stage;
using domain::ZoneLevel;

constexpr std::array<std::string_view, 8> kIndustries = {"modern_coal_chemical", "equipment_manufacturing",
                                                         "new_energy",           "new_materials",
                                                         "energy_saving",        "big_data",
                                                         "medicine_health",      "other"};
constexpr std::array<std::string_view, 8> kProducts = {"煤基新材料", "智能装备制造", "光伏组件", "高性能合金",
                                                       "余热利用",   "数据中心",     "生物医药", "现代物流"};
constexpr std::array<std::string_view, 6> kPhase = {"", "一期", "二期", "扩建", "技改", "产业园"};
constexpr std::array<std::string_view, 10> kZoneKinds = {"经济技术开发区", "高新技术产业开发区", "工业园区",
                                                         "产业园区",       "新材料产业园",       "装备制造产业园",
                                                         "化工园区",       "数字经济产业园",     "新能源产业园",
                                                         "综合保税区"};
constexpr int kFirstZoneAccount = 16;  // user ids: see gen.cpp's accounts()

// One independent stream per purpose and index, so a project does not depend on its neighbours.
DemoRandom stream(std::uint64_t seed, std::uint64_t purpose, std::uint64_t index) {
    DemoRandom mix(seed * 0x100000001B3ULL + purpose);
    return DemoRandom(mix.next() ^ (index * 0x9E3779B97F4A7C15ULL));
}

std::int32_t days(DemoRandom& rnd, std::int64_t lo, std::int64_t hi) {
    return static_cast<std::int32_t>(rnd.between(lo, hi));
}

// A place name for zone and project names: the city's, or for a municipality's "市辖区"/"县"
// groups the municipality's own.
std::string place_of(const RegionFact& city) {
    if (city.name == "市辖区" || city.name == "县" || city.name.starts_with("省直辖") ||
        city.name.starts_with("自治区直辖")) {
        for (const auto& r : kChinaRegions) {
            if (r.code == city.province_code) return std::string(r.name);
        }
    }
    return std::string(city.name);
}

void add_generated_zones(Plan& plan, const RegionFact& city, int from, int count, DemoRandom& rnd) {
    const std::string place = place_of(city);
    for (int k = from; k < count; ++k) {
        const auto n = std::to_string(k + 1);
        const std::string code = "z" + std::string(city.code) + "-" + (n.size() < 2 ? "0" : "") + n;
        const ZoneLevel level = k == 0 ? ZoneLevel::kNationalEtdz
                                       : (k == 1 ? ZoneLevel::kNationalHighTech : ZoneLevel::kProvincial);
        std::string name = place + std::string(kZoneKinds[static_cast<std::size_t>(k) % kZoneKinds.size()]);
        if (k >= static_cast<int>(kZoneKinds.size())) name += n;
        domain::Zone z{static_cast<std::int64_t>(plan.zones.size()) + 1, code, name + "（模拟）", level,
                       RegionCode::parse(city.code).value(), {}, code};
        const auto leading = rnd.between(1, 3);
        for (std::int64_t i = 0; i < leading; ++i) {
            std::string industry(kIndustries[rnd.next() % kIndustries.size()]);
            if (std::find(z.leading_industries.begin(), z.leading_industries.end(), industry) ==
                z.leading_industries.end()) {
                z.leading_industries.push_back(std::move(industry));
            }
        }
        plan.zones.push_back({std::move(z), std::nullopt});
    }
}

void plan_dates(domain::Project& p, DemoRandom& rnd, Date sign) {
    p.planned.sign = sign;
    p.planned.start = sign.add_days(days(rnd, 60, 240));
    p.planned.production = p.planned.start->add_days(days(rnd, 240, 720));
    p.planned.capacity = p.planned.production->add_days(days(rnd, 180, 540));
}

// Actual dates up to `stage`, the last on `last`, each earlier one 60-420 days before the next.
void reach(domain::Project& p, DemoRandom& rnd, Stage stage, Date last) {
    std::array<std::optional<Date>*, 4> actual = {&p.actual.sign, &p.actual.start, &p.actual.production,
                                                  &p.actual.capacity};
    Date d = last;
    for (int k = static_cast<int>(stage) - 1; k >= 0; --k) {
        *actual[static_cast<std::size_t>(k)] = d;
        d = d.add_days(-days(rnd, 60, 420));
    }
}

Stage pick_stage(DemoRandom& rnd) {
    const auto r = rnd.between(1, 100);
    if (r <= 15) return Stage::kReserve;
    if (r <= 40) return Stage::kSigned;
    if (r <= 70) return Stage::kStarted;
    if (r <= 90) return Stage::kProducing;
    return Stage::kAtCapacity;
}

std::optional<domain::BatchKind> batch_of(Stage s) {
    switch (s) {
        case Stage::kSigned: return domain::BatchKind::kSign;
        case Stage::kStarted: return domain::BatchKind::kStart;
        case Stage::kProducing: return domain::BatchKind::kProduce;
        default: return std::nullopt;
    }
}

}  // namespace

Date as_of() { return Date::from_ymd(2022, 12, 31).value(); }  // kGenAsOf
Date campaign_event() { return Date::from_ymd(2022, 6, 22).value(); }

Plan plan_zones(std::uint64_t seed, std::int64_t projects) {
    Plan plan;
    DemoRandom rnd = stream(seed, 1, 0);
    const auto& demo_zones = demo::shanxi_zones();
    for (const auto& city : kChinaRegions) {
        if (city.code == city.province_code) continue;
        const int count = static_cast<int>(rnd.between(4, 12));
        int have = 0;
        // Shanxi's demo zones keep their codes, so the demo's zone accounts log in to them.
        for (const auto& f : demo_zones) {
            if (f.city_code != city.code) continue;
            const auto account = kFirstZoneAccount + (&f - demo_zones.data());
            domain::Zone z{static_cast<std::int64_t>(plan.zones.size()) + 1, std::string(f.slug), std::string(f.name),
                           f.level, RegionCode::parse(f.city_code).value(), {}, std::string(f.slug)};
            for (auto i : f.industries) z.leading_industries.emplace_back(i);
            plan.zones.push_back({std::move(z), account});
            ++have;
        }
        add_generated_zones(plan, city, have, std::max(count, have), rnd);
    }
    plan.enterprises = std::max<std::int64_t>(1000, projects / 20);
    return plan;
}

PlannedProject plan_project(std::uint64_t seed, std::int64_t index, const Plan& plan) {
    DemoRandom rnd = stream(seed, 2, static_cast<std::uint64_t>(index));
    const auto& zone = plan.zones[rnd.next() % plan.zones.size()].zone;
    PlannedProject out;
    domain::Project& p = out.project;
    p.id = index + 1;
    const auto n = std::to_string(index + 1);
    p.code = "N2022-" + zone.region.str() + "-" + std::string(n.size() < 7 ? 7 - n.size() : 0, '0') + n;
    p.zone_id = zone.id;
    p.industry_code = rnd.between(1, 10) <= 7 && !zone.leading_industries.empty()
                          ? zone.leading_industries[rnd.next() % zone.leading_industries.size()]
                          : std::string(kIndustries[rnd.next() % kIndustries.size()]);
    const auto industry = static_cast<std::size_t>(
        std::find(kIndustries.begin(), kIndustries.end(), p.industry_code) - kIndustries.begin());
    // The zone name's first two characters (CJK, three bytes each) name the place.
    p.name = zone.name.substr(0, 6) + std::string(kProducts[industry % kProducts.size()]) +
             std::string(kPhase[rnd.next() % kPhase.size()]) + "项目";
    p.investor_ids = {rnd.between(1, plan.enterprises)};
    if (rnd.between(1, 4) == 1) {
        const auto second = rnd.between(1, plan.enterprises);
        if (second != p.investor_ids.front()) p.investor_ids.push_back(second);
    }
    p.construction_content = "新建生产线及配套设施（模拟数据）";
    p.responsible_unit = zone.name + "管理委员会";
    p.responsible_post = index % 3 == 0 ? "管委会主任" : "管委会副主任";
    p.synthetic = true;
    p.version = 1;
    const auto total = rnd.between(2000, 500000) * 1000000;  // 2000万 to 50亿 yuan, in fen
    p.total_investment = domain::Money::from_fen(total);
    p.annual_planned_investment = domain::Money::from_fen(total / 100 * rnd.between(20, 60));
    const auto output = total / 100 * rnd.between(50, 200);
    p.expected_output_value = domain::Money::from_fen(output);
    p.expected_tax = domain::Money::from_fen(output / 100 * rnd.between(5, 12));
    p.expected_jobs = static_cast<std::int32_t>(rnd.between(50, 3000));
    p.land_area_centimu = rnd.between(1000, 100000);

    p.stage = pick_stage(rnd);
    const Date today = as_of();
    if (p.stage == Stage::kReserve) {
        plan_dates(p, rnd, today.add_days(days(rnd, 30, 360)));
        return out;
    }
    const auto status = rnd.between(1, 100);
    p.status = status <= 4 ? domain::ProjectStatus::kSuspended
                           : (status <= 6 ? domain::ProjectStatus::kCancelled : domain::ProjectStatus::kActive);
    // About a third of the active projects that reached a batch's stage entered it at the campaign,
    // on the campaign's day.
    if (p.status == domain::ProjectStatus::kActive && batch_of(p.stage) && rnd.between(1, 3) == 1) {
        out.batch = batch_of(p.stage);
        reach(p, rnd, p.stage, campaign_event());
    } else {
        reach(p, rnd, p.stage, today.add_days(-days(rnd, 0, 400)));
    }
    plan_dates(p, rnd, p.actual.sign->add_days(-days(rnd, 0, 30)));
    return out;
}

}  // namespace sanpi::service::gen
