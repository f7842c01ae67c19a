#include "report/text_width.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace sanpi::report {

namespace {

// Unicode's East Asian Wide and Fullwidth blocks (UAX #11), coarsely: what a CJK font draws double.
constexpr std::array<std::pair<char32_t, char32_t>, 10> kWideRanges{{
    {0x1100, 0x115F},    // Hangul Jamo initials
    {0x2E80, 0x303E},    // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
    {0x3041, 0x33FF},    // kana, bopomofo, Hangul compatibility, CJK compatibility
    {0x3400, 0x4DBF},    // CJK extension A
    {0x4E00, 0x9FFF},    // CJK unified ideographs
    {0xA000, 0xA4CF},    // Yi
    {0xAC00, 0xD7A3},    // Hangul syllables
    {0xF900, 0xFAFF},    // CJK compatibility ideographs
    {0xFE30, 0xFE4F},    // CJK compatibility forms
    {0x20000, 0x3FFFD},  // supplementary ideographic planes
}};

bool is_wide(char32_t c) {
    if (c < 0x1100) return false;                 // Latin, Greek, Cyrillic … : all narrow
    if (c >= 0xFF01 && c <= 0xFF60) return true;  // full-width forms
    if (c >= 0xFFE0 && c <= 0xFFE6) return true;  // full-width signs
    return std::any_of(kWideRanges.begin(), kWideRanges.end(),
                       [c](const auto& r) { return c >= r.first && c <= r.second; });
}

// The code point at `at` and its length in bytes; a byte that starts no valid sequence is read alone, as '?'.
std::pair<char32_t, std::size_t> decode(std::string_view s, std::size_t at) {
    const auto lead = static_cast<unsigned char>(s[at]);
    std::size_t length = 0;
    char32_t c = 0;
    if (lead < 0x80) return {lead, 1};
    if ((lead & 0xE0) == 0xC0) {
        length = 2;
        c = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        c = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        c = lead & 0x07;
    } else {
        return {U'?', 1};
    }
    if (at + length > s.size()) return {U'?', 1};
    for (std::size_t i = 1; i < length; ++i) {
        const auto next = static_cast<unsigned char>(s[at + i]);
        if ((next & 0xC0) != 0x80) return {U'?', 1};
        c = (c << 6) | (next & 0x3F);
    }
    return {c, length};
}

}  // namespace

std::size_t display_width(std::string_view utf8) {
    std::size_t widest = 0;
    std::size_t line = 0;
    for (std::size_t at = 0; at < utf8.size();) {
        const auto [c, length] = decode(utf8, at);
        at += length;
        if (c == U'\n') {
            widest = std::max(widest, line);
            line = 0;
        } else if (c >= 0x20) {
            line += is_wide(c) ? 2 : 1;
        }
    }
    return std::max(widest, line);
}

}  // namespace sanpi::report
