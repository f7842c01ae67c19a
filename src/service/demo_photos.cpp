#include "service/demo_photos.hpp"

#include "domain/photo.hpp"
#include "service/image_codec.hpp"
#include "service/photo_service.hpp"

namespace sanpi::service::demo {
namespace {

constexpr std::int64_t kReportsWithPhotos = 3;
constexpr domain::ImageSize kSize{480, 360};

Result<store::PhotoRecord> synthetic_photo(domain::ImageType type, unsigned seed, std::string& bytes,
                                           std::string& thumbnail) {
    const auto& codec = gd_image_codec();
    auto image = codec.synthetic(type, kSize, seed);
    if (!image) return image.error();
    bytes = std::move(*image);
    auto thumb = codec.thumbnail({type, kSize}, bytes, domain::thumbnail_size(kSize), domain::Orientation::kUpright);
    if (!thumb) return thumb.error();
    thumbnail = std::move(*thumb);
    store::PhotoRecord p;
    p.content_type = std::string(domain::content_type(type));
    p.width = kSize.width;
    p.height = kSize.height;
    p.size = static_cast<std::int64_t>(bytes.size());
    p.digest = photo_digest(bytes);
    return p;
}

}  // namespace

Result<std::int64_t> load_photos(store::Tx& tx, store::Timestamp now) {
    store::ReportQuery q;
    q.limit = kReportsWithPhotos;
    auto reports = tx.list_progress_reports(domain::Scope::all(), q);
    if (!reports) return reports.error();
    std::int64_t added = 0;
    unsigned seed = 0;
    for (const auto& view : reports->items) {
        const auto& report = view.record.report;
        auto count = tx.count_photos({store::PhotoOwnerKind::kReport, report.id});
        if (!count) return count.error();
        if (*count > 0) continue;
        const auto type = ++seed % 2 == 0 ? domain::ImageType::kPng : domain::ImageType::kJpeg;
        std::string bytes, thumbnail;
        auto photo = synthetic_photo(type, seed, bytes, thumbnail);
        if (!photo) return photo.error();
        photo->project_id = report.project_id;
        photo->report_id = report.id;
        photo->created_by = view.record.created_by;
        photo->created_at = now;
        if (auto id = tx.insert_photo(*photo, bytes, thumbnail); !id) return id.error();
        ++added;
    }
    return added;
}

}  // namespace sanpi::service::demo
