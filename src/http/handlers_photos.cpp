// Photos: uploads to a report or to a pause/restart record (raw JPEG or PNG bodies up to 5 MB,
// the only routes allowed past the general body limit), a report's photo list, downloads of the
// image and its thumbnail (cacheable, validated by ETag) and deletion.
#include "domain/photo.hpp"
#include "http/handlers.hpp"
#include "http/photo_codec.hpp"
#include "service/photo_service.hpp"

namespace sanpi::http {

namespace json = boost::json;

namespace {

// A photo's bytes never change under its URL (a new upload gets a new id), so a browser may
// keep them for a year; "private": only the caller's own cache, as who may see it is per user.
constexpr std::string_view kImmutable = "private, max-age=31536000, immutable";

// The declared type: image/jpeg or image/png, or application/octet-stream for "decide from the
// bytes". Anything else (or none) is 415 naming `photo`.
std::variant<service::PhotoUpload, Problem> read_upload(const Context& ctx) {
    const auto header = ctx.request.header("content-type");
    service::PhotoUpload upload{std::nullopt, ctx.request.body};
    if (header) upload.declared = domain::image_type_from_content_type(*header);
    const bool octets = header && header->substr(0, header->find(';')) == "application/octet-stream";
    if (upload.declared || octets) return upload;
    Problem p = protocol_problem(415, {"照片须以 image/jpeg 或 image/png 上传（请求体为图片本身）",
                                       "send the photo itself as the body, as image/jpeg or image/png"});
    p.fields.push_back({"photo", p.detail});
    return p;
}

Response created(const store::PhotoRecord& photo) {
    auto res = json_response(201, to_json(photo));
    res.set("Location", photo_url(photo.id));
    return res;
}

Response upload_report_photo(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto upload = read_upload(ctx);
    if (auto* p = problem_in(upload)) return fail(ctx, *p);
    auto photo = ctx.services.photos.add_to_report(ctx.who(), std::get<std::int64_t>(id),
                                                   std::get<service::PhotoUpload>(upload));
    if (!photo) return fail(ctx, photo.error());
    return created(*photo);
}

Response upload_evidence_photo(Context& ctx) {
    auto project = path_id(ctx, 0);
    if (auto* p = problem_in(project)) return fail(ctx, *p);
    auto change = path_id(ctx, 1);
    if (auto* p = problem_in(change)) return fail(ctx, *p);
    auto upload = read_upload(ctx);
    if (auto* p = problem_in(upload)) return fail(ctx, *p);
    auto photo = ctx.services.photos.add_to_stage_change(ctx.who(), std::get<std::int64_t>(project),
                                                         std::get<std::int64_t>(change),
                                                         std::get<service::PhotoUpload>(upload));
    if (!photo) return fail(ctx, photo.error());
    return created(*photo);
}

Response list_report_photos(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto photos = ctx.services.photos.of_report(ctx.who(), std::get<std::int64_t>(id));
    if (!photos) return fail(ctx, photos.error());
    return json_response(200, {{"items", photos_json(*photos)}});
}

Response download(Context& ctx, store::PhotoPart part) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    const auto if_none_match = ctx.request.header("if-none-match").value_or("");
    auto file = ctx.services.photos.download(ctx.who(), std::get<std::int64_t>(id), part, if_none_match);
    if (!file) return fail(ctx, file.error());
    Response res;
    res.status = file->not_modified ? 304 : 200;
    res.set("ETag", file->etag);
    res.set("Cache-Control", std::string(kImmutable));
    if (!file->not_modified) {
        res.set("Content-Type", file->content_type);
        res.body = std::move(file->bytes);
    }
    return res;
}

Response get_photo(Context& ctx) { return download(ctx, store::PhotoPart::kImage); }
Response get_thumbnail(Context& ctx) { return download(ctx, store::PhotoPart::kThumbnail); }

Response delete_photo(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    if (auto r = ctx.services.photos.remove(ctx.who(), std::get<std::int64_t>(id)); !r) return fail(ctx, r.error());
    Response res;
    res.status = 204;
    return res;
}

}  // namespace

void add_photo_routes(Router& router) {
    router.add_upload("POST", "/api/v1/reports/{id}/photos", upload_report_photo, domain::kMaxPhotoBytes);
    router.add("GET", "/api/v1/reports/{id}/photos", list_report_photos);
    router.add_upload("POST", "/api/v1/projects/{id}/history/{change_id}/photos", upload_evidence_photo,
                      domain::kMaxPhotoBytes);
    router.add("GET", "/api/v1/photos/{id}", get_photo);
    router.add("GET", "/api/v1/photos/{id}/thumbnail", get_thumbnail);
    router.add("DELETE", "/api/v1/photos/{id}", delete_photo);
}

}  // namespace sanpi::http
