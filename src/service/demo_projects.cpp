#include "service/demo_projects.hpp"

#include <array>
#include <string>

#include "domain/credit_code.hpp"
#include "service/demo_random.hpp"

namespace sanpi::service::demo {

using domain::BatchKind;
using domain::Date;
using domain::Money;
using domain::Project;
using domain::Stage;

namespace {

constexpr std::array<std::string_view, 10> kFirst = {"晋", "华", "汾", "太行", "黄河", "并州", "三晋", "恒", "鑫", "龙城"};
constexpr std::array<std::string_view, 10> kSecond = {"源", "泰", "丰", "达", "通", "宏", "盛", "安", "新", "和"};
constexpr std::array<std::string_view, 8> kTrade = {"化工", "装备制造", "新能源", "新材料科技",
                                                      "环保科技", "数据科技", "生物医药", "实业"};

const std::vector<std::string_view>& products(std::string_view industry) {
    static const std::vector<std::pair<std::string_view, std::vector<std::string_view>>> table = {
        {"modern_coal_chemical", {"煤制烯烃", "煤焦油深加工", "焦炉煤气制甲醇", "煤基新材料", "焦化副产品综合利用"}},
        {"equipment_manufacturing", {"智能矿山装备", "轨道交通装备", "高端液压件", "风电装备", "农机装备"}},
        {"new_energy", {"光伏组件", "储能电池", "氢燃料电池", "风光储一体化", "动力电池"}},
        {"new_materials", {"碳纤维", "高性能铝合金", "特种钢材", "镁合金", "半导体材料"}},
        {"energy_saving", {"固废综合利用", "工业余热回收", "污水处理", "节能锅炉", "煤矸石综合利用"}},
        {"big_data", {"数据中心", "云计算", "工业互联网平台", "智算中心", "5G应用"}},
        {"medicine_health", {"生物医药", "中药材深加工", "医疗器械", "康养综合体", "原料药"}},
        {"other", {"物流园", "农产品加工", "文旅综合体", "冷链仓储", "商贸综合体"}},
    };
    for (const auto& [code, list] : table) {
        if (code == industry) return list;
    }
    return table.back().second;
}

constexpr std::array<std::string_view, 6> kPhase = {"", "一期", "二期", "扩建", "技改", "产业园"};

domain::CreditCode credit_code_for(int i) {
    // 91 (enterprise, company) + Shanxi 140100 + a 9-character organisation code, then the check.
    static constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    std::string body = "91140100";
    DemoRandom rnd(static_cast<std::uint64_t>(i) * 7919 + 17);
    body += "MA";
    for (int k = 0; k < 7; ++k) body += kAlphabet[rnd.next() % kAlphabet.size()];
    return domain::CreditCode::parse(body + *domain::CreditCode::check_character(body)).value();
}

void plan_dates(Project& p, DemoRandom& rnd, Date sign) {
    p.planned.sign = sign;
    p.planned.start = sign.add_days(static_cast<std::int32_t>(rnd.between(60, 240)));
    p.planned.production = p.planned.start->add_days(static_cast<std::int32_t>(rnd.between(240, 720)));
    p.planned.capacity = p.planned.production->add_days(static_cast<std::int32_t>(rnd.between(180, 540)));
}

// Moves the project along its life, giving each milestone reached an actual date.
void reach(Project& p, DemoRandom& rnd, Stage stage, Date last) {
    std::array<Date, 4> dates = {last, last, last, last};
    for (int k = static_cast<int>(stage) - 2; k >= 0; --k) {
        dates[static_cast<std::size_t>(k)] =
            dates[static_cast<std::size_t>(k) + 1].add_days(-static_cast<std::int32_t>(rnd.between(60, 420)));
    }
    if (stage >= Stage::kSigned) p.actual.sign = dates[0];
    if (stage >= Stage::kStarted) p.actual.start = dates[1];
    if (stage >= Stage::kProducing) p.actual.production = dates[2];
    if (stage >= Stage::kAtCapacity) p.actual.capacity = dates[3];
    p.stage = stage;
    plan_dates(p, rnd, p.actual.sign.value_or(last).add_days(-static_cast<std::int32_t>(rnd.between(0, 30))));
}

void fill_money(Project& p, DemoRandom& rnd) {
    const std::int64_t total_wan = rnd.between(1, 10) <= 7 ? rnd.between(5000, 100000) : rnd.between(100000, 600000);
    p.total_investment = Money::from_fen(total_wan * 10000 * 100);
    p.annual_planned_investment = Money::from_fen(p.total_investment.fen() / 100 * rnd.between(20, 60));
    p.expected_output_value = Money::from_fen(p.total_investment.fen() / 100 * rnd.between(80, 200));
    p.expected_tax = Money::from_fen(p.expected_output_value.fen() / 100 * rnd.between(4, 10));
    p.expected_jobs = static_cast<std::int32_t>(rnd.between(40, 2000));
    p.land_area_centimu = rnd.between(2000, 80000);
    if (total_wan >= 100000) p.tags.push_back("provincial_key");
}

struct Plan {
    Stage stage;
    std::optional<BatchKind> batch;
    domain::ProjectStatus status = domain::ProjectStatus::kActive;
};

// The first 812 projects are the June 2022 batches; the rest are the library around them.
Plan plan_for(int i) {
    using PS = domain::ProjectStatus;
    if (i < kSignBatch) return {Stage::kSigned, BatchKind::kSign};
    i -= kSignBatch;
    if (i < kStartBatch) return {Stage::kStarted, BatchKind::kStart};
    i -= kStartBatch;
    if (i < kProduceBatch) return {Stage::kProducing, BatchKind::kProduce};
    i -= kProduceBatch;
    if (i < 70) return {Stage::kReserve, std::nullopt};
    if (i < 110) return {Stage::kSigned, std::nullopt};
    if (i < 140) return {Stage::kStarted, std::nullopt};
    if (i < 180) return {Stage::kAtCapacity, std::nullopt};
    if (i < 186) return {Stage::kStarted, std::nullopt, PS::kSuspended};
    return {Stage::kSigned, std::nullopt, PS::kCancelled};
}

std::string project_code(int i) {
    std::string n = std::to_string(i + 1);
    return "SX2022-" + std::string(n.size() < 4 ? 4 - n.size() : 0, '0') + n;
}

// Mostly the zone's leading industries, sometimes any of the eight.
std::string pick_industry(const domain::Zone& zone, DemoRandom& rnd) {
    static constexpr std::array<std::string_view, 8> kAll = {"modern_coal_chemical", "equipment_manufacturing",
                                                             "new_energy",           "new_materials",
                                                             "energy_saving",        "big_data",
                                                             "medicine_health",      "other"};
    if (rnd.between(1, 10) <= 7 && !zone.leading_industries.empty()) {
        return zone.leading_industries[rnd.next() % zone.leading_industries.size()];
    }
    return std::string(kAll[rnd.next() % kAll.size()]);
}

}  // namespace

std::vector<domain::Enterprise> synthetic_enterprises() {
    std::vector<domain::Enterprise> out;
    for (int i = 0; i < kEnterprises; ++i) {
        domain::Enterprise e{0, "", credit_code_for(i), domain::Ownership::kPrivate, domain::ChainRole::kNone, true};
        const auto u = static_cast<std::size_t>(i);
        e.name = "山西" + std::string(kFirst[u % 10]) + std::string(kSecond[(u / 10) % 10]) +
                 std::string(kTrade[(u / 100 + u) % 8]) + "有限公司";
        e.ownership = i % 7 == 0 ? domain::Ownership::kState : (i % 11 == 0 ? domain::Ownership::kForeign
                                                                              : domain::Ownership::kPrivate);
        e.chain_role = i % 13 == 0 ? domain::ChainRole::kChainOwner
                                   : (i % 5 == 0 ? domain::ChainRole::kCore : domain::ChainRole::kSupporting);
        out.push_back(std::move(e));
    }
    return out;
}

std::vector<SyntheticProject> synthetic_projects(const std::vector<domain::Zone>& zones, Date event) {
    std::vector<SyntheticProject> out;
    const int total = kSignBatch + kStartBatch + kProduceBatch + kOtherProjects;
    DemoRandom rnd(20220622);
    for (int i = 0; i < total; ++i) {
        const auto& zone = zones[static_cast<std::size_t>(rnd.next() % zones.size())];
        Project p;
        p.code = project_code(i);
        p.zone_id = zone.id;
        p.industry_code = pick_industry(zone, rnd);
        const auto& names = products(p.industry_code);
        // The zone name's first two characters (CJK, three bytes each) name the place.
        p.name = zone.name.substr(0, 6) + std::string(names[rnd.next() % names.size()]) +
                 std::string(kPhase[rnd.next() % kPhase.size()]) + "项目";
        p.investor_ids = {rnd.between(0, kEnterprises - 1)};
        p.construction_content = "新建生产线及配套设施（模拟数据）";
        p.responsible_unit = zone.name + "管理委员会";
        p.responsible_post = i % 3 == 0 ? "管委会主任" : "管委会副主任";
        p.synthetic = true;
        fill_money(p, rnd);
        const Plan plan = plan_for(i);
        const Date last = plan.batch ? event : event.add_days(-static_cast<std::int32_t>(rnd.between(30, 200)));
        reach(p, rnd, plan.stage, last);
        p.status = plan.status;
        out.push_back({std::move(p), plan.batch});
    }
    return out;
}

}  // namespace sanpi::service::demo
