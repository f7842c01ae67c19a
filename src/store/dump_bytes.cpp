#include "store/dump_bytes.hpp"

#include "store/transfer_rules.hpp"

namespace sanpi::store {
namespace {

constexpr std::string_view kDigits = "0123456789abcdef";

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::string hex_bytes(std::string_view bytes) {
    std::string out;
    out.reserve(2 + 2 * bytes.size());
    out += "\\x";
    for (char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        out += kDigits[b >> 4];
        out += kDigits[b & 0x0F];
    }
    return out;
}

std::optional<std::string> bytes_from_hex(std::string_view text) {
    if (text.size() < 2 || text.substr(0, 2) != "\\x" || text.size() % 2 != 0) return std::nullopt;
    std::string out;
    out.reserve((text.size() - 2) / 2);
    for (std::size_t i = 2; i < text.size(); i += 2) {
        const int hi = hex_value(text[i]), lo = hex_value(text[i + 1]);
        if (hi < 0 || lo < 0) return std::nullopt;
        out += static_cast<char>((hi << 4) | lo);
    }
    return out;
}

Error not_hex_bytes(std::string_view table, std::string_view column) {
    const std::string name = std::string(table) + "." + std::string(column);
    return import_refusal(name + " 的值不是以 \\x 开头的十六进制字节", name + " is not bytes written as \\x and hex digits");
}

}  // namespace sanpi::store
