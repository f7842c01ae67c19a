#include "domain/photo.hpp"

#include <gtest/gtest.h>

#include <string>

namespace sanpi::domain {
namespace photo_test {

std::string bytes(std::initializer_list<unsigned> values) {
    std::string out;
    for (unsigned v : values) out += static_cast<char>(v);
    return out;
}

std::string be32(std::uint32_t v) { return bytes({v >> 24, (v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF}); }
std::string be16(std::uint32_t v) { return bytes({(v >> 8) & 0xFF, v & 0xFF}); }

const std::string kPngSig = bytes({0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

// The signature and an IHDR chunk (CRC not checked by the header reader).
std::string png_header(std::uint32_t w, std::uint32_t h) {
    return kPngSig + be32(13) + "IHDR" + be32(w) + be32(h) + bytes({8, 6, 0, 0, 0}) + be32(0);
}

// SOI, an APP0 segment, a DQT-like segment, then SOFn with the size.
std::string jpeg_header(std::uint32_t w, std::uint32_t h, unsigned sof = 0xC0) {
    std::string app0 = bytes({0xFF, 0xE0}) + be16(16) + "JFIF" + std::string(1, '\0') + std::string(9, '\1');
    std::string dht = bytes({0xFF, 0xC4}) + be16(4) + bytes({0, 0});
    std::string frame = bytes({0xFF, sof}) + be16(11) + bytes({8}) + be16(h) + be16(w) + bytes({1, 1, 0x11, 0});
    return bytes({0xFF, 0xD8}) + app0 + dht + bytes({0xFF}) + frame + bytes({0xFF, 0xDA}) + be16(2);
}

TEST(PhotoSniff, DecidesFromTheBytes) {
    EXPECT_EQ(sniff_image_type(png_header(10, 10)), ImageType::kPng);
    EXPECT_EQ(sniff_image_type(jpeg_header(10, 10)), ImageType::kJpeg);
    EXPECT_EQ(sniff_image_type("GIF89a......"), std::nullopt);
    EXPECT_EQ(sniff_image_type("hello, this is text"), std::nullopt);
    EXPECT_EQ(sniff_image_type(""), std::nullopt);
    EXPECT_EQ(sniff_image_type(kPngSig.substr(0, 7)), std::nullopt);
    EXPECT_EQ(sniff_image_type(bytes({0xFF, 0xD8})), std::nullopt);
}

TEST(PhotoContentType, ReadsTheMediaTypeOnly) {
    struct Case {
        std::string header;
        std::optional<ImageType> type;
    };
    const Case cases[] = {
        {"image/jpeg", ImageType::kJpeg},   {"IMAGE/JPEG", ImageType::kJpeg}, {"image/jpg", ImageType::kJpeg},
        {" image/png ; q=1", ImageType::kPng}, {"image/png", ImageType::kPng}, {"image/gif", std::nullopt},
        {"text/plain", std::nullopt},       {"", std::nullopt},               {"application/json", std::nullopt},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.header);
        EXPECT_EQ(image_type_from_content_type(c.header), c.type);
    }
    EXPECT_EQ(content_type(ImageType::kJpeg), "image/jpeg");
    EXPECT_EQ(content_type(ImageType::kPng), "image/png");
}

TEST(PhotoHeaderSize, ReadsPngIhdr) {
    EXPECT_EQ(header_size(ImageType::kPng, png_header(640, 480)), (ImageSize{640, 480}));
    EXPECT_EQ(header_size(ImageType::kPng, png_header(0x7FFFFFFF, 1)), (ImageSize{0x7FFFFFFF, 1}));
    EXPECT_EQ(header_size(ImageType::kPng, png_header(0, 480)), std::nullopt);
    EXPECT_EQ(header_size(ImageType::kPng, png_header(0x80000000u, 1)), std::nullopt);
    EXPECT_EQ(header_size(ImageType::kPng, png_header(640, 480).substr(0, 20)), std::nullopt);
    EXPECT_EQ(header_size(ImageType::kPng, kPngSig + be32(13) + "IDAT" + be32(1) + be32(1)), std::nullopt);
    EXPECT_EQ(header_size(ImageType::kJpeg, png_header(640, 480)), std::nullopt);
}

TEST(PhotoHeaderSize, WalksJpegSegmentsToTheFrame) {
    EXPECT_EQ(header_size(ImageType::kJpeg, jpeg_header(4032, 3024)), (ImageSize{4032, 3024}));
    EXPECT_EQ(header_size(ImageType::kJpeg, jpeg_header(100, 50, 0xC2)), (ImageSize{100, 50}));  // progressive
    EXPECT_EQ(header_size(ImageType::kJpeg, jpeg_header(65535, 65535)), (ImageSize{65535, 65535}));
    EXPECT_EQ(header_size(ImageType::kJpeg, jpeg_header(100, 0)), std::nullopt);  // height set later by DNL
    EXPECT_EQ(header_size(ImageType::kJpeg, jpeg_header(100, 50).substr(0, 40)), (ImageSize{100, 50}));
    const auto whole = jpeg_header(100, 50);
    for (std::size_t cut = 2; cut < 40; ++cut) {
        SCOPED_TRACE(cut);
        EXPECT_EQ(header_size(ImageType::kJpeg, whole.substr(0, cut)), std::nullopt);
    }
    // A scan before any frame, and garbage where a marker should be.
    EXPECT_EQ(header_size(ImageType::kJpeg, bytes({0xFF, 0xD8, 0xFF, 0xDA, 0, 2})), std::nullopt);
    EXPECT_EQ(header_size(ImageType::kJpeg, bytes({0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 1, 1, 0x12, 0x34})), std::nullopt);
    // A segment length shorter than its own length field.
    EXPECT_EQ(header_size(ImageType::kJpeg, bytes({0xFF, 0xD8, 0xFF, 0xE0, 0, 1, 0xFF, 0xC0})), std::nullopt);
}

TEST(PhotoThumbnail, ScalesTheLongestSide) {
    struct Case {
        ImageSize in;
        ImageSize out;
    };
    const Case cases[] = {
        {{4032, 3024}, {320, 240}}, {{3024, 4032}, {240, 320}}, {{640, 640}, {320, 320}},
        {{320, 100}, {320, 100}},   {{100, 50}, {100, 50}},     {{10000, 1}, {320, 1}},
        {{1000, 333}, {320, 107}},  {{1, 1}, {1, 1}},           {{65535, 65535}, {320, 320}},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(std::to_string(c.in.width) + "x" + std::to_string(c.in.height));
        EXPECT_EQ(thumbnail_size(c.in), c.out);
    }
}

TEST(PhotoCheck, AcceptsAnImageOfTheDeclaredType) {
    auto facts = check_photo(png_header(800, 600), ImageType::kPng);
    ASSERT_TRUE(facts);
    EXPECT_EQ(facts->type, ImageType::kPng);
    EXPECT_EQ(facts->size, (ImageSize{800, 600}));
    EXPECT_TRUE(check_photo(jpeg_header(800, 600), std::nullopt));
}

TEST(PhotoCheck, RefusesNamingPhoto) {
    const std::string too_big = png_header(10, 10) + std::string(kMaxPhotoBytes, 'x');
    const std::pair<std::string, std::optional<ImageType>> cases[] = {
        {"", ImageType::kPng},
        {"just some text", ImageType::kPng},
        {png_header(10, 10), ImageType::kJpeg},
        {jpeg_header(10, 10), ImageType::kPng},
        {png_header(10, 10).substr(0, 16), ImageType::kPng},
        {png_header(8000, 5001), ImageType::kPng},  // 40,008,000 pixels
        {jpeg_header(65535, 65535), ImageType::kJpeg},
        {too_big, ImageType::kPng},
    };
    for (const auto& [body, declared] : cases) {
        SCOPED_TRACE(body.substr(0, 20));
        auto r = check_photo(body, declared);
        ASSERT_FALSE(r);
        EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
        ASSERT_EQ(r.error().fields.size(), 1u);
        EXPECT_EQ(r.error().fields[0].field, "photo");
    }
    EXPECT_TRUE(check_photo(png_header(8000, 5000), ImageType::kPng));  // exactly 40 megapixels
}

TEST(PhotoEvidence, OnlyPausesAndRestarts) {
    auto change = [](ProjectStatus from, ProjectStatus to, Stage from_stage = Stage::kStarted,
                     Stage to_stage = Stage::kStarted) {
        StageChange c;
        c.from_status = from;
        c.to_status = to;
        c.from_stage = from_stage;
        c.to_stage = to_stage;
        return c;
    };
    using S = ProjectStatus;
    EXPECT_TRUE(takes_evidence_photos(change(S::kActive, S::kSuspended)));
    EXPECT_TRUE(takes_evidence_photos(change(S::kSuspended, S::kActive)));
    EXPECT_FALSE(takes_evidence_photos(change(S::kActive, S::kCancelled)));
    EXPECT_FALSE(takes_evidence_photos(change(S::kSuspended, S::kCancelled)));
    EXPECT_FALSE(takes_evidence_photos(change(S::kActive, S::kActive, Stage::kSigned, Stage::kStarted)));
}

}  // namespace photo_test
}  // namespace sanpi::domain
