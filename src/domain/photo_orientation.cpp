#include "domain/photo_orientation.hpp"

#include <optional>

#include "domain/field_checks.hpp"

namespace sanpi::domain {
namespace {

constexpr std::uint16_t kOrientationTag = 0x0112;
constexpr std::uint16_t kTypeShort = 3;

// A TIFF structure in one byte order; reads outside it give nothing.
class Tiff {
public:
    Tiff(std::string_view data, bool little) : data_(data), little_(little) {}

    std::optional<std::uint32_t> read(std::size_t at, std::size_t count) const {
        if (at > data_.size() || count > data_.size() - at) return std::nullopt;
        std::uint32_t v = 0;
        for (std::size_t i = 0; i < count; ++i) {
            const std::size_t index = little_ ? at + count - 1 - i : at + i;
            v = (v << 8) | byte_at(data_, index);
        }
        return v;
    }

private:
    std::string_view data_;
    bool little_;
};

// "Exif\0\0", then a TIFF header (II or MM, 42, offset of IFD0) and IFD0's 12-byte entries.
std::optional<Orientation> exif_orientation(std::string_view segment) {
    constexpr std::string_view kExif("Exif\0\0", 6);
    if (segment.substr(0, kExif.size()) != kExif) return std::nullopt;
    const std::string_view tiff_bytes = segment.substr(kExif.size());
    if (tiff_bytes.size() < 8) return std::nullopt;
    const std::string_view order = tiff_bytes.substr(0, 2);
    if (order != "II" && order != "MM") return std::nullopt;
    const Tiff tiff(tiff_bytes, order == "II");
    if (tiff.read(2, 2) != 42u) return std::nullopt;
    const auto ifd = tiff.read(4, 4);
    if (!ifd) return std::nullopt;
    const auto entries = tiff.read(*ifd, 2);
    if (!entries) return std::nullopt;
    for (std::uint32_t i = 0; i < *entries; ++i) {
        const std::size_t entry = *ifd + 2 + std::size_t{12} * i;
        const auto tag = tiff.read(entry, 2);
        if (!tag) return std::nullopt;
        if (*tag != kOrientationTag) continue;
        if (tiff.read(entry + 2, 2) != kTypeShort || tiff.read(entry + 4, 4) != 1u) return std::nullopt;
        const auto value = tiff.read(entry + 8, 2);
        if (!value || *value < 1 || *value > 8) return std::nullopt;
        return static_cast<Orientation>(*value);
    }
    return std::nullopt;
}

// The segments before the image data, as in photo.cpp's header reader: FF, fill FFs, marker, a
// length that counts itself.
std::optional<Orientation> jpeg_orientation(std::string_view bytes) {
    std::size_t pos = 2;  // after SOI
    while (pos < bytes.size()) {
        if (byte_at(bytes, pos) != 0xFF) return std::nullopt;
        while (pos < bytes.size() && byte_at(bytes, pos) == 0xFF) ++pos;
        if (pos >= bytes.size()) return std::nullopt;
        const unsigned marker = byte_at(bytes, pos++);
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) continue;
        if (marker == 0xD9 || marker == 0xDA) return std::nullopt;
        if (pos + 2 > bytes.size()) return std::nullopt;
        const std::size_t length = (byte_at(bytes, pos) << 8) | byte_at(bytes, pos + 1);
        if (length < 2 || pos + length > bytes.size()) return std::nullopt;
        if (marker == 0xE1) {
            if (auto found = exif_orientation(bytes.substr(pos + 2, length - 2))) return found;
        }
        pos += length;
    }
    return std::nullopt;
}

}  // namespace

Orientation photo_orientation(ImageType type, std::string_view bytes) {
    if (type != ImageType::kJpeg || sniff_image_type(bytes) != ImageType::kJpeg) return Orientation::kUpright;
    return jpeg_orientation(bytes).value_or(Orientation::kUpright);
}

bool swaps_sides(Orientation o) { return static_cast<int>(o) >= static_cast<int>(Orientation::kTransposed); }

ImageSize upright_size(ImageSize stored, Orientation o) {
    return swaps_sides(o) ? ImageSize{stored.height, stored.width} : stored;
}

PixelAt stored_pixel(PixelAt p, ImageSize stored, Orientation o) {
    const std::int64_t w = stored.width, h = stored.height;
    switch (o) {
        case Orientation::kUpright:
            return p;
        case Orientation::kMirrored:
            return {w - 1 - p.x, p.y};
        case Orientation::kUpsideDown:
            return {w - 1 - p.x, h - 1 - p.y};
        case Orientation::kMirroredUpsideDown:
            return {p.x, h - 1 - p.y};
        case Orientation::kTransposed:
            return {p.y, p.x};
        case Orientation::kTurnedRight:
            return {p.y, h - 1 - p.x};
        case Orientation::kTransversed:
            return {w - 1 - p.y, h - 1 - p.x};
        case Orientation::kTurnedLeft:
            return {w - 1 - p.y, p.x};
    }
    return p;
}

}  // namespace sanpi::domain
