#include "service/photo_owner.hpp"

#include <string>

#include "domain/photo.hpp"
#include "domain/progress_report.hpp"
#include "service/project_rules.hpp"
#include "service/report_rules.hpp"

namespace sanpi::service {

using store::PhotoOwner;
using store::PhotoOwnerKind;

namespace {

Error conflict_naming(std::string field, std::string zh, std::string en) {
    Error e = Error::conflict(std::move(zh), std::move(en));
    e.fields.push_back({std::move(field), e.message});
    return e;
}

// Whether the owner's row exists, locked for the rest of a write transaction when asked.
Result<bool> lock_owner(store::Tx& tx, const PhotoOwner& owner, OwnerLock lock) {
    if (lock == OwnerLock::kNone) return true;  // existence is checked by the scoped read after it
    return tx.lock_photo_owner(owner);
}

}  // namespace

Result<void> require_photo_writer(const Principal& who, PhotoOwnerKind kind) {
    return kind == PhotoOwnerKind::kReport ? require_report_writer(who) : require_project_writer(who);
}

Result<std::int64_t> check_editable_report(store::Tx& tx, const Principal& who, std::int64_t report_id,
                                           OwnerLock lock) {
    auto locked = lock_owner(tx, {PhotoOwnerKind::kReport, report_id}, lock);
    if (!locked) return locked.error();
    auto view = tx.get_progress_report(who.scope, report_id);
    if (!view) return view.error();
    if (!*locked || !*view) return Error::not_found("月报", "progress report");
    const auto& report = (*view)->record.report;
    if (!domain::is_editable(report.status)) {
        const std::string status(domain::to_string(report.status));
        return conflict_naming("photos", "月报状态为 " + status + "，只有草稿或已退回的月报可以增删照片",
                               "the report is " + status + "; its photos change only while it is a draft or returned");
    }
    return report.project_id;
}

Result<PhotoOwner> check_evidence_record(store::Tx& tx, const Principal& who, std::int64_t project_id,
                                         std::int64_t change_id, OwnerLock lock) {
    auto project = tx.get_project(who.scope, project_id);
    if (!project) return project.error();
    if (!*project) return Error::not_found("项目", "project");
    const PhotoOwner owner{PhotoOwnerKind::kStageChange, change_id};
    auto locked = lock_owner(tx, owner, lock);
    if (!locked) return locked.error();
    auto change = tx.get_stage_change(project_id, change_id);
    if (!change) return change.error();
    if (!*locked || !*change) return Error::not_found("项目变更记录", "history record");
    if (!domain::takes_evidence_photos(**change)) {
        return conflict_naming("change_id", "只有停缓建或恢复建设的记录可以附照片",
                               "only a pause (suspension) or restart (resumption) record takes evidence photos");
    }
    return owner;
}

Result<void> check_room(store::Tx& tx, const PhotoOwner& owner) {
    auto count = tx.count_photos(owner);
    if (!count) return count.error();
    if (*count < domain::kMaxPhotosPerOwner) return {};
    const std::string n = std::to_string(domain::kMaxPhotosPerOwner);
    if (owner.kind == PhotoOwnerKind::kReport) {
        return conflict_naming("photos", "每份月报最多 " + n + " 张照片", "a report has at most " + n + " photos");
    }
    return conflict_naming("photos", "每条停缓建或恢复记录最多 " + n + " 张照片",
                           "a pause or restart record has at most " + n + " photos");
}

}  // namespace sanpi::service
