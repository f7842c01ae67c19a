#include "service/photo_service.hpp"

#include <sodium.h>

#include <array>

#include "service/audit_trail.hpp"
#include "service/photo_owner.hpp"
#include "store/transact.hpp"

namespace sanpi::service {

using store::PhotoOwner;
using store::PhotoOwnerKind;
using store::PhotoPart;
using store::PhotoRecord;
using store::Tx;

namespace {

// The audit entry's fields: what identifies the photo and its owner; never the bytes.
domain::FieldValues photo_audit_fields(const PhotoRecord& p) {
    domain::FieldValues out{{"project_id", std::to_string(p.project_id)},
                            {"content_type", p.content_type},
                            {"size", std::to_string(p.size)},
                            {"width", std::to_string(p.width)},
                            {"height", std::to_string(p.height)},
                            {"digest", p.digest}};
    if (p.report_id) out["report_id"] = std::to_string(*p.report_id);
    if (p.stage_change_id) out["stage_change_id"] = std::to_string(*p.stage_change_id);
    return out;
}

// Photo entries are kept on the photo's owner (its report, or the project for evidence), so the
// project's audit shows them, deletions included, after the photo row is gone.
AuditEvent photo_event(std::string_view action, const PhotoRecord& p, bool removed) {
    const bool on_report = p.report_id.has_value();
    auto fields = photo_audit_fields(p);
    fields["photo_id"] = std::to_string(p.id);
    return {std::string(action), on_report ? "report" : "project", on_report ? *p.report_id : p.project_id,
            removed ? domain::diff_fields(fields, {}) : domain::diff_fields({}, fields)};
}

Error photo_not_found() { return Error::not_found("照片", "photo"); }

// Whether an If-None-Match header names `etag` (or is "*"); weak tags compare by their opaque part.
bool matches(std::string_view header, std::string_view etag) {
    std::size_t pos = 0;
    while (pos < header.size()) {
        auto end = header.find(',', pos);
        if (end == std::string_view::npos) end = header.size();
        auto item = header.substr(pos, end - pos);
        const auto first = item.find_first_not_of(" \t");
        item = first == std::string_view::npos ? std::string_view() : item.substr(first);
        item = item.substr(0, item.find_last_not_of(" \t") + 1);
        if (item.substr(0, 2) == "W/") item.remove_prefix(2);
        if (item == "*" || item == etag) return true;
        pos = end + 1;
    }
    return false;
}

}  // namespace

std::string photo_digest(std::string_view bytes) {
    std::array<unsigned char, crypto_generichash_BYTES> hash{};
    crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                       nullptr, 0);
    std::array<char, crypto_generichash_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), hash.data(), hash.size());
    return std::string(hex.data(), hash.size() * 2);
}

std::string photo_etag(const PhotoRecord& photo, PhotoPart part) {
    return "\"" + photo.digest + (part == PhotoPart::kThumbnail ? "-thumbnail" : "") + "\"";
}

Result<PhotoService::Prepared> PhotoService::prepare(const PhotoUpload& upload) const {
    auto facts = domain::check_photo(upload.bytes, upload.declared);
    if (!facts) return facts.error();
    // Sizes are given as seen, the way a browser shows the original.
    const auto orientation = domain::photo_orientation(facts->type, upload.bytes);
    const auto upright = domain::upright_size(facts->size, orientation);
    auto thumbnail = codec_.thumbnail(*facts, upload.bytes, domain::thumbnail_size(upright), orientation);
    if (!thumbnail) return thumbnail.error();
    Prepared out;
    out.photo.content_type = std::string(domain::content_type(facts->type));
    out.photo.width = upright.width;
    out.photo.height = upright.height;
    out.photo.size = static_cast<std::int64_t>(upload.bytes.size());
    out.photo.digest = photo_digest(upload.bytes);
    out.thumbnail = std::move(*thumbnail);
    return out;
}

Result<PhotoRecord> PhotoService::store_photo(const Principal& who, const PhotoOwner& owner, Prepared prepared,
                                              std::string_view bytes) {
    return store::write_value<PhotoRecord>(store_, [&](Tx& tx) -> Result<PhotoRecord> {
        PhotoRecord photo = prepared.photo;
        if (owner.kind == PhotoOwnerKind::kReport) {
            auto project = check_editable_report(tx, who, owner.id, OwnerLock::kForUpdate);
            if (!project) return project.error();
            photo.project_id = *project;
            photo.report_id = owner.id;
        } else {
            auto locked = check_evidence_record(tx, who, photo.project_id, owner.id, OwnerLock::kForUpdate);
            if (!locked) return locked.error();
            photo.stage_change_id = owner.id;
        }
        if (auto room = check_room(tx, owner); !room) return room.error();
        photo.created_by = who.user.id;
        photo.created_at = clock_.now();
        auto id = tx.insert_photo(photo, bytes, prepared.thumbnail);
        if (!id) return id.error();
        photo.id = *id;
        if (auto r = AuditTrail(clock_).record(tx, Actor::of(who), photo_event("photo.upload", photo, false)); !r) {
            return r.error();
        }
        auto stored = tx.get_photo(who.scope, *id);
        if (!stored) return stored.error();
        if (!*stored) return Error::internal("照片写入后读取失败", "photo missing after insert");
        return std::move(**stored);
    });
}

// The cheap owner checks run first in a read, so a refused upload costs no decoding; the write
// checks them again under the owner's lock.
Result<PhotoRecord> PhotoService::add_to_report(const Principal& who, std::int64_t report_id,
                                                const PhotoUpload& upload) {
    if (auto r = require_photo_writer(who, PhotoOwnerKind::kReport); !r) return r.error();
    const PhotoOwner owner{PhotoOwnerKind::kReport, report_id};
    auto precheck = store_.read([&](Tx& tx) -> Result<void> {
        if (auto project = check_editable_report(tx, who, report_id, OwnerLock::kNone); !project)
            return project.error();
        return check_room(tx, owner);
    });
    if (!precheck) return precheck.error();
    auto prepared = prepare(upload);
    if (!prepared) return prepared.error();
    return store_photo(who, owner, std::move(*prepared), upload.bytes);
}

Result<PhotoRecord> PhotoService::add_to_stage_change(const Principal& who, std::int64_t project_id,
                                                      std::int64_t change_id, const PhotoUpload& upload) {
    if (auto r = require_photo_writer(who, PhotoOwnerKind::kStageChange); !r) return r.error();
    auto precheck = store_.read([&](Tx& tx) -> Result<void> {
        auto owner = check_evidence_record(tx, who, project_id, change_id, OwnerLock::kNone);
        if (!owner) return owner.error();
        return check_room(tx, *owner);
    });
    if (!precheck) return precheck.error();
    auto prepared = prepare(upload);
    if (!prepared) return prepared.error();
    prepared->photo.project_id = project_id;
    return store_photo(who, {PhotoOwnerKind::kStageChange, change_id}, std::move(*prepared), upload.bytes);
}

Result<std::vector<PhotoRecord>> PhotoService::of_report(const Principal& who, std::int64_t report_id) {
    return store::read_value<std::vector<PhotoRecord>>(store_, [&](Tx& tx) -> Result<std::vector<PhotoRecord>> {
        auto view = tx.get_progress_report(who.scope, report_id);
        if (!view) return view.error();
        if (!*view) return Error::not_found("月报", "progress report");
        return tx.list_photos({PhotoOwnerKind::kReport, report_id});
    });
}

Result<void> PhotoService::remove(const Principal& who, std::int64_t photo_id) {
    return store_.write([&](Tx& tx) -> Result<void> {
        auto found = tx.get_photo(who.scope, photo_id);
        if (!found) return found.error();
        if (!*found) return photo_not_found();
        const PhotoRecord& photo = **found;
        const auto kind = photo.report_id ? PhotoOwnerKind::kReport : PhotoOwnerKind::kStageChange;
        if (auto r = require_photo_writer(who, kind); !r) return r.error();
        if (photo.report_id) {
            auto project = check_editable_report(tx, who, *photo.report_id, OwnerLock::kForUpdate);
            if (!project) return project.error();
        } else if (auto owner = check_evidence_record(tx, who, photo.project_id, photo.stage_change_id.value_or(0),
                                                      OwnerLock::kForUpdate);
                   !owner) {
            return owner.error();
        }
        if (auto r = tx.delete_photo(photo_id); !r) return r.error();
        auto entry = AuditTrail(clock_).record(tx, Actor::of(who), photo_event("photo.delete", photo, true));
        if (!entry) return entry.error();
        return {};
    });
}

Result<PhotoFile> PhotoService::download(const Principal& who, std::int64_t photo_id, PhotoPart part,
                                         std::string_view if_none_match) {
    return store::read_value<PhotoFile>(store_, [&](Tx& tx) -> Result<PhotoFile> {
        auto found = tx.get_photo(who.scope, photo_id);
        if (!found) return found.error();
        if (!*found) return photo_not_found();
        PhotoFile file;
        file.photo = std::move(**found);
        file.etag = photo_etag(file.photo, part);
        file.content_type = part == PhotoPart::kImage ? file.photo.content_type : "image/jpeg";
        if (!if_none_match.empty() && matches(if_none_match, file.etag)) {
            file.not_modified = true;
            return file;
        }
        auto bytes = tx.photo_bytes(photo_id, part);
        if (!bytes) return bytes.error();
        if (!*bytes) return photo_not_found();
        file.bytes = std::move(**bytes);
        return file;
    });
}

}  // namespace sanpi::service
