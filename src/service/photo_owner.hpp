#pragma once
// Who may add or remove a photo of an owner, and whether the owner takes one now: the checks a
// photo write makes inside its transaction. In a write, each check locks the owner's row first
// (OwnerLock::kForUpdate), so its answer (and the photo count after it) holds until the
// transaction ends; a read-only pre-check passes kNone.
#include <cstdint>

#include "domain/error.hpp"
#include "service/principal.hpp"
#include "store/store.hpp"

namespace sanpi::service {

enum class OwnerLock { kNone, kForUpdate };

// The caller's role may change photos of this kind of owner (kForbidden otherwise): reports as
// their writers, history records as project writers.
Result<void> require_photo_writer(const Principal& who, store::PhotoOwnerKind kind);

// The report is inside the caller's scope (kNotFound) and still a draft or returned (kConflict
// naming `photos`). Returns its project's id.
Result<std::int64_t> check_editable_report(store::Tx& tx, const Principal& who, std::int64_t report_id, OwnerLock lock);

// The project is inside the caller's scope and `change_id` one of its history records
// (kNotFound), a pause or a restart (kConflict naming `change_id`).
Result<store::PhotoOwner> check_evidence_record(store::Tx& tx, const Principal& who, std::int64_t project_id,
                                                std::int64_t change_id, OwnerLock lock);

// Fewer than domain::kMaxPhotosPerOwner photos so far (kConflict naming `photos`).
Result<void> check_room(store::Tx& tx, const store::PhotoOwner& owner);

}  // namespace sanpi::service
