// Site photos of monthly reports: uploads of JPEG and PNG as raw bodies, the photos in the
// report's answers, downloads with caching, deletion, and every refusal (each leaving the stored
// photos and the audit log as they were).
#include <map>

#include "photo_fixture.hpp"
#include "report_fixture.hpp"
#include "support/exif_segment.hpp"

namespace sanpi::testing {
namespace {

using domain::ImageType;
using store::PhotoOwnerKind;

class ReportPhotoTest : public ReportTest {
protected:
    static std::string photos_of(std::int64_t report) { return path(report) + "/photos"; }
    std::vector<store::PhotoRecord> photos(std::int64_t report) {
        return stored_photos(store(), {PhotoOwnerKind::kReport, report});
    }

    // Sends the upload as `client` and expects `status` naming `field`, with nothing stored.
    void expect_refused(HttpClient& client, std::int64_t report, std::string bytes, const std::string& type, int status,
                        const std::string& field, const std::string& what) {
        const auto before = photos(report).size();
        const auto seq = audit_seq(store());
        auto res = upload(client, photos_of(report), std::move(bytes), type);
        EXPECT_EQ(res.status, status) << what << ": " << res.body;
        if (!field.empty()) {
            EXPECT_TRUE(names(res, field)) << what << ": " << res.body;
        }
        EXPECT_EQ(photos(report).size(), before) << what;
        EXPECT_EQ(audit_seq(store()), seq) << what;
    }
};

TEST_P(ReportPhotoTest, JpegAndPngUploadAnswer201AndShowInTheReport) {
    const auto id = create();
    const auto seq = audit_seq(store());
    const auto image = jpeg(800, 600);
    auto res = upload(*zone_user(), photos_of(id), image, "image/jpeg");
    ASSERT_EQ(res.status, 201) << res.body;
    const auto photo = res.json().as_object();
    const auto photo_id = photo.at("id").as_int64();
    EXPECT_EQ(res.header("location"), "/api/v1/photos/" + std::to_string(photo_id));
    EXPECT_EQ(photo.at("report_id"), id);
    EXPECT_EQ(photo.at("project_id"), project_);
    EXPECT_TRUE(photo.at("change_id").is_null());
    EXPECT_EQ(photo.at("content_type"), "image/jpeg");
    EXPECT_EQ(photo.at("size"), static_cast<std::int64_t>(image.size()));
    EXPECT_EQ(photo.at("width"), 800);
    EXPECT_EQ(photo.at("height"), 600);
    EXPECT_EQ(photo.at("url").as_string(), "/api/v1/photos/" + std::to_string(photo_id));
    EXPECT_EQ(photo.at("thumbnail_url").as_string(), "/api/v1/photos/" + std::to_string(photo_id) + "/thumbnail");
    EXPECT_EQ(photo.at("created_at"), "2024-01-15T08:00:00+08:00");
    EXPECT_EQ(photo.at("created_by").at("name").as_string(), zone_.slug);
    EXPECT_EQ(photo.at("digest").as_string().size(), 64u);
    EXPECT_EQ(audit_seq(store()), seq + 1);  // the upload's audit entry

    // Over the general body limit of this server (64 KiB): upload routes have their own.
    const auto big = png(640, 480, 7);
    ASSERT_GT(big.size(), 64u * 1024);
    auto second = upload(*zone_user(), photos_of(id), big, "image/png");
    ASSERT_EQ(second.status, 201) << second.body;
    EXPECT_EQ(second.json().at("content_type"), "image/png");

    const auto list = zone_user()->get(photos_of(id));
    ASSERT_EQ(list.status, 200);
    EXPECT_EQ(list.json().at("items").as_array().size(), 2u);
    const auto report = city_user()->get(path(id)).json();
    ASSERT_EQ(report.at("photos").as_array().size(), 2u);
    EXPECT_EQ(report.at("photos").at(0), res.json());
    EXPECT_EQ(report.at("version"), 1);  // photos are not the report's content
}

TEST_P(ReportPhotoTest, DownloadsAreTheBytesWithStrongETagsAndCaching) {
    const auto id = create();
    const auto image = png(1000, 400);
    auto up = upload(*zone_user(), photos_of(id), image, "image/png");
    ASSERT_EQ(up.status, 201) << up.body;
    const std::string url(up.json().at("url").as_string());
    const std::string digest(up.json().at("digest").as_string());

    auto got = city_user()->get(url);
    ASSERT_EQ(got.status, 200);
    EXPECT_TRUE(got.body == image);
    EXPECT_EQ(got.header("content-type"), "image/png");
    EXPECT_EQ(got.header("etag"), "\"" + digest + "\"");
    EXPECT_EQ(got.header("cache-control"), "private, max-age=31536000, immutable");
    EXPECT_EQ(got.header("x-content-type-options"), "nosniff");
    auto again = city_user()->get(url, {{"If-None-Match", got.header("etag")}});
    EXPECT_EQ(again.status, 304);
    EXPECT_TRUE(again.body.empty());
    EXPECT_EQ(city_user()->get(url, {{"If-None-Match", "\"other\""}}).status, 200);

    auto thumb = city_user()->get(url + "/thumbnail");
    ASSERT_EQ(thumb.status, 200);
    EXPECT_EQ(thumb.header("content-type"), "image/jpeg");
    EXPECT_NE(thumb.header("etag"), got.header("etag"));
    auto facts = domain::check_photo(thumb.body, ImageType::kJpeg);
    ASSERT_TRUE(facts);
    EXPECT_EQ(facts->size, (domain::ImageSize{320, 128}));
    EXPECT_TRUE(service::gd_image_codec().thumbnail(*facts, thumb.body, facts->size, domain::Orientation::kUpright));  // it decodes
    EXPECT_EQ(city_user()->get(url + "/thumbnail", {{"If-None-Match", thumb.header("etag")}}).status, 304);
}

// A phone photo stored sideways with EXIF Orientation 6: its size and thumbnail are as seen, the
// way a browser shows the original, not as the sensor stored it.
TEST_P(ReportPhotoTest, SidewaysPhonePhotosAreMeasuredAndThumbnailedUpright) {
    const auto id = create();
    for (const bool little : {false, true}) {
        auto up = upload(*zone_user(), photos_of(id), with_exif_orientation(jpeg(800, 600), 6, little), "image/jpeg");
        ASSERT_EQ(up.status, 201) << up.body;
        const auto photo = up.json();
        EXPECT_EQ(photo.at("width"), 600);
        EXPECT_EQ(photo.at("height"), 800);
        auto thumb = zone_user()->get(std::string(photo.at("thumbnail_url").as_string()));
        ASSERT_EQ(thumb.status, 200);
        EXPECT_EQ(domain::header_size(ImageType::kJpeg, thumb.body), (domain::ImageSize{240, 320}));
    }
    auto flipped = upload(*zone_user(), photos_of(id), with_exif_orientation(jpeg(800, 600), 3), "image/jpeg");
    ASSERT_EQ(flipped.status, 201) << flipped.body;
    EXPECT_EQ(flipped.json().at("width"), 800);
    auto thumb = zone_user()->get(std::string(flipped.json().at("thumbnail_url").as_string()));
    EXPECT_EQ(domain::header_size(ImageType::kJpeg, thumb.body), (domain::ImageSize{320, 240}));
}

TEST_P(ReportPhotoTest, BadBytesAreRefusedNamingPhoto) {
    const auto id = create();
    auto zone = zone_user();
    const auto whole_png = png(300, 200), whole_jpeg = jpeg(300, 200);
    expect_refused(*zone, id, whole_jpeg, "image/png", 422, "photo", "JPEG bytes declared PNG");
    expect_refused(*zone, id, whole_png, "image/jpeg", 422, "photo", "PNG bytes declared JPEG");
    expect_refused(*zone, id, "just some text", "image/png", 422, "photo", "text declared PNG");
    expect_refused(*zone, id, "just some text", "text/plain", 415, "photo", "a text file");
    expect_refused(*zone, id, whole_png, "", 415, "photo", "no content type");
    expect_refused(*zone, id, "", "image/png", 422, "photo", "an empty body");
    expect_refused(*zone, id, whole_png.substr(0, whole_png.size() / 2), "image/png", 422, "photo", "truncated PNG");
    expect_refused(*zone, id, whole_jpeg.substr(0, whole_jpeg.size() / 2), "image/jpeg", 422, "photo",
                   "truncated JPEG");
    expect_refused(*zone, id, whole_png.substr(0, 30), "image/png", 422, "photo", "a PNG header alone");
    std::string garbage = whole_jpeg.substr(0, 200) + std::string(4000, '\x5a');
    expect_refused(*zone, id, garbage, "image/jpeg", 422, "photo", "a JPEG header and garbage");
    // A header claiming 100000 x 100000 pixels is refused before anything decodes it.
    std::string bomb = whole_png;
    bomb.replace(16, 8, std::string("\x00\x01\x86\xa0\x00\x01\x86\xa0", 8));
    expect_refused(*zone, id, bomb, "image/png", 422, "photo", "a decompression bomb");
}

TEST_P(ReportPhotoTest, OverFiveMegabytesIs413) {
    const auto id = create();
    const auto seq = audit_seq(store());
    // Exactly 5 MB passes the size limit (and is then refused for its bytes); one more byte does not.
    std::string five(domain::kMaxPhotoBytes, 'x');
    five.replace(0, 8, png().substr(0, 8));
    auto at_limit = upload(*zone_user(), photos_of(id), five, "image/png");
    EXPECT_EQ(at_limit.status, 422) << at_limit.body;
    auto over = upload(*zone_user(), photos_of(id), five + "x", "image/png");
    EXPECT_EQ(over.status, 413) << over.body;
    const std::string head = "POST " + photos_of(id) +
                             " HTTP/1.1\r\nHost: x\r\nContent-Type: image/png\r\nExpect: 100-continue\r\n"
                             "Content-Length: ";
    auto refused = send_raw(port(), head + std::to_string(domain::kMaxPhotoBytes + 1) + "\r\n\r\n");
    EXPECT_EQ(refused.rfind("HTTP/1.1 413", 0), 0u) << refused;  // refused before the body is sent
    // Other routes keep the server's general limit.
    auto json_route = zone_user()->request("POST", path(id) + "/submit", std::string(100 * 1024, ' '),
                                           {{"Content-Type", "application/json"}, {"If-Match", "\"1\""}});
    EXPECT_EQ(json_route.status, 413);
    EXPECT_TRUE(photos(id).empty());
    EXPECT_EQ(audit_seq(store()), seq);
}

TEST_P(ReportPhotoTest, TheTenthPhotoIs409) {
    const auto id = create();
    for (unsigned i = 0; i < 9; ++i) {
        auto res = upload(*zone_user(), photos_of(id), png(40, 30, i), "image/png");
        ASSERT_EQ(res.status, 201) << i << ": " << res.body;
    }
    expect_refused(*zone_user(), id, png(40, 30, 99), "image/png", 409, "photos", "a tenth photo");
    EXPECT_EQ(photos(id).size(), 9u);
}

TEST_P(ReportPhotoTest, OnlyEditableReportsTakeOrLosePhotos) {
    const auto id = create();
    auto up = upload(*zone_user(), photos_of(id), jpeg(), "image/jpeg");
    ASSERT_EQ(up.status, 201) << up.body;
    ASSERT_EQ(step(*zone_user(), id, "submit", 1).status, 200);
    expect_refused(*zone_user(), id, jpeg(), "image/jpeg", 409, "photos", "a submitted report");
    const auto seq = audit_seq(store());
    auto del = zone_user()->request("DELETE", std::string(up.json().at("url").as_string()));
    EXPECT_EQ(del.status, 409) << del.body;
    EXPECT_EQ(photos(id).size(), 1u);
    EXPECT_EQ(audit_seq(store()), seq);
    // Returned, the report is the zone's to change again.
    ASSERT_EQ(step(*city_user(), id, "return", 2, {{"reason", "照片不清晰"}}).status, 200);
    EXPECT_EQ(upload(*zone_user(), photos_of(id), png(), "image/png").status, 201);
}

TEST_P(ReportPhotoTest, RolesAndScope) {
    const auto id = create();
    expect_refused(*city_user(), id, jpeg(), "image/jpeg", 403, "", "a city user");
    expect_refused(*as("supervisor"), id, jpeg(), "image/jpeg", 403, "", "the supervisor");
    std::string other_zone;
    for (const auto& z : all_zones()) {
        if (z.id != zone_.id) other_zone = z.slug;
    }
    expect_refused(*as(other_zone), id, jpeg(), "image/jpeg", 404, "", "another zone");
    EXPECT_EQ(upload(*zone_user(), photos_of(999999999), jpeg(), "image/jpeg").status, 404);

    auto up = upload(*zone_user(), photos_of(id), jpeg(), "image/jpeg");
    ASSERT_EQ(up.status, 201) << up.body;
    const std::string url(up.json().at("url").as_string());
    EXPECT_EQ(as(other_zone)->get(url).status, 404);
    EXPECT_EQ(as(other_zone)->get(url + "/thumbnail").status, 404);
    EXPECT_EQ(as(other_zone)->get(photos_of(id)).status, 404);
    EXPECT_EQ(as(other_city_)->get(url).status, 404);
    EXPECT_EQ(as(other_zone)->request("DELETE", url).status, 404);
    EXPECT_EQ(city_user()->request("DELETE", url).status, 403);
    EXPECT_EQ(as("supervisor")->get(url).status, 200);
    EXPECT_EQ(anonymous()->get(url).status, 401);
}

TEST_P(ReportPhotoTest, DeleteRemovesThePhoto) {
    const auto id = create();
    auto up = upload(*zone_user(), photos_of(id), jpeg(), "image/jpeg");
    ASSERT_EQ(up.status, 201) << up.body;
    const std::string url(up.json().at("url").as_string());
    const auto seq = audit_seq(store());
    EXPECT_EQ(zone_user()->request("DELETE", url).status, 204);
    EXPECT_EQ(audit_seq(store()), seq + 1);
    EXPECT_EQ(zone_user()->get(url).status, 404);
    EXPECT_TRUE(photos(id).empty());
    EXPECT_EQ(zone_user()->request("DELETE", url).status, 404);
}

TEST_P(ReportPhotoTest, UploadsAndDeletionsStayInTheProjectsAudit) {
    const auto id = create();
    auto up = upload(*zone_user(), photos_of(id), jpeg(320, 240), "image/jpeg");
    ASSERT_EQ(up.status, 201) << up.body;
    const auto photo_id = std::to_string(up.json().at("id").as_int64());
    const std::string digest(up.json().at("digest").as_string());
    ASSERT_EQ(zone_user()->request("DELETE", std::string(up.json().at("url").as_string())).status, 204);

    auto res = city_user()->get("/api/v1/projects/" + std::to_string(project_) + "/audit?limit=2");
    ASSERT_EQ(res.status, 200) << res.body;
    const auto items = res.json().at("items").as_array();
    ASSERT_EQ(items.size(), 2u);
    const std::pair<const char*, const boost::json::value*> expected[] = {{"photo.delete", &items[0]},
                                                                          {"photo.upload", &items[1]}};
    for (const auto& [action, entry] : expected) {
        EXPECT_EQ(entry->at("action"), action);
        EXPECT_EQ(entry->at("entity_type"), "report");
        EXPECT_EQ(entry->at("entity_id"), id);
        std::map<std::string, std::string> changes;  // field -> the photo's side of it
        const char* side = action == std::string("photo.delete") ? "before" : "after";
        for (const auto& c : entry->at("changes").as_array()) {
            changes[std::string(c.at("field").as_string())] = std::string(c.at(side).as_string());
        }
        EXPECT_EQ(changes["photo_id"], photo_id) << action;
        EXPECT_EQ(changes["digest"], digest) << action;
        EXPECT_EQ(changes["content_type"], "image/jpeg") << action;
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportPhotoTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
