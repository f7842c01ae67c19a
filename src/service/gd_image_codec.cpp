// ImageCodec over libgd. libgd reports libpng/libjpeg trouble through one process-wide error
// callback, and a truncated JPEG still "decodes" (libjpeg fills the rest with grey and only
// warns), so the callback records any message for the current thread and a decode that drew
// one is refused as corrupt.
#include <gd.h>

#include <algorithm>
#include <cstdarg>
#include <cstdint>
#include <memory>
#include <mutex>

#include "service/image_codec.hpp"

namespace sanpi::service {
namespace {

thread_local bool t_capturing = false;
thread_local bool t_complained = false;

void on_gd_message(int, const char*, va_list) {
    // Messages outside a capture (none today) are dropped rather than written to stderr.
    if (t_capturing) t_complained = true;
}

// Sets the callback once; libgd keeps it in a global.
void install_error_method() {
    static std::once_flag once;
    std::call_once(once, [] { gdSetErrorMethod(on_gd_message); });
}

// Records whether libgd complained while this object lived.
class Capture {
public:
    Capture() {
        install_error_method();
        t_capturing = true;
        t_complained = false;
    }
    ~Capture() { t_capturing = false; }
    Capture(const Capture&) = delete;
    Capture& operator=(const Capture&) = delete;
    bool complained() const { return t_complained; }
};

struct ImageDeleter {
    void operator()(gdImagePtr im) const noexcept { gdImageDestroy(im); }
};
using Image = std::unique_ptr<gdImage, ImageDeleter>;

Error corrupt() {
    return Error::invalid_field("photo", "照片无法解码（文件不完整或已损坏）",
                                "the photo cannot be decoded (truncated or corrupt)");
}

Image decode(domain::ImageType type, std::string_view bytes) {
    // libgd takes a non-const pointer but only reads.
    void* data = const_cast<char*>(bytes.data());
    const int size = static_cast<int>(bytes.size());
    return Image(type == domain::ImageType::kPng ? gdImageCreateFromPngPtr(size, data)
                                                 : gdImageCreateFromJpegPtrEx(size, data, 0));
}

Result<std::string> encode(const Image& image, domain::ImageType type) {
    int size = 0;
    void* out = type == domain::ImageType::kPng ? gdImagePngPtr(image.get(), &size)
                                                : gdImageJpegPtr(image.get(), &size, 80);
    if (out == nullptr || size <= 0) {
        if (out != nullptr) gdFree(out);
        return Error::internal("图片编码失败", "image encoding failed");
    }
    std::string bytes(static_cast<const char*>(out), static_cast<std::size_t>(size));
    gdFree(out);
    return bytes;
}

Image blank(domain::ImageSize size) {
    return Image(gdImageCreateTrueColor(static_cast<int>(size.width), static_cast<int>(size.height)));
}

class GdImageCodec final : public ImageCodec {
public:
    Result<std::string> thumbnail(const domain::PhotoFacts& facts, std::string_view bytes,
                                  domain::ImageSize upright, domain::Orientation orientation) const override {
        // Scaled as stored first, then turned: turning the small picture is the cheap order.
        const domain::ImageSize size = domain::upright_size(upright, orientation);
        Capture capture;
        Image source = decode(facts.type, bytes);
        if (!source || capture.complained()) return corrupt();
        if (gdImageSX(source.get()) != facts.size.width || gdImageSY(source.get()) != facts.size.height) {
            return corrupt();
        }
        Image thumb = blank(size);
        if (!thumb) return Error::internal("无法生成缩略图", "cannot allocate the thumbnail");
        // JPEG has no transparency: transparent PNG areas show white, as on paper.
        gdImageFilledRectangle(thumb.get(), 0, 0, static_cast<int>(size.width) - 1, static_cast<int>(size.height) - 1,
                               gdTrueColor(255, 255, 255));
        gdImageAlphaBlending(thumb.get(), 1);
        gdImageCopyResampled(thumb.get(), source.get(), 0, 0, 0, 0, static_cast<int>(size.width),
                             static_cast<int>(size.height), gdImageSX(source.get()), gdImageSY(source.get()));
        if (orientation == domain::Orientation::kUpright) return encode(thumb, domain::ImageType::kJpeg);
        Image turned = blank(upright);
        if (!turned) return Error::internal("无法生成缩略图", "cannot allocate the thumbnail");
        for (std::int64_t y = 0; y < upright.height; ++y) {
            for (std::int64_t x = 0; x < upright.width; ++x) {
                const auto from = domain::stored_pixel({x, y}, size, orientation);
                gdImageSetPixel(turned.get(), static_cast<int>(x), static_cast<int>(y),
                                gdImageGetTrueColorPixel(thumb.get(), static_cast<int>(from.x), static_cast<int>(from.y)));
            }
        }
        return encode(turned, domain::ImageType::kJpeg);
    }

    Result<std::string> synthetic(domain::ImageType type, domain::ImageSize size, unsigned seed) const override {
        Image image = blank(size);
        if (!image) return Error::internal("无法生成图片", "cannot allocate the image");
        const int w = static_cast<int>(size.width), h = static_cast<int>(size.height);
        // A gradient with grain, so it compresses about as badly as a real photo does.
        std::uint32_t noise = seed * 2654435761u + 1u;
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w; ++x) {
                noise = noise * 1664525u + 1013904223u;
                const auto grain = static_cast<int>(noise >> 27);  // 0..31
                const auto r = static_cast<int>((static_cast<unsigned>(x) * 200u / static_cast<unsigned>(w) + seed * 37u) % 224u);
                const auto g = static_cast<int>((static_cast<unsigned>(y) * 200u / static_cast<unsigned>(h) + seed * 91u) % 224u);
                gdImageSetPixel(image.get(), x, y, gdTrueColor(r + grain, g + grain, static_cast<int>((seed * 53u) % 224u) + grain));
            }
        }
        gdImageFilledRectangle(image.get(), 0, h / 3, w - 1, h / 3 + std::max(1, h / 10), gdTrueColor(250, 250, 250));
        return encode(image, type);
    }
};

}  // namespace

const ImageCodec& gd_image_codec() {
    static const GdImageCodec codec;
    return codec;
}

}  // namespace sanpi::service
