#include "service/notice_service.hpp"

#include <string>

#include "service/audit_trail.hpp"
#include "service/notice_fields.hpp"
#include "service/notice_sweep.hpp"
#include "service/project_identity.hpp"
#include "store/transact.hpp"

namespace sanpi::service {

using store::Tx;

namespace {

Error notice_not_found() { return Error::not_found("督办单", "notice"); }

Error unknown_notice_target(domain::NoticeTarget kind) {
    const auto name = std::string(domain::to_string(kind));
    return Error::invalid_field("target_id", "您的权限范围内没有这个督办对象", "no such " + name + " in your scope");
}

// The notice's target as the caller sees it: its zone (and project) filled in, or kInvalidInput
// naming target_id for one that does not exist or lies outside the scope (the same answer).
Result<domain::Notice> locate_notice_target(Tx& tx, const Principal& who, domain::NoticeTarget kind, std::int64_t id) {
    domain::Notice n;
    n.target = kind;
    switch (kind) {
        case domain::NoticeTarget::kProject: {
            auto p = tx.get_project(who.scope, id);
            if (!p) return p.error();
            if (!*p) return unknown_notice_target(kind);
            n.project_id = id;
            n.zone_id = (*p)->project.zone_id;
            return n;
        }
        case domain::NoticeTarget::kCoordinationItem: {
            auto item = tx.get_coordination_item(who.scope, id);
            if (!item) return item.error();
            if (!*item) return unknown_notice_target(kind);
            n.coordination_item_id = id;
            n.project_id = (*item)->item.project_id;
            n.zone_id = (*item)->zone_id;
            return n;
        }
        case domain::NoticeTarget::kZone: {
            auto zone = tx.get_zone(who.scope, id);
            if (!zone) return zone.error();
            if (!*zone) return unknown_notice_target(kind);
            n.zone_id = id;
            return n;
        }
    }
    return unknown_notice_target(kind);
}

NoticeView notice_view_of(const Principal& who, store::NoticeRecord record, domain::Date today) {
    if (record.notice.project_id && shows_code_name(who, {record.notice.zone_id, record.region_code,
                                                          record.project_stage, record.project_code_name})) {
        record.project_name = record.project_code_name;
    }
    record.project_code_name.clear();
    NoticeView v;
    v.overdue = domain::is_overdue(record.notice, today);
    v.allowed =
        who.user.active ? domain::allowed_steps(record.notice, who.user.role) : std::vector<domain::NoticeStep>{};
    v.record = std::move(record);
    return v;
}

Result<NoticeView> notice_detail(Tx& tx, const Principal& who, std::int64_t id, domain::Date today) {
    auto record = tx.get_notice(who.scope, id);
    if (!record) return record.error();
    if (!*record) return notice_not_found();
    auto history = tx.notice_events(id);
    if (!history) return history.error();
    auto view = notice_view_of(who, std::move(**record), today);
    view.history = std::move(*history);
    return view;
}

domain::FieldValues escalation_ladder_fields(const domain::EscalationLadder& l) {
    domain::FieldValues out;
    for (const auto& s : domain::ladder_settings()) out[std::string(s.name)] = std::to_string(l.*s.member);
    return out;
}

// The words each step needs, checked; reopen's new deadline not before today.
Result<void> check_notice_step_input(domain::NoticeStep step, const NoticeStepInput& input, domain::Date today) {
    std::vector<FieldError> problems;
    const char* field = step == domain::NoticeStep::kRespond   ? "response"
                        : step == domain::NoticeStep::kComment ? "comment"
                        : step == domain::NoticeStep::kClose   ? "note"
                                                               : "reason";
    if (auto r = domain::check_notice_text(input.text, field); !r) problems = r.error().fields;
    if (input.deadline) {
        if (step != domain::NoticeStep::kReopen) {
            problems.push_back({"deadline", {"只有退回重办可以重设办结时限", "only sending back sets a new deadline"}});
        } else if (auto r = domain::check_deadline(*input.deadline, today); !r) {
            const auto fields = r.error().fields;  // error() answers a copy
            problems.insert(problems.end(), fields.begin(), fields.end());
        }
    }
    if (!problems.empty()) return Error::invalid(std::move(problems));
    return {};
}

}  // namespace

Result<NoticeView> NoticeService::issue(const Principal& who, const NoticeInput& input) {
    const domain::Date today = clock_.today();
    if (!who.user.active || !domain::acting_level(who.user.role)) {
        return Error::forbidden("只有督导组、省级和市级用户可以下发督办单",
                                "only supervisors, province and city users issue notices");
    }
    std::vector<FieldError> missing;
    if (!input.target) missing.push_back({"target", {"缺少督办对象类型", "the target kind is missing"}});
    if (!input.target_id) missing.push_back({"target_id", {"缺少督办对象", "the target is missing"}});
    return store::write_value<NoticeView>(store_, [&](Tx& tx) -> Result<NoticeView> {
        domain::Notice draft;
        draft.problem = input.problem.value_or("");
        draft.action_requested = input.action_requested.value_or("");
        draft.deadline = input.deadline.value_or(today);
        std::vector<FieldError> problems = missing;
        if (input.target && input.target_id) {
            auto located = locate_notice_target(tx, who, *input.target, *input.target_id);
            if (!located) {
                if (located.error().code != ErrorCode::kInvalidInput) return located.error();
                const auto fields = located.error().fields;
                problems.insert(problems.end(), fields.begin(), fields.end());
            } else {
                draft.target = located->target;
                draft.project_id = located->project_id;
                draft.coordination_item_id = located->coordination_item_id;
                draft.zone_id = located->zone_id;
            }
        }
        if (!input.problem) problems.push_back({"problem", {"不能为空", "cannot be empty"}});
        if (!input.action_requested) problems.push_back({"action_requested", {"不能为空", "cannot be empty"}});
        if (!input.deadline) problems.push_back({"deadline", {"缺少办结时限", "the deadline is missing"}});
        auto issued = domain::issue_notice(who.user.role, draft, today);
        if (!issued) {
            if (issued.error().code != ErrorCode::kInvalidInput) return issued.error();
            const auto fields = issued.error().fields;
            for (const auto& f : fields) {
                bool seen = false;
                for (const auto& p : problems) seen = seen || p.field == f.field;
                if (!seen) problems.push_back(f);
            }
        }
        if (!problems.empty()) return Error::invalid(std::move(problems));
        auto id = write_new_notice(tx, clock_, who.user.id, who.user.name, *issued);
        if (!id) return id.error();
        return notice_detail(tx, who, *id, today);
    });
}

Result<NoticeView> NoticeService::get(const Principal& who, std::int64_t id) {
    const domain::Date today = clock_.today();
    return store::read_value<NoticeView>(store_, [&](Tx& tx) { return notice_detail(tx, who, id, today); });
}

Result<NoticeView> NoticeService::step(const Principal& who, std::int64_t id, std::int64_t expected_version,
                                       domain::NoticeStep step, const NoticeStepInput& input) {
    const domain::Date today = clock_.today();
    return store::write_value<NoticeView>(store_, [&](Tx& tx) -> Result<NoticeView> {
        auto record = tx.get_notice(who.scope, id);
        if (!record) return record.error();
        if (!*record) return notice_not_found();
        const domain::Notice before = (*record)->notice;
        if (!who.user.active) return Error::forbidden("账户已停用", "the account is disabled");
        if (auto r = domain::check_step(before, step, who.user.role); !r) return r.error();
        if (before.version != expected_version) {
            return Error::conflict("督办单已被他人修改，请刷新后重试",
                                   "the notice was changed by someone else; reload and retry");
        }
        if (auto r = check_notice_step_input(step, input, today); !r) return r.error();
        const domain::Notice after = domain::apply_step(before, step, input.deadline);
        if (auto r = tx.update_notice(after, expected_version, clock_.now()); !r) return r.error();
        store::NoticeEvent e;
        e.notice_id = id;
        e.step = step;
        e.user_id = who.user.id;
        e.at = clock_.now();
        e.text = input.text;
        if (step == domain::NoticeStep::kReopen) e.deadline = after.deadline;
        e.level = after.level;
        if (auto r = tx.insert_notice_event(e); !r) return r.error();
        auto after_fields = notice_fields(after);
        after_fields[notice_step_text_field(step)] = input.text;
        if (auto r =
                AuditTrail(clock_).record_change(tx, Actor::of(who), "notice." + std::string(domain::to_string(step)),
                                                 "notice", id, notice_fields(before), after_fields);
            !r) {
            return r.error();
        }
        return notice_detail(tx, who, id, today);
    });
}

Result<NoticeList> NoticeService::list(const Principal& who, store::NoticeQuery query) {
    query.today = clock_.today();
    return store::read_value<NoticeList>(store_, [&](Tx& tx) -> Result<NoticeList> {
        auto page = tx.list_notices(who.scope, query);
        if (!page) return page.error();
        auto counts = tx.notice_counts(who.scope, query);
        if (!counts) return counts.error();
        NoticeList out;
        out.page.total = page->total;
        for (auto& r : page->items) out.page.items.push_back(notice_view_of(who, std::move(r), query.today));
        out.counts = *counts;
        return out;
    });
}

Result<store::EscalationLadderRecord> NoticeService::ladder(const Principal&) {
    return store::read_value<store::EscalationLadderRecord>(store_,
                                                            [](Tx& tx) { return tx.current_escalation_ladder(); });
}

Result<store::EscalationLadderRecord> NoticeService::update_ladder(const Principal& who, std::int64_t expected_version,
                                                                   const domain::EscalationLadder& ladder) {
    if (who.user.role != domain::Role::kProvince || !who.user.active) {
        return Error::forbidden("只有省级用户可以修改督办升级规则",
                                "only province users may change the escalation ladder");
    }
    if (auto problems = domain::validate_ladder(ladder); !problems.empty()) return Error::invalid(std::move(problems));
    return store::write_value<store::EscalationLadderRecord>(
        store_, [&](Tx& tx) -> Result<store::EscalationLadderRecord> {
            auto current = tx.current_escalation_ladder();
            if (!current) return current.error();
            if (current->ladder.version != expected_version) {
                return Error::conflict("督办升级规则已被他人修改，请刷新后重试",
                                       "the escalation ladder was changed by someone else; reload and retry");
            }
            store::EscalationLadderRecord next{ladder, who.user.id, who.user.name, clock_.now()};
            next.ladder.version = expected_version + 1;
            if (auto r = tx.insert_escalation_ladder(next); !r) return r.error();
            if (auto r = AuditTrail(clock_).record_change(
                    tx, Actor::of(who), "escalation_ladder.update", "escalation_ladder", next.ladder.version,
                    escalation_ladder_fields(current->ladder), escalation_ladder_fields(next.ladder));
                !r) {
                return r.error();
            }
            return tx.current_escalation_ladder();
        });
}

}  // namespace sanpi::service
