#pragma once
// Photos: up to nine site photos (形象进度照片) per monthly report, added and removed while the
// report is still the zone's to change (draft or returned) by whoever may change it; and up to
// nine evidence photos per pause or restart record of a project's history, by a project writer.
// Anyone who can see the project can download a photo and its thumbnail.
//
// An upload is checked from its bytes (domain/photo.hpp), decoded and thumbnailed outside any
// transaction, then stored with its audit entry in one write that re-checks the owner under its
// row lock: a refusal at any step writes nothing.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"
#include "domain/photo.hpp"
#include "service/clock.hpp"
#include "service/image_codec.hpp"
#include "service/principal.hpp"
#include "store/store.hpp"

namespace sanpi::service {

struct PhotoUpload {
    std::optional<domain::ImageType> declared;  // the type the client said it sends, if any
    std::string_view bytes;
};

struct PhotoFile {
    store::PhotoRecord photo;
    std::string content_type;  // of `bytes`: the image's, or image/jpeg for a thumbnail
    std::string etag;          // strong, quoted: the image's digest (with a suffix for the thumbnail)
    bool not_modified = false; // the caller already holds this representation: `bytes` left empty
    std::string bytes;
};

class PhotoService {
public:
    PhotoService(store::Store& store, const Clock& clock, const ImageCodec& codec = gd_image_codec())
        : store_(store), clock_(clock), codec_(codec) {}

    // kForbidden for roles that may not change reports, kNotFound outside the scope, kConflict
    // when the report is past returned or already has nine photos (naming `photos`),
    // kInvalidInput naming `photo` for bytes that are not a sound JPEG or PNG.
    Result<store::PhotoRecord> add_to_report(const Principal& who, std::int64_t report_id, const PhotoUpload& upload);
    Result<std::vector<store::PhotoRecord>> of_report(const Principal& who, std::int64_t report_id);
    // The record must be a pause or restart of the project (else kConflict naming `change_id`).
    Result<store::PhotoRecord> add_to_stage_change(const Principal& who, std::int64_t project_id,
                                                   std::int64_t change_id, const PhotoUpload& upload);
    // A report's photo while the report may change, or an evidence photo, by who may add it.
    Result<void> remove(const Principal& who, std::int64_t photo_id);
    // `if_none_match`: the quoted ETags the client holds (an If-None-Match header), or empty.
    Result<PhotoFile> download(const Principal& who, std::int64_t photo_id, store::PhotoPart part,
                               std::string_view if_none_match = {});

private:
    // The prepared row: checks, digest, size, thumbnail; no store access.
    struct Prepared {
        store::PhotoRecord photo;
        std::string thumbnail;
    };
    Result<Prepared> prepare(const PhotoUpload& upload) const;
    Result<store::PhotoRecord> store_photo(const Principal& who, const store::PhotoOwner& owner, Prepared prepared,
                                           std::string_view bytes);

    store::Store& store_;
    const Clock& clock_;
    const ImageCodec& codec_;
};

// BLAKE2b-256 of the bytes as 64 lower-case hex digits: a photo's identity and strong ETag.
std::string photo_digest(std::string_view bytes);

// The ETag of a photo's representation: "<digest>" for the image, "<digest>-thumbnail" for its
// thumbnail (quoted, strong).
std::string photo_etag(const store::PhotoRecord& photo, store::PhotoPart part);

}  // namespace sanpi::service
