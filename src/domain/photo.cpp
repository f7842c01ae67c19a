#include "domain/photo.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "domain/field_checks.hpp"

namespace sanpi::domain {
namespace {

constexpr std::array<unsigned char, 8> kPngSignature{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

std::uint32_t big_endian(std::string_view bytes, std::size_t at, std::size_t count) {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < count; ++i) v = (v << 8) | byte_at(bytes, at + i);
    return v;
}

std::optional<ImageSize> png_size(std::string_view bytes) {
    // Signature (8), then the first chunk, which must be IHDR: length 13, "IHDR", width, height.
    if (bytes.size() < 24 || big_endian(bytes, 8, 4) != 13 || bytes.substr(12, 4) != "IHDR") return std::nullopt;
    const std::uint32_t w = big_endian(bytes, 16, 4), h = big_endian(bytes, 20, 4);
    // The PNG specification bounds both sides by 2^31 - 1.
    if (w == 0 || h == 0 || w > 0x7FFFFFFFu || h > 0x7FFFFFFFu) return std::nullopt;
    return ImageSize{w, h};
}

// Start-of-frame markers C0..CF, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
bool is_start_of_frame(unsigned marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

// Walks the marker segments up to the first start of frame: FF, fill FFs, the marker, then (for
// all but the standalone markers) a two-byte length that counts itself.
std::optional<ImageSize> jpeg_size(std::string_view bytes) {
    std::size_t pos = 2;  // after SOI
    while (pos < bytes.size()) {
        if (byte_at(bytes, pos) != 0xFF) return std::nullopt;
        while (pos < bytes.size() && byte_at(bytes, pos) == 0xFF) ++pos;
        if (pos >= bytes.size()) return std::nullopt;
        const unsigned marker = byte_at(bytes, pos++);
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) continue;  // standalone
        if (marker == 0xD9 || marker == 0xDA) return std::nullopt;            // EOI or scan before a frame
        if (pos + 2 > bytes.size()) return std::nullopt;
        const std::size_t length = big_endian(bytes, pos, 2);
        if (length < 2 || pos + length > bytes.size()) return std::nullopt;
        if (is_start_of_frame(marker)) {
            // precision (1), height (2), width (2); a zero height would be set later by DNL: refused.
            if (length < 7) return std::nullopt;
            const std::uint32_t h = big_endian(bytes, pos + 3, 2), w = big_endian(bytes, pos + 5, 2);
            if (w == 0 || h == 0) return std::nullopt;
            return ImageSize{w, h};
        }
        pos += length;
    }
    return std::nullopt;
}

std::string lower_media_type(std::string_view header) {
    header = header.substr(0, header.find(';'));
    const auto first = header.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    header = header.substr(first, header.find_last_not_of(" \t") - first + 1);
    std::string out(header);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

Error photo_error(std::string zh, std::string en) { return Error::invalid_field("photo", std::move(zh), std::move(en)); }

}  // namespace

std::string_view content_type(ImageType type) { return type == ImageType::kJpeg ? "image/jpeg" : "image/png"; }

std::optional<ImageType> image_type_from_content_type(std::string_view header) {
    const auto media = lower_media_type(header);
    if (media == "image/jpeg" || media == "image/jpg" || media == "image/pjpeg") return ImageType::kJpeg;
    if (media == "image/png") return ImageType::kPng;
    return std::nullopt;
}

std::optional<ImageType> sniff_image_type(std::string_view bytes) {
    if (bytes.size() >= 3 && byte_at(bytes, 0) == 0xFF && byte_at(bytes, 1) == 0xD8 && byte_at(bytes, 2) == 0xFF) {
        return ImageType::kJpeg;
    }
    if (bytes.size() >= kPngSignature.size() &&
        std::equal(kPngSignature.begin(), kPngSignature.end(), bytes.begin(),
                   [](unsigned char a, char b) { return a == static_cast<unsigned char>(b); })) {
        return ImageType::kPng;
    }
    return std::nullopt;
}

std::optional<ImageSize> header_size(ImageType type, std::string_view bytes) {
    if (sniff_image_type(bytes) != type) return std::nullopt;
    return type == ImageType::kPng ? png_size(bytes) : jpeg_size(bytes);
}

ImageSize thumbnail_size(ImageSize original, std::int64_t longest) {
    const std::int64_t side = std::max(original.width, original.height);
    if (side <= longest || side <= 0) return original;
    // Rounded to nearest: (a * longest + side / 2) / side, in 64 bits (sides fit in 31).
    auto scaled = [&](std::int64_t v) { return std::max<std::int64_t>(1, (v * longest + side / 2) / side); };
    return {scaled(original.width), scaled(original.height)};
}

Result<PhotoFacts> check_photo(std::string_view bytes, std::optional<ImageType> declared) {
    if (bytes.empty()) return photo_error("照片内容为空", "the photo is empty");
    if (bytes.size() > kMaxPhotoBytes) {
        return photo_error("照片不能超过 5 MB", "a photo must not be larger than 5 MB");
    }
    const auto type = sniff_image_type(bytes);
    if (!type) return photo_error("照片须为 JPEG 或 PNG 图片", "the photo must be a JPEG or PNG image");
    if (declared && *declared != *type) {
        const std::string actual(content_type(*type)), said(content_type(*declared));
        return photo_error("文件内容是 " + actual + "，与声明的类型 " + said + " 不符",
                           "the bytes are " + actual + ", not the declared " + said);
    }
    const auto size = header_size(*type, bytes);
    if (!size) return photo_error("照片文件不完整或已损坏", "the photo is truncated or corrupt");
    if (size->width * size->height > kMaxPhotoPixels) {
        return photo_error("照片像素过多（不能超过 4000 万像素）", "the photo has too many pixels (at most 40 megapixels)");
    }
    return PhotoFacts{*type, *size};
}

bool takes_evidence_photos(const StageChange& change) {
    const bool pause = change.from_status == ProjectStatus::kActive && change.to_status == ProjectStatus::kSuspended;
    const bool restart = change.from_status == ProjectStatus::kSuspended && change.to_status == ProjectStatus::kActive;
    return pause || restart;
}

}  // namespace sanpi::domain
