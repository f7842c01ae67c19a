#include "service/demo_coordination.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "domain/coordination_workflow.hpp"
#include "service/audit_fields.hpp"
#include "service/demo_random.hpp"

namespace sanpi::service::demo {

using domain::CoordinationCategory;
using domain::CoordinationItem;
using domain::CoordinationLevel;
using domain::CoordinationStatus;
using domain::Date;
using domain::Stage;

namespace {

using C = CoordinationCategory;
using S = CoordinationStatus;

// What a zone typically asks for help with, by category: two problems, the departments that
// answer at zone, city and province level, and how such a problem ends.
struct CategoryText {
    C category;
    std::array<const char*, 2> problems;
    std::array<const char*, 3> departments;
    const char* resolution;
};

constexpr std::array<CategoryText, 7> kTexts{{
    {C::kLand,
     {"项目二期用地指标不足，需协调新增建设用地指标", "项目用地涉及基本农田调整，土地征收及农转用手续尚未完成"},
     {"开发区规划国土部", "市自然资源和规划局", "省自然资源厅"},
     "已调剂新增建设用地指标，完成农转用报批"},
    {C::kPlanningApproval,
     {"环评、能评审批进度滞后，影响开工时间", "施工许可办理需补齐规划设计方案审查意见"},
     {"开发区行政审批局", "市行政审批服务管理局", "省发展和改革委员会"},
     "已开通绿色通道，审批手续全部办结"},
    {C::kFinancing,
     {"项目建设资金缺口较大，需协调银行项目贷款", "申请地方政府专项债券资金支持，需协助项目包装申报"},
     {"开发区财政金融部", "市地方金融监督管理局", "省地方金融监督管理局"},
     "已与合作银行签订贷款协议，首笔资金到位"},
    {C::kUtilities,
     {"项目用电负荷增容，需协调建设110千伏变电站", "园区供水、天然气管网尚未接通至项目红线"},
     {"开发区建设管理部", "国网供电公司", "省能源局"},
     "配套管网及供电线路已接通，满足项目需求"},
    {C::kLabour,
     {"企业技术工人招聘困难，需协调职业院校定向培养", "生产旺季用工缺口约200人，需协助组织招聘"},
     {"开发区社会事务部", "市人力资源和社会保障局", "省人力资源和社会保障厅"},
     "已组织专场招聘会并签订校企合作协议"},
    {C::kEnvironment,
     {"项目主要污染物排放总量指标需协调解决", "施工扬尘治理整改要求影响施工进度"},
     {"开发区生态环境分局", "市生态环境局", "省生态环境厅"},
     "已落实排放总量指标，整改通过验收"},
    {C::kOther,
     {"企业反映园区道路及物流配套不完善", "项目周边职工生活配套设施不足"},
     {"开发区管委会综合办公室", "市发展和改革委员会", "省商务厅"},
     "已纳入园区配套建设计划并组织实施"},
}};

const CategoryText& text_of(C category) {
    for (const auto& t : kTexts) {
        if (t.category == category) return t;
    }
    return kTexts.back();
}

// The problems a project meets at its stage: land and approvals before work starts, utilities,
// labour and the environment once it is under way or producing.
std::vector<C> categories_at(Stage stage) {
    switch (stage) {
        case Stage::kReserve:
            return {C::kLand, C::kPlanningApproval, C::kFinancing};
        case Stage::kSigned:
            return {C::kLand, C::kPlanningApproval, C::kFinancing, C::kUtilities};
        case Stage::kStarted:
            return {C::kUtilities, C::kLabour, C::kEnvironment, C::kFinancing, C::kPlanningApproval};
        case Stage::kProducing:
        case Stage::kAtCapacity:
            return {C::kLabour, C::kUtilities, C::kEnvironment, C::kOther};
    }
    return {C::kOther};
}

// Ten slots, so every status appears and most items are settled, as in a working zone.
constexpr std::array<S, 10> kStatusSlots = {S::kOpen,     S::kOpen,     S::kInProgress, S::kInProgress, S::kResolved,
                                            S::kResolved, S::kResolved, S::kClosed,     S::kClosed,     S::kReopened};

// The path the workflow takes from open to `target`.
std::vector<S> path_to(S target) {
    switch (target) {
        case S::kOpen:
            return {};
        case S::kInProgress:
            return {S::kInProgress};
        case S::kResolved:
            return {S::kInProgress, S::kResolved};
        case S::kClosed:
            return {S::kInProgress, S::kResolved, S::kClosed};
        case S::kReopened:
            return {S::kInProgress, S::kResolved, S::kReopened};
    }
    return {};
}

// The day the project reached its current stage (planned signing for a reserve project): the
// items it needs now arise after it.
Date stage_date(const domain::Project& p) {
    const auto& a = p.actual;
    const auto reached = a.capacity ? a.capacity : a.production ? a.production : a.start ? a.start : a.sign;
    if (reached) return *reached;
    return p.planned.sign.value_or(Date::from_ymd(2022, 6, 22).value()).add_days(-60);
}

struct Planned {
    CoordinationItem item;
    Date raised;
    Date last_move;  // when it reached its status (the day it was raised, for open items)
};

// Item `j` of demo project number `n`: the same every run.
Result<Planned> plan_item(const domain::ProjectView& view, int n, int j) {
    DemoRandom rnd(static_cast<std::uint64_t>(n) * 1000 + static_cast<std::uint64_t>(j));
    const auto categories = categories_at(view.project.stage);
    const auto& text = text_of(categories[static_cast<std::size_t>(n + j) % categories.size()]);
    const S target = kStatusSlots[static_cast<std::size_t>(n + 3 * j) % kStatusSlots.size()];
    const auto level = static_cast<CoordinationLevel>((n / 7 + j) % 3);
    const Date last_demo_day = Date::from_ymd(2022, 12, 20).value();
    const Date raised =
        std::min(stage_date(view.project).add_days(static_cast<std::int32_t>(rnd.between(10, 150))), last_demo_day);

    CoordinationItem item;
    item.project_id = view.project.id;
    item.category = text.category;
    item.description = std::string(text.problems[rnd.next() % 2]) + "（模拟数据）";
    item.responsible_department = text.departments[static_cast<std::size_t>(level)];
    item.deadline = raised.add_days(static_cast<std::int32_t>(rnd.between(20, 90)));
    if (!domain::is_settled(target) && (n + j) % 4 == 0) item.deadline = Date::parse(kLongTermDeadline)->date;
    if (level != CoordinationLevel::kZone) {
        auto escalated = domain::escalate(item, level);
        if (!escalated) return escalated.error();
        item = std::move(*escalated);
    }
    for (S step : path_to(target)) {
        auto moved =
            domain::change_status(item, {step, std::string(text.resolution), "企业反馈问题仍未彻底解决，需继续协调"});
        if (!moved) return moved.error();
        item = std::move(*moved);
    }
    const Date last_move = target == S::kOpen ? raised
                                              : std::min(raised.add_days(static_cast<std::int32_t>(rnd.between(5, 60))),
                                                         last_demo_day.add_days(8));
    return Planned{std::move(item), raised, last_move};
}

// Demo projects are numbered by their code, SX2022-0001 ...; every seventh carries items.
std::optional<int> chosen_number(const domain::Project& p) {
    constexpr std::string_view kPrefix = "SX2022-";
    if (!p.synthetic || !p.code.starts_with(kPrefix) || p.status == domain::ProjectStatus::kCancelled) {
        return std::nullopt;
    }
    const int n = std::atoi(p.code.c_str() + kPrefix.size());
    if (n <= 0 || n % 7 != 3) return std::nullopt;
    return n;
}

Result<std::vector<domain::ProjectView>> demo_projects(store::Tx& tx) {
    std::vector<domain::ProjectView> out;
    store::ProjectQuery q;
    q.sort = store::ProjectSortKey::kCode;
    q.limit = 500;
    for (;; q.offset += q.limit) {
        auto page = tx.list_projects(store::Scope::all(), q);
        if (!page) return page.error();
        for (auto& v : page->items) {
            if (chosen_number(v.project)) out.push_back(std::move(v));
        }
        if (page->items.size() < static_cast<std::size_t>(q.limit)) return out;
    }
}

// The zone's own account raised the item, as zones do.
Result<std::int64_t> zone_account(store::Tx& tx, std::int64_t zone_id, std::map<std::int64_t, std::int64_t>& cache) {
    if (auto it = cache.find(zone_id); it != cache.end()) return it->second;
    auto zone = tx.get_zone(store::Scope::all(), zone_id);
    if (!zone) return zone.error();
    std::int64_t user_id = 0;
    if (*zone) {
        auto user = tx.find_user_by_name((*zone)->slug);
        if (!user) return user.error();
        if (*user) user_id = (*user)->id;
    }
    return cache[zone_id] = user_id;
}

Result<std::set<std::string>> existing_descriptions(store::Tx& tx, std::int64_t project_id) {
    store::CoordinationQuery q;
    q.project_id = project_id;
    q.limit = 500;
    auto page = tx.list_coordination_items(store::Scope::all(), q);
    if (!page) return page.error();
    std::set<std::string> out;
    for (const auto& r : page->items) out.insert(r.item.description);
    return out;
}

// 09:30 in China on `day`, as Unix seconds.
store::Timestamp morning_of(Date day) {
    return static_cast<store::Timestamp>(day.days_since_epoch()) * 86400 + 90 * 60;
}

// Raised, then (for an item that has moved on) changed once more on the day of its last move, so
// updated_at tells when it reached its status.
// The item is stored in its final state from the start; the log records it as the system's.
Result<void> insert_planned(store::Tx& tx, const DemoAudit& audit, Planned planned, std::int64_t author) {
    auto id = tx.insert_coordination_item(planned.item, author, morning_of(planned.raised));
    if (!id) return id.error();
    if (auto r = audit.created("coordination_item.create", "coordination_item", *id, audit_fields(planned.item)); !r) {
        return r;
    }
    if (planned.last_move == planned.raised) return {};
    planned.item.id = *id;
    return tx.update_coordination_item(planned.item, 1, morning_of(planned.last_move) + 7 * 3600);
}

}  // namespace

Result<void> load_coordination_items(store::Tx& tx, const DemoAudit& audit, DemoReport& report) {
    auto projects = demo_projects(tx);
    if (!projects) return projects.error();
    std::map<std::int64_t, std::int64_t> accounts;
    for (const auto& view : *projects) {
        const int n = *chosen_number(view.project);
        auto existing = existing_descriptions(tx, view.project.id);
        if (!existing) return existing.error();
        auto author = zone_account(tx, view.project.zone_id, accounts);
        if (!author) return author.error();
        for (int j = 0; j < 1 + n % 3; ++j) {
            auto planned = plan_item(view, n, j);
            if (!planned) return planned.error();
            if (existing->contains(planned->item.description)) continue;
            // The generator must produce data the system itself would accept.
            if (auto problems = domain::validate_coordination_item(planned->item, planned->raised); !problems.empty()) {
                return Error::internal("演示数据无效", "demo coordination item of " + view.project.code +
                                                           " is invalid: " + problems.front().field + " " +
                                                           problems.front().message.en);
            }
            if (auto r = insert_planned(tx, audit, *planned, *author); !r) return r;
            existing->insert(planned->item.description);
            ++report.coordination_items;
        }
    }
    return {};
}

}  // namespace sanpi::service::demo
