#include "service/demo_notices.hpp"

#include <optional>
#include <string>

#include "service/auth_service.hpp"
#include "service/notice_service.hpp"
#include "service/notice_sweep.hpp"
#include "store/transact.hpp"

namespace sanpi::service {

namespace {

// The clock `days` before another: notices issued then are due, and overdue, by today.
class DemoEarlierClock final : public Clock {
public:
    DemoEarlierClock(const Clock& base, std::int32_t days) : base_(base), days_(days) {}
    store::Timestamp now() const override { return base_.now() - static_cast<store::Timestamp>(days_) * 86400; }

private:
    const Clock& base_;
    std::int32_t days_;
};

struct DemoNoticeActors {
    Principal supervisor, province, city, zone;
    std::int64_t zone_id = 0;
    std::int64_t project_a = 0, project_b = 0, project_c = 0, project_d = 0;
    std::optional<std::int64_t> item;
};

Result<Principal> demo_principal(store::Tx& tx, const std::string& name) {
    auto user = tx.find_user_by_name(name);
    if (!user) return user.error();
    if (!*user) return Error::internal("演示账户缺失", "demo account " + name + " is missing");
    return AuthService::principal_for(**user);
}

Result<DemoNoticeActors> demo_notice_actors(store::Store& store) {
    return store::read_value<DemoNoticeActors>(store, [](store::Tx& tx) -> Result<DemoNoticeActors> {
        DemoNoticeActors a;
        for (auto [name, slot] : {std::pair{"supervisor", &a.supervisor}, std::pair{"province", &a.province},
                                  std::pair{"taiyuan", &a.city}, std::pair{"taiyuan-zgq", &a.zone}}) {
            auto who = demo_principal(tx, name);
            if (!who) return who.error();
            *slot = std::move(*who);
        }
        auto zone = tx.find_zone_by_code("taiyuan-zgq");
        if (!zone) return zone.error();
        if (!*zone) return Error::internal("演示开发区缺失", "demo zone taiyuan-zgq is missing");
        a.zone_id = (*zone)->id;
        store::ProjectQuery q;
        q.zone_id = a.zone_id;
        q.limit = 4;
        auto page = tx.list_projects(domain::Scope::all(), q);
        if (!page) return page.error();
        if (page->items.size() < 4) return Error::internal("演示项目不足", "too few demo projects in taiyuan-zgq");
        a.project_a = page->items[0].project.id;
        a.project_b = page->items[1].project.id;
        a.project_c = page->items[2].project.id;
        a.project_d = page->items[3].project.id;
        store::CoordinationQuery items;
        items.zone_id = a.zone_id;
        items.limit = 1;
        auto found = tx.list_coordination_items(domain::Scope::all(), items);
        if (!found) return found.error();
        if (!found->items.empty()) a.item = found->items.front().item.id;
        return a;
    });
}

NoticeInput demo_notice_input(domain::NoticeTarget target, std::int64_t id, std::string problem, std::string action,
                              domain::Date deadline) {
    return NoticeInput{target, id, std::move(problem), std::move(action), deadline};
}

// One notice issued by `who` under `clock`, then the steps given, each as its actor.
struct DemoNoticeStep {
    const Principal* who;
    domain::NoticeStep step;
    std::string text;
};

Result<void> make_demo_notice(NoticeService& service, const Principal& issuer, const NoticeInput& in,
                              const std::vector<DemoNoticeStep>& steps) {
    auto view = service.issue(issuer, in);
    if (!view) return view.error();
    for (const auto& s : steps) {
        NoticeStepInput step_input{s.text, std::nullopt};
        if (s.step == domain::NoticeStep::kReopen) step_input.deadline = in.deadline->add_days(14);
        view = service.step(*s.who, view->record.notice.id, view->record.notice.version, s.step, step_input);
        if (!view) return view.error();
    }
    return {};
}

}  // namespace

Result<std::int64_t> load_demo_notices(store::Store& store, const Clock& clock) {
    auto existing = store::read_value<store::Page<store::NoticeRecord>>(store, [](store::Tx& tx) {
        store::NoticeQuery q;
        q.limit = 1;
        return tx.list_notices(domain::Scope::all(), q);
    });
    if (!existing) return existing.error();
    if (existing->total > 0) return std::int64_t{0};
    auto a = demo_notice_actors(store);
    if (!a) return a.error();
    const domain::Date today = clock.today();
    NoticeService now(store, clock);
    using T = domain::NoticeTarget;
    using S = domain::NoticeStep;
    std::int64_t made = 0;
    const auto add = [&](NoticeService& service, const Principal& issuer, const NoticeInput& in,
                         const std::vector<DemoNoticeStep>& steps) -> Result<void> {
        if (auto r = make_demo_notice(service, issuer, in, steps); !r) return r;
        ++made;
        return {};
    };
    // Issued, waiting for the zone.
    if (auto r = add(now, a->supervisor,
                     demo_notice_input(T::kProject, a->project_a, "（演示）项目开工进度滞后于计划，月报未按时报送。",
                                       "请开发区说明滞后原因，报送整改计划和月报。", today.add_days(20)),
                     {});
        !r) {
        return r.error();
    }
    // Responded by the zone, commented on by the city.
    if (auto r = add(now, a->city,
                     demo_notice_input(T::kZone, a->zone_id, "（演示）开发区本季度签约项目开工率偏低。",
                                       "请梳理未开工项目，逐项明确开工时间和责任人。", today.add_days(30)),
                     {{&a->zone, S::kRespond, "已梳理未开工项目12个，明确开工时间和责任人，见附表。"},
                      {&a->city, S::kComment, "请重点跟踪其中3个重点项目，每周报送进展。"}});
        !r) {
        return r.error();
    }
    // Closed after the zone's response and the city's comment.
    if (auto r = add(now, a->supervisor,
                     demo_notice_input(T::kProject, a->project_b, "（演示）项目投资完成率低于序时进度。",
                                       "请开发区协调资金到位，加快建设进度。", today.add_days(15)),
                     {{&a->zone, S::kRespond, "已协调专项债资金到位，主体工程已复工。"},
                      {&a->city, S::kComment, "经现场核实，情况属实。"},
                      {&a->supervisor, S::kClose, "整改到位，予以办结。"}});
        !r) {
        return r.error();
    }
    // Sent back by the province after a thin response: issued again with a new deadline.
    if (auto r = add(now, a->province,
                     demo_notice_input(T::kProject, a->project_c, "（演示）项目达产达效进度滞后。",
                                       "请开发区报送达产计划和产能爬坡措施。", today.add_days(10)),
                     {{&a->zone, S::kRespond, "正在推进。"},
                      {&a->province, S::kReopen, "反馈过于简略，请补充具体措施和时间节点。"}});
        !r) {
        return r.error();
    }
    // Responded, on a coordination item.
    if (a->item) {
        if (auto r = add(now, a->supervisor,
                         demo_notice_input(T::kCoordinationItem, *a->item, "（演示）问题诉求超期未解决。",
                                           "请责任部门限期协调解决并反馈。", today.add_days(25)),
                         {{&a->zone, S::kRespond, "已召开专题协调会，明确解决路径。"}});
            !r) {
            return r.error();
        }
    }
    // Issued 45 days ago with two weeks to act: overdue today. The city's is escalated by the sweep.
    const DemoEarlierClock earlier(clock, 45);
    NoticeService then(store, earlier);
    const domain::Date then_day = earlier.today();
    if (auto r = add(then, a->city,
                     demo_notice_input(T::kProject, a->project_d, "（演示）项目停工超过一个月，未报告原因。",
                                       "请开发区核实停工原因并提出复工方案。", then_day.add_days(14)),
                     {});
        !r) {
        return r.error();
    }
    if (auto r = add(then, a->supervisor,
                     demo_notice_input(T::kProject, a->project_a, "（演示）项目环评手续办理滞后。",
                                       "请开发区会同生态环境部门加快办理。", then_day.add_days(14)),
                     {{&a->zone, S::kRespond, "已报送环评材料，等待批复。"}});
        !r) {
        return r.error();
    }
    if (auto escalated = escalate_overdue_notices(store, clock, today); !escalated) return escalated.error();
    return made;
}

}  // namespace sanpi::service
