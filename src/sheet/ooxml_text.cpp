#include "sheet/ooxml_text.hpp"

#include <cstdint>
#include <cstring>
#include <optional>

namespace sanpi::sheet {

namespace {

constexpr std::size_t kEscapeLength = 7;  // _xHHHH_
constexpr char32_t kReplacement = 0xFFFD;

std::optional<std::uint32_t> escape_at(const std::string& text, std::size_t at) {
    if (at + kEscapeLength > text.size() || text[at] != '_' || text[at + 1] != 'x' || text[at + 6] != '_') {
        return std::nullopt;
    }
    std::uint32_t unit = 0;
    for (std::size_t i = at + 2; i < at + 6; ++i) {
        const char c = text[i];
        std::uint32_t digit = 0;
        if (c >= '0' && c <= '9') {
            digit = static_cast<std::uint32_t>(c - '0');
        } else if (c >= 'a' && c <= 'f') {
            digit = static_cast<std::uint32_t>(c - 'a' + 10);
        } else if (c >= 'A' && c <= 'F') {
            digit = static_cast<std::uint32_t>(c - 'A' + 10);
        } else {
            return std::nullopt;
        }
        unit = unit * 16 + digit;
    }
    return unit;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (c >> 18)));
        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

bool is_high_surrogate(std::uint32_t u) { return u >= 0xD800 && u <= 0xDBFF; }
bool is_low_surrogate(std::uint32_t u) { return u >= 0xDC00 && u <= 0xDFFF; }

}  // namespace

void decode_ooxml_escapes(std::string& text) {
    if (text.find("_x") == std::string::npos) return;
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto unit = escape_at(text, i);
        if (!unit) {
            out.push_back(text[i++]);
            continue;
        }
        i += kEscapeLength;
        char32_t c = *unit;
        if (is_high_surrogate(*unit)) {
            const auto low = escape_at(text, i);
            if (low && is_low_surrogate(*low)) {
                c = 0x10000 + ((*unit - 0xD800) << 10) + (*low - 0xDC00);
                i += kEscapeLength;
            } else {
                c = kReplacement;
            }
        } else if (is_low_surrogate(*unit)) {
            c = kReplacement;
        }
        append_utf8(out, c);
    }
    text.swap(out);
}

}  // namespace sanpi::sheet
