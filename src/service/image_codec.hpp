#pragma once
// Decoding uploaded photos and drawing their thumbnails: the one service-layer seam in front of
// the image library (libgd), so nothing else links it and a test may substitute it.
#include <string>
#include <string_view>

#include "domain/error.hpp"
#include "domain/photo.hpp"
#include "domain/photo_orientation.hpp"

namespace sanpi::service {

class ImageCodec {
public:
    virtual ~ImageCodec() = default;
    // Decodes the whole image that `facts` describes (domain::check_photo has passed) and draws a
    // JPEG of `size`, turned upright as `orientation` says (`size` is the upright size). A
    // truncated or corrupt image, or one whose pixels differ from its header's size, is
    // kInvalidInput naming `photo`; it never crashes the caller.
    virtual Result<std::string> thumbnail(const domain::PhotoFacts& facts, std::string_view bytes,
                                          domain::ImageSize size, domain::Orientation orientation) const = 0;
    // A synthetic picture of the given size (demo data and tests): a gradient with a band.
    virtual Result<std::string> synthetic(domain::ImageType type, domain::ImageSize size, unsigned seed) const = 0;
};

// The libgd implementation; stateless and safe to share between threads.
const ImageCodec& gd_image_codec();

}  // namespace sanpi::service
