#pragma once
// A JPEG with an EXIF (APP1) segment carrying an Orientation tag, as phone cameras write them:
// "Exif\0\0", a TIFF header in either byte order, IFD0 with a tag before and after Orientation.
#include <cstdint>
#include <string>

namespace sanpi::testing {

class TiffWriter {
public:
    explicit TiffWriter(bool little) : little_(little) {}
    void put(std::uint32_t v, int count) {
        for (int i = 0; i < count; ++i) {
            const int shift = little_ ? 8 * i : 8 * (count - 1 - i);
            out_ += static_cast<char>((v >> shift) & 0xFF);
        }
    }
    // tag, type, count, and a value left-justified in the 4-byte field
    void entry(std::uint16_t tag, std::uint16_t type, std::uint32_t count, std::uint32_t value, int value_bytes) {
        put(tag, 2);
        put(type, 2);
        put(count, 4);
        put(value, value_bytes);
        for (int i = value_bytes; i < 4; ++i) out_ += '\0';
    }
    std::string bytes() const { return out_; }

private:
    bool little_;
    std::string out_;
};

// `jpeg` with the segment inserted after SOI; `orientation_type` 3 (SHORT) unless testing a bad one.
inline std::string with_exif_orientation(const std::string& jpeg, std::uint32_t orientation, bool little = false,
                                         std::uint16_t orientation_type = 3) {
    TiffWriter tiff(little);
    tiff.put(little ? 0x4949 : 0x4D4D, 2);  // "II" or "MM" read the same either way
    tiff.put(42, 2);
    tiff.put(8, 4);  // IFD0 right after the header
    tiff.put(3, 2);  // three entries
    tiff.entry(0x010F, 2, 4, 0x41424300, 4);  // Make: "ABC"
    tiff.entry(0x0112, orientation_type, 1, orientation, 2);
    tiff.entry(0x011A, 5, 1, 0, 4);  // XResolution (offset unused here)
    tiff.put(0, 4);                  // no next IFD
    const std::string payload = std::string("Exif\0\0", 6) + tiff.bytes();
    const std::size_t length = payload.size() + 2;
    std::string segment = "\xFF\xE1";
    segment += static_cast<char>(length >> 8);
    segment += static_cast<char>(length & 0xFF);
    return jpeg.substr(0, 2) + segment + payload + jpeg.substr(2);
}

}  // namespace sanpi::testing
