#include "domain/photo_orientation.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "support/exif_segment.hpp"

namespace sanpi::domain {
namespace photo_orientation_test {

using sanpi::testing::with_exif_orientation;

// Enough of a JPEG for the segment walker: SOI, a frame header, the start of scan.
const std::string kJpeg = std::string("\xFF\xD8\xFF\xC0\x00\x0B\x08\x00\x02\x00\x03\x01\x01\x11\x00\xFF\xDA\x00\x02", 19);

TEST(PhotoOrientation, ReadsTheTagInEitherByteOrder) {
    for (std::uint32_t v = 1; v <= 8; ++v) {
        EXPECT_EQ(photo_orientation(ImageType::kJpeg, with_exif_orientation(kJpeg, v, false)), static_cast<Orientation>(v));
        EXPECT_EQ(photo_orientation(ImageType::kJpeg, with_exif_orientation(kJpeg, v, true)), static_cast<Orientation>(v));
    }
}

TEST(PhotoOrientation, IsUprightWithoutATrustworthyTag) {
    EXPECT_EQ(photo_orientation(ImageType::kJpeg, kJpeg), Orientation::kUpright);
    EXPECT_EQ(photo_orientation(ImageType::kJpeg, with_exif_orientation(kJpeg, 0)), Orientation::kUpright);
    EXPECT_EQ(photo_orientation(ImageType::kJpeg, with_exif_orientation(kJpeg, 9)), Orientation::kUpright);
    EXPECT_EQ(photo_orientation(ImageType::kJpeg, with_exif_orientation(kJpeg, 6, false, 4)), Orientation::kUpright)
        << "a LONG is not the tag's type";
    EXPECT_EQ(photo_orientation(ImageType::kPng, with_exif_orientation(kJpeg, 6)), Orientation::kUpright);
    // Every cut of a tagged file: never a read past the end, never a wrong answer but upright.
    const auto tagged = with_exif_orientation(kJpeg, 6);
    const auto segment_end = tagged.size() - kJpeg.size() + 2;
    for (std::size_t n = 0; n < segment_end; ++n) {
        EXPECT_EQ(photo_orientation(ImageType::kJpeg, tagged.substr(0, n)), Orientation::kUpright) << n;
    }
    // An IFD offset pointing outside the segment.
    auto far = tagged;
    far[2 + 2 + 2 + 6 + 4] = '\x7F';
    EXPECT_EQ(photo_orientation(ImageType::kJpeg, far), Orientation::kUpright);
}

TEST(PhotoOrientation, TurnedOrientationsSwapTheSides) {
    EXPECT_EQ(upright_size({4000, 3000}, Orientation::kUpright), (ImageSize{4000, 3000}));
    EXPECT_EQ(upright_size({4000, 3000}, Orientation::kUpsideDown), (ImageSize{4000, 3000}));
    for (auto o : {Orientation::kTransposed, Orientation::kTurnedRight, Orientation::kTransversed, Orientation::kTurnedLeft}) {
        EXPECT_EQ(upright_size({4000, 3000}, o), (ImageSize{3000, 4000}));
    }
}

// The stored picture, 3 wide and 2 high:   a b c
//                                          d e f
// and how each orientation shows it, row by row.
TEST(PhotoOrientation, EachUprightPixelComesFromTheRightStoredOne) {
    const std::vector<std::string> stored = {"abc", "def"};
    const std::vector<std::pair<Orientation, std::vector<std::string>>> shown = {
        {Orientation::kUpright, {"abc", "def"}},
        {Orientation::kMirrored, {"cba", "fed"}},
        {Orientation::kUpsideDown, {"fed", "cba"}},
        {Orientation::kMirroredUpsideDown, {"def", "abc"}},
        {Orientation::kTransposed, {"ad", "be", "cf"}},
        {Orientation::kTurnedRight, {"da", "eb", "fc"}},
        {Orientation::kTransversed, {"fc", "eb", "da"}},
        {Orientation::kTurnedLeft, {"cf", "be", "ad"}},
    };
    for (const auto& [o, rows] : shown) {
        const auto size = upright_size({3, 2}, o);
        ASSERT_EQ(static_cast<std::int64_t>(rows.size()), size.height);
        for (std::int64_t y = 0; y < size.height; ++y) {
            std::string row;
            for (std::int64_t x = 0; x < size.width; ++x) {
                const auto from = stored_pixel({x, y}, {3, 2}, o);
                row += stored[static_cast<std::size_t>(from.y)][static_cast<std::size_t>(from.x)];
            }
            EXPECT_EQ(row, rows[static_cast<std::size_t>(y)]) << "orientation " << static_cast<int>(o);
        }
    }
}

}  // namespace photo_orientation_test
}  // namespace sanpi::domain
