#include "domain/stage_machine.hpp"

#include <string>

#include "domain/field_checks.hpp"

namespace sanpi::domain {
namespace {

std::optional<Date>* milestone_slot(Milestones& m, Stage stage) {
    switch (stage) {
        case Stage::kReserve:
            return nullptr;
        case Stage::kSigned:
            return &m.sign;
        case Stage::kStarted:
            return &m.start;
        case Stage::kProducing:
            return &m.production;
        case Stage::kAtCapacity:
            return &m.capacity;
    }
    return nullptr;
}

Stage next(Stage s) { return static_cast<Stage>(static_cast<int>(s) + 1); }

Result<void> check_movable(const Project& p, const StageMove& move, Date today) {
    if (p.status == ProjectStatus::kCancelled) {
        return Error::invalid_field("stage", "项目已终止，不能变更阶段",
                                    "the project is cancelled; its stage cannot change");
    }
    if (p.status == ProjectStatus::kSuspended) {
        return Error::invalid_field("stage", "项目处于停缓建状态，请先恢复项目",
                                    "the project is suspended; resume the project first");
    }
    if (move.date > today) {
        return Error::invalid_field("stage_date", "日期不能晚于今天（" + today.iso() + "）",
                                    "date in the future (today is " + today.iso() + ")");
    }
    if (move.to == p.stage) {
        const std::string stage(to_string(p.stage));
        return Error::invalid_field("stage", "项目已处于" + std::string(label_zh(p.stage)) + "阶段",
                                    "the project is already at stage " + stage);
    }
    return {};
}

// Fills the milestones of every stage up to `to` that have none, refusing dates that would run backwards.
Result<Milestones> reach(const Milestones& actual, Stage from, Stage to, Date date) {
    Milestones result = actual;
    std::optional<Date> latest;
    Stage latest_stage = Stage::kReserve;
    for (Stage s = Stage::kSigned; s <= to; s = next(s)) {
        std::optional<Date>& slot = *milestone_slot(result, s);
        if (s > from && !slot) slot = date;
        if (!slot) continue;
        if (latest && *slot < *latest) {
            const std::string stage_zh(label_zh(latest_stage)), stage_en(to_string(latest_stage));
            return Error::invalid_field("stage_date", "日期不能早于已记录的" + stage_zh + "日期 " + latest->iso(),
                                        "date is before the recorded " + stage_en + " date " + latest->iso());
        }
        latest = slot;
        latest_stage = s;
    }
    return result;
}

}  // namespace

std::optional<Date> milestone_date(const Milestones& m, Stage stage) {
    switch (stage) {
        case Stage::kReserve:
            return std::nullopt;
        case Stage::kSigned:
            return m.sign;
        case Stage::kStarted:
            return m.start;
        case Stage::kProducing:
            return m.production;
        case Stage::kAtCapacity:
            return m.capacity;
    }
    return std::nullopt;
}

Result<StageChange> apply_stage_move(Project& project, const StageMove& move, Date today) {
    if (auto ok = check_movable(project, move, today); !ok) {
        return ok.error();
    }
    StageChange change{project.id, project.stage, move.to, project.status, project.status, move.date, false, {}};
    if (move.to > project.stage) {
        auto actual = reach(project.actual, project.stage, move.to, move.date);
        if (!actual) {
            return actual.error();
        }
        project.actual = *actual;
    } else {
        if (!move.correction_reason || is_blank(*move.correction_reason)) {
            return Error::invalid_field("correction_reason", "退回阶段属于更正，须填写原因",
                                        "moving a project back is a correction and needs a reason");
        }
        for (Stage s = next(move.to); s <= Stage::kAtCapacity; s = next(s)) {
            milestone_slot(project.actual, s)->reset();
        }
        change.correction = true;
        change.reason = *move.correction_reason;
    }
    project.stage = move.to;
    return change;
}

Result<StageChange> apply_status_change(Project& project, ProjectStatus to, std::string reason) {
    if (project.status == ProjectStatus::kCancelled) {
        return Error::invalid_field("status", "项目已终止，终止不可撤销", "the project is cancelled, which is final");
    }
    if (project.status == to) {
        return Error::invalid_field("status", "项目已是" + std::string(label_zh(to)) + "状态",
                                    "the project is already " + std::string(to_string(to)));
    }
    if (to != ProjectStatus::kActive && is_blank(reason)) {
        return Error::invalid_field("status_reason", "停缓建或终止项目须填写原因",
                                    "suspending or cancelling a project needs a reason");
    }
    StageChange change{project.id, project.stage, project.stage, project.status,
                       to,         std::nullopt,  false,         std::move(reason)};
    project.status = to;
    return change;
}

}  // namespace sanpi::domain
