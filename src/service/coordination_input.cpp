#include "service/coordination_input.hpp"

#include "domain/coordination_workflow.hpp"

namespace sanpi::service {

using domain::CoordinationItem;
using domain::CoordinationStatus;

namespace {

void add(std::vector<FieldError>& out, std::string field, std::string zh, std::string en) {
    out.push_back(FieldError{std::move(field), {std::move(zh), std::move(en)}});
}

// The workflow fields have no place in a new item: it starts open, with nothing to resolve.
void refuse_workflow_fields(const CoordinationInput& in, std::vector<FieldError>& out) {
    const std::string zh = "新提出的问题均为“待协调”，状态在提出后通过 PATCH 变更";
    const std::string en = "a new item is always open; change its status with PATCH once it exists";
    if (in.status) add(out, "status", zh, en);
    if (in.resolution) add(out, "resolution", zh, en);
    if (in.reopen_reason) add(out, "reopen_reason", zh, en);
}

// A resolution or reopening reason sent without the move it belongs to would be silently lost.
Result<void> refuse_misplaced_texts(const CoordinationInput& in) {
    std::vector<FieldError> out;
    if (in.resolution && in.status != CoordinationStatus::kResolved) {
        add(out, "resolution", "解决情况只能随状态改为“已解决”一并填写",
            "resolution is given only with status resolved");
    }
    if (in.reopen_reason && in.status != CoordinationStatus::kReopened) {
        add(out, "reopen_reason", "重新打开原因只能随状态改为“重新打开”一并填写",
            "reopen_reason is given only with status reopened");
    }
    if (!out.empty()) return Error::invalid(std::move(out));
    return {};
}

bool has_edits(const CoordinationInput& in) {
    return in.category || in.description || in.level || in.responsible_department || in.deadline;
}

Result<CoordinationItem> apply_edits(const CoordinationItem& current, const CoordinationInput& in) {
    if (!has_edits(in)) return current;
    CoordinationItem edited = current;
    if (in.category) edited.category = *in.category;
    if (in.description) edited.description = *in.description;
    if (in.level) edited.level = *in.level;
    if (in.responsible_department) edited.responsible_department = *in.responsible_department;
    if (in.deadline) edited.deadline = *in.deadline;
    return domain::edit_item(current, edited);
}

}  // namespace

Result<CoordinationItem> raise_coordination_item(std::int64_t project_id, const CoordinationInput& in,
                                                 domain::Date today) {
    CoordinationItem item;
    item.project_id = project_id;
    item.category = in.category.value_or(domain::CoordinationCategory::kOther);
    item.description = in.description.value_or("");
    item.level = in.level.value_or(domain::CoordinationLevel::kZone);
    item.responsible_department = in.responsible_department.value_or("");
    item.deadline = in.deadline.value_or(today);
    auto errors = domain::validate_coordination_item(item, today);
    if (!in.category) add(errors, "category", "须选择问题类别", "a category is required");
    if (!in.deadline) add(errors, "deadline", "须填写办结时限", "a deadline is required");
    refuse_workflow_fields(in, errors);
    if (!errors.empty()) return Error::invalid(std::move(errors));
    return item;
}

Result<CoordinationItem> change_coordination_item(const CoordinationItem& current, const CoordinationInput& in,
                                                  domain::Date raised_on) {
    if (auto r = refuse_misplaced_texts(in); !r) return r.error();
    CoordinationItem next = current;
    const bool reopening = in.status == CoordinationStatus::kReopened;
    if (reopening) {
        auto reopened = domain::change_status(next, {CoordinationStatus::kReopened, std::nullopt, in.reopen_reason});
        if (!reopened) return reopened.error();
        next = std::move(*reopened);
    }
    auto edited = apply_edits(next, in);
    if (!edited) return edited.error();
    next = std::move(*edited);
    if (in.status && !reopening) {
        auto moved = domain::change_status(next, {*in.status, in.resolution, std::nullopt});
        if (!moved) return moved.error();
        next = std::move(*moved);
    }
    if (auto errors = domain::validate_coordination_item(next, raised_on); !errors.empty()) {
        return Error::invalid(std::move(errors));
    }
    return next;
}

}  // namespace sanpi::service
