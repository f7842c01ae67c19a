#pragma once
// Site photos (形象进度照片) of a monthly report, and evidence photos of a pause or restart: the
// rules that need no I/O. What an upload is (JPEG or PNG) is decided from its bytes, never from
// its name or declared type; its size is read from the header before anything decodes it, so an
// image that would unpack into gigabytes (a decompression bomb) is refused unopened.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "domain/error.hpp"
#include "domain/project.hpp"

namespace sanpi::domain {

enum class ImageType { kJpeg, kPng };

inline constexpr std::size_t kMaxPhotoBytes = 5 * 1024 * 1024;
inline constexpr int kMaxPhotosPerOwner = 9;        // per report, and per pause or restart record
inline constexpr std::int64_t kMaxPhotoPixels = 40'000'000;
inline constexpr int kThumbnailLongestSide = 320;

// "image/jpeg", "image/png".
std::string_view content_type(ImageType type);
// The media type of a Content-Type header value (parameters ignored, case-insensitive); none for
// anything but image/jpeg (also image/jpg, image/pjpeg) and image/png.
std::optional<ImageType> image_type_from_content_type(std::string_view header);
// JPEG: FF D8 FF; PNG: the 8-byte signature. None for anything else.
std::optional<ImageType> sniff_image_type(std::string_view bytes);

struct ImageSize {
    std::int64_t width = 0;
    std::int64_t height = 0;
    bool operator==(const ImageSize&) const = default;
};

// The dimensions the header declares: PNG's IHDR, JPEG's first SOFn segment. None when the
// header is missing, cut short or declares a zero side.
std::optional<ImageSize> header_size(ImageType type, std::string_view bytes);

// The thumbnail's size: the longest side scaled to `longest` (never enlarged), the other in
// proportion, rounded, at least 1.
ImageSize thumbnail_size(ImageSize original, std::int64_t longest = kThumbnailLongestSide);

// What an upload must be before anything decodes it: not empty, at most kMaxPhotoBytes, JPEG or
// PNG by its bytes and, when a type is declared, that type; a readable header of at most
// kMaxPhotoPixels. kInvalidInput naming `photo` otherwise.
struct PhotoFacts {
    ImageType type = ImageType::kJpeg;
    ImageSize size;
};
Result<PhotoFacts> check_photo(std::string_view bytes, std::optional<ImageType> declared);

// The history records that take evidence photos: a pause (active -> suspended) or a restart
// (suspended -> active). Stage moves, corrections and cancellations do not.
bool takes_evidence_photos(const StageChange& change);

}  // namespace sanpi::domain
