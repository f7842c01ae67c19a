#pragma once
// Which way up a photo is meant to be seen. Phone cameras store the sensor's pixels as they came
// and record the turn in the EXIF Orientation tag (TIFF tag 0x0112); browsers apply it when they
// show the original, so a thumbnail drawn from the raw pixels would lie on its side beside it.
#include <cstdint>
#include <string_view>

#include "domain/photo.hpp"

namespace sanpi::domain {

// The eight EXIF values: how the stored pixels must be turned or mirrored to be seen upright.
enum class Orientation : std::uint8_t {
    kUpright = 1,
    kMirrored = 2,           // flip left-right
    kUpsideDown = 3,         // rotate 180°
    kMirroredUpsideDown = 4, // flip top-bottom
    kTransposed = 5,         // mirror across the top-left to bottom-right diagonal
    kTurnedRight = 6,        // rotate 90° clockwise to view
    kTransversed = 7,        // mirror across the other diagonal
    kTurnedLeft = 8,         // rotate 90° counter-clockwise to view
};

// The Orientation tag of a JPEG's first EXIF (APP1) segment before the image data; kUpright when
// there is none, or when it is cut short, malformed or out of range (a photo is never refused for
// its metadata). PNG carries none that cameras use: kUpright.
Orientation photo_orientation(ImageType type, std::string_view bytes);

// True for the four orientations that swap width and height.
bool swaps_sides(Orientation o);

// The size as seen: the stored size with the sides swapped when the orientation turns it.
ImageSize upright_size(ImageSize stored, Orientation o);

struct PixelAt {
    std::int64_t x = 0;
    std::int64_t y = 0;
    bool operator==(const PixelAt&) const = default;
};

// For a pixel (x, y) of the upright picture, the stored pixel it shows; `stored` is the stored
// picture's size.
PixelAt stored_pixel(PixelAt upright, ImageSize stored, Orientation o);

}  // namespace sanpi::domain
