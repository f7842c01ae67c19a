// Photos: the record with its image and thumbnail written at once, metadata reads without the
// bytes, the bytes on their own, and the owner's row lock that serialises uploads to one owner.
#include "store/sql/conditions.hpp"
#include "store/sql/photos_sql.hpp"
#include "store/sql/progress_reports_sql.hpp"
#include "store/sql/projects_sql.hpp"
#include "store/sql/sql_tx.hpp"
#include "store/sql/users_sql.hpp"

namespace sanpi::store::sql {

using namespace photos;

namespace {

PhotoRecord read_photo(const Statement& st) {
    Row row(st);
    PhotoRecord p;
    p.id = row.int64();
    p.project_id = row.int64();
    p.report_id = row.optional_int64();
    p.stage_change_id = row.optional_int64();
    p.content_type = row.text();
    p.width = row.int64();
    p.height = row.int64();
    p.size = row.int64();
    p.digest = row.text();
    p.created_by = row.optional_int64().value_or(0);
    p.created_by_name = row.optional_text().value_or("");
    p.created_at = row.int64();
    return p;
}

std::vector<PhotoRecord> read_photos(Statement& st) {
    std::vector<PhotoRecord> out;
    while (st.step()) out.push_back(read_photo(st));
    return out;
}

}  // namespace

Result<std::int64_t> SqlTx::insert_photo(const PhotoRecord& photo, std::string_view bytes,
                                         std::string_view thumbnail) {
    // User 0 is the system itself (demo loading): no account to refer to.
    const auto user = photo.created_by != 0 ? std::optional(photo.created_by) : std::nullopt;
    ForeignKeys refs{{"project_id", projects::kProjectExists, photo.project_id, "项目", "project"}};
    if (photo.report_id) refs.push_back({"report_id", reports::kReportExists, *photo.report_id, "月报", "report"});
    if (photo.stage_change_id) {
        refs.push_back({"stage_change_id", kStageChangeExists, *photo.stage_change_id, "项目变更记录", "history record"});
    }
    if (user) refs.push_back({"user_id", users::kUserExists, *user, "用户", "user"});
    return atomically(
        [&]() -> Result<std::int64_t> {
            auto q = conn_.prepare(kInsertPhoto);
            bind_all(*q, photo.project_id, photo.report_id, photo.stage_change_id, photo.content_type, Blob{bytes},
                     Blob{thumbnail}, photo.width, photo.height, photo.size, photo.digest, user, photo.created_at);
            return returned_id(*q);
        },
        refs);
}

Result<std::optional<PhotoRecord>> SqlTx::get_photo(const Scope& scope, std::int64_t id) {
    return guarded([&]() -> Result<std::optional<PhotoRecord>> {
        Conditions where;
        where.add("ph.id = ?", id);
        if (auto scoped = add_scope(where, scope, "p.zone_id", "z.region_code"); !scoped) return scoped.error();
        auto q = conn_.prepare(std::string(kPhotoColumns) + std::string(kPhotoScopeJoin) + where.where());
        where.bind(*q);
        if (!q->step()) return std::optional<PhotoRecord>();
        return std::optional<PhotoRecord>(read_photo(*q));
    });
}

Result<std::optional<std::string>> SqlTx::photo_bytes(std::int64_t id, PhotoPart part) {
    return guarded([&]() -> Result<std::optional<std::string>> {
        auto q = conn_.prepare(part == PhotoPart::kImage ? kPhotoImage : kPhotoThumbnail);
        bind_all(*q, id);
        if (!q->step()) return std::optional<std::string>();
        return std::optional<std::string>(q->blob_at(0));
    });
}

Result<std::vector<PhotoRecord>> SqlTx::list_photos(const PhotoOwner& owner) {
    return guarded([&]() -> Result<std::vector<PhotoRecord>> {
        const auto filter = owner.kind == PhotoOwnerKind::kReport ? kReportPhotos : kStageChangePhotos;
        auto q = conn_.prepare(std::string(kPhotoColumns) + std::string(filter));
        bind_all(*q, owner.id);
        return read_photos(*q);
    });
}

Result<std::vector<PhotoRecord>> SqlTx::list_stage_change_photos(std::int64_t project_id) {
    return guarded([&]() -> Result<std::vector<PhotoRecord>> {
        auto q = conn_.prepare(std::string(kPhotoColumns) + std::string(kProjectStageChangePhotos));
        bind_all(*q, project_id);
        return read_photos(*q);
    });
}

Result<bool> SqlTx::lock_photo_owner(const PhotoOwner& owner) {
    return guarded([&]() -> Result<bool> {
        auto q = conn_.prepare(owner.kind == PhotoOwnerKind::kReport ? kLockReport : kLockStageChange);
        bind_all(*q, owner.id);
        return q->step();
    });
}

Result<std::int64_t> SqlTx::count_photos(const PhotoOwner& owner) {
    return guarded([&]() -> Result<std::int64_t> {
        auto q = conn_.prepare(owner.kind == PhotoOwnerKind::kReport ? kCountReportPhotos : kCountStageChangePhotos);
        bind_all(*q, owner.id);
        if (!q->step()) return std::int64_t{0};
        return q->int64_at(0);
    });
}

Result<void> SqlTx::delete_photo(std::int64_t id) {
    return atomically([&]() -> Result<void> {
        auto q = conn_.prepare(kDeletePhoto);
        bind_all(*q, id);
        run(*q);
        if (q->rows_affected() == 0) return Error::not_found("照片", "photo");
        return {};
    });
}

}  // namespace sanpi::store::sql
