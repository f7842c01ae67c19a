#include "service/notice_sweep.hpp"

#include "service/audit_trail.hpp"
#include "service/notice_fields.hpp"
#include "store/transact.hpp"

namespace sanpi::service {

namespace {

struct NoticeBatch {
    std::int64_t last = 0;
    std::int64_t seen = 0;
    std::int64_t written = 0;
};

Result<NoticeBatch> escalate_notice_batch(store::Tx& tx, const Clock& clock, domain::Date day, std::int64_t after,
                                          std::int64_t limit) {
    auto due = tx.overdue_city_notices(day, after, limit);
    if (!due) return due.error();
    NoticeBatch out{after, 0, 0};
    for (const auto& n : *due) {
        out.last = n.id;
        ++out.seen;
        auto raised = domain::escalate_if_overdue(n, day);
        if (!raised) continue;
        if (auto r = tx.update_notice(*raised, n.version, clock.now()); !r) return r.error();
        store::NoticeEvent e;
        e.notice_id = n.id;
        e.step = domain::NoticeStep::kEscalate;
        e.at = clock.now();
        e.text = "逾期未办结，自动提级至省级督办（办结时限 " + n.deadline.iso() + "）";
        e.level = raised->level;
        if (auto r = tx.insert_notice_event(e); !r) return r.error();
        auto after_fields = notice_fields(*raised);
        if (auto r = AuditTrail(clock).record_change(tx, Actor::system(), "notice.escalate", "notice", n.id,
                                                     notice_fields(n), after_fields);
            !r) {
            return r.error();
        }
        ++out.written;
    }
    return out;
}

// Each notice's first history row and audit entry, for notices just written.
Result<void> record_issued(store::Tx& tx, const Clock& clock, const Actor& actor,
                           const std::vector<domain::Notice>& notices) {
    std::vector<store::NoticeEvent> events;
    std::vector<AuditEvent> audits;
    events.reserve(notices.size());
    audits.reserve(notices.size());
    for (const auto& n : notices) {
        store::NoticeEvent e;
        e.notice_id = n.id;
        e.step = domain::NoticeStep::kIssue;
        if (actor.id != 0) e.user_id = actor.id;
        e.at = clock.now();
        e.text = n.problem;
        e.deadline = n.deadline;
        e.level = n.level;
        events.push_back(std::move(e));
        audits.push_back({"notice.issue", "notice", n.id, domain::diff_fields({}, notice_fields(n))});
    }
    if (auto r = tx.insert_notice_events(events); !r) return r.error();
    return AuditTrail(clock).record_all(tx, actor, std::move(audits));
}

// A batch's notices are written together (insert_ladder_notices skips the rungs that hold one),
// so the sweep costs a few statements per batch, not a few per notice.
Result<NoticeBatch> ladder_notice_batch(store::Tx& tx, const Clock& clock, const domain::EscalationLadder& ladder,
                                        domain::Date day, std::int64_t after, std::int64_t limit) {
    auto facts = tx.ladder_facts_after(after, limit);
    if (!facts) return facts.error();
    NoticeBatch out{after, 0, 0};
    std::vector<domain::Notice> wanted_notices;
    for (const auto& f : *facts) {
        out.last = f.project_id;
        ++out.seen;
        for (const auto& wanted : domain::evaluate_ladder(f, ladder, day)) {
            domain::Notice n;
            n.target = domain::NoticeTarget::kProject;
            n.project_id = f.project_id;
            n.zone_id = f.zone_id;
            n.level = wanted.level;
            n.problem = wanted.problem;
            n.action_requested = wanted.action_requested;
            n.deadline = wanted.deadline;
            n.ladder_step = wanted.step;
            n.ladder_since = wanted.since;
            wanted_notices.push_back(std::move(n));
        }
    }
    if (wanted_notices.empty()) return out;
    auto written = tx.insert_ladder_notices(wanted_notices, clock.now());
    if (!written) return written.error();
    if (auto r = record_issued(tx, clock, Actor::system(), *written); !r) return r.error();
    out.written = static_cast<std::int64_t>(written->size());
    return out;
}

}  // namespace

Result<std::int64_t> write_new_notice(store::Tx& tx, const Clock& clock, std::int64_t actor_id,
                                      const std::string& actor_name, const domain::Notice& notice) {
    domain::Notice n = notice;
    if (actor_id != 0) n.issued_by = actor_id;
    auto id = tx.insert_notice(n, clock.now());
    if (!id) return id.error();
    n.id = *id;
    if (auto r = record_issued(tx, clock, Actor{actor_id, actor_name}, {n}); !r) return r.error();
    return *id;
}

Result<std::int64_t> escalate_overdue_notices(store::Store& store, const Clock& clock, domain::Date day,
                                              std::int64_t batch) {
    std::int64_t escalated = 0;
    for (std::int64_t after = 0;;) {
        auto done = store::write_value<NoticeBatch>(
            store, [&](store::Tx& tx) { return escalate_notice_batch(tx, clock, day, after, batch); });
        if (!done) return done.error();
        escalated += done->written;
        if (done->seen < batch) return escalated;
        after = done->last;
    }
}

Result<std::int64_t> apply_escalation_ladder(store::Store& store, const Clock& clock, domain::Date day,
                                             std::int64_t batch) {
    auto ladder = store::read_value<store::EscalationLadderRecord>(
        store, [](store::Tx& tx) { return tx.current_escalation_ladder(); });
    if (!ladder) return ladder.error();
    std::int64_t issued = 0;
    for (std::int64_t after = 0;;) {
        auto done = store::write_value<NoticeBatch>(
            store, [&](store::Tx& tx) { return ladder_notice_batch(tx, clock, ladder->ladder, day, after, batch); });
        if (!done) return done.error();
        issued += done->written;
        if (done->seen < batch) return issued;
        after = done->last;
    }
}

Result<NoticeSweepResult> sweep_notices(store::Store& store, const Clock& clock, domain::Date day, std::int64_t batch) {
    auto escalated = escalate_overdue_notices(store, clock, day, batch);
    if (!escalated) return escalated.error();
    auto issued = apply_escalation_ladder(store, clock, day, batch);
    if (!issued) return issued.error();
    return NoticeSweepResult{*escalated, *issued};
}

}  // namespace sanpi::service
