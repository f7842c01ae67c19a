#include "http/download.hpp"

namespace sanpi::http {
namespace {

bool plain_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
           c == '_';
}

// RFC 8187 attr-char: ALPHA DIGIT ! # $ & + - . ^ _ ` | ~; everything else percent-encoded.
bool attr_char(char c) { return plain_name_char(c) || std::string_view("!#$&+^`|~").find(c) != std::string_view::npos; }

}  // namespace

std::string content_disposition(bool attachment, std::string_view file_name) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string ascii, encoded;
    for (const char c : file_name) {
        if (plain_name_char(c)) {
            ascii += c;
        } else if (ascii.empty() || ascii.back() != '_') {
            ascii += '_';  // one for a run: a Chinese character is three bytes
        }
        if (attr_char(c)) {
            encoded += c;
        } else {
            const auto u = static_cast<unsigned char>(c);
            encoded += '%';
            encoded += kHex[u >> 4];
            encoded += kHex[u & 0x0f];
        }
    }
    return std::string(attachment ? "attachment" : "inline") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" +
           encoded;
}

}  // namespace sanpi::http
