#include "http/project_cursor.hpp"

#include <array>
#include <charconv>
#include <cstdint>
#include <vector>

#include "domain/stage.hpp"
#include "domain/text_normalize.hpp"

namespace sanpi::http {
namespace {

constexpr char kSep = '\x1f';
constexpr std::string_view kVersion = "1";
constexpr std::size_t kMaxCursorBytes = 2048;
constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// FNV-1a, 64 bits: a checksum, not a secret (see the header).
std::uint64_t fnv1a(std::string_view bytes) {
    std::uint64_t h = 14695981039346656037ULL;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}

std::string hex(std::uint64_t v) {
    std::array<char, 16> out{};
    for (int i = 15; i >= 0; --i) {
        out[static_cast<std::size_t>(i)] = "0123456789abcdef"[v & 0xF];
        v >>= 4;
    }
    return {out.data(), out.size()};
}

std::string base64url(std::string_view bytes) {
    std::string out;
    std::uint32_t acc = 0;
    int bits = 0;
    for (unsigned char c : bytes) {
        acc = (acc << 8) | c;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out += kAlphabet[(acc >> bits) & 0x3F];
        }
    }
    if (bits > 0) out += kAlphabet[(acc << (6 - bits)) & 0x3F];
    return out;
}

std::optional<std::string> from_base64url(std::string_view text) {
    std::string out;
    std::uint32_t acc = 0;
    int bits = 0;
    for (char c : text) {
        const auto pos = kAlphabet.find(c);
        if (pos == std::string_view::npos) return std::nullopt;
        acc = (acc << 6) | static_cast<std::uint32_t>(pos);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((acc >> bits) & 0xFF);
        }
    }
    // Leftover bits are what encoding padded with: zeros, fewer than a byte.
    if (bits >= 6 || (acc & ((1U << bits) - 1)) != 0) return std::nullopt;
    return out;
}

// Every filter, the sort and the direction, so a cursor read under other ones is recognised.
std::string fingerprint(const store::ProjectQuery& q) {
    std::string s;
    auto field = [&](std::string_view name, const std::optional<std::string>& v) {
        s += name;
        s += v ? "=" + *v : "-";
        s += kSep;
    };
    field("city", q.city_code);
    field("zone", q.zone_id ? std::optional(std::to_string(*q.zone_id)) : std::nullopt);
    field("industry", q.industry_code);
    field("stage", q.stage ? std::optional(std::string(domain::to_string(*q.stage))) : std::nullopt);
    field("status", q.status ? std::optional(std::string(domain::to_string(*q.status))) : std::nullopt);
    field("q", q.text);
    field("national_code", q.national_code);
    field("sort", std::to_string(static_cast<int>(q.sort)));
    field("order", std::string(q.descending ? "desc" : "asc"));
    return hex(fnv1a(s));
}

std::string with_checksum(std::string body) {
    const auto sum = hex(fnv1a("sanpi project list cursor" + body));
    return body + kSep + sum;
}

std::optional<std::int64_t> whole_number(std::string_view s) {
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return n;
}

std::vector<std::string_view> split(std::string_view s, std::size_t max_parts) {
    std::vector<std::string_view> parts;
    while (parts.size() + 1 < max_parts) {
        const auto at = s.find(kSep);
        if (at == std::string_view::npos) break;
        parts.push_back(s.substr(0, at));
        s.remove_prefix(at + 1);
    }
    parts.push_back(s);
    return parts;
}

}  // namespace

std::string encode_project_cursor(const store::ProjectQuery& q, const store::ListPosition& at) {
    std::string body = std::string(kVersion) + kSep + fingerprint(q) + kSep + std::to_string(at.id) + kSep;
    if (const auto* n = std::get_if<std::int64_t>(&at.value)) {
        body += "i" + std::to_string(*n);
    } else if (const auto* t = std::get_if<std::string>(&at.value)) {
        body += "t" + *t;
    } else {
        body += "n";
    }
    return base64url(with_checksum(std::move(body)));
}

std::optional<store::ListPosition> decode_project_cursor(std::string_view cursor, const store::ProjectQuery& q) {
    if (cursor.empty() || cursor.size() > kMaxCursorBytes) return std::nullopt;
    auto bytes = from_base64url(cursor);
    if (!bytes) return std::nullopt;
    const auto last = bytes->rfind(kSep);
    if (last == std::string::npos || with_checksum(bytes->substr(0, last)) != *bytes) return std::nullopt;
    const auto parts = split(std::string_view(*bytes).substr(0, last), 4);
    if (parts.size() != 4 || parts[0] != kVersion || parts[1] != fingerprint(q)) return std::nullopt;
    auto id = whole_number(parts[2]);
    if (!id || *id <= 0 || parts[3].empty()) return std::nullopt;
    store::ListPosition at{std::monostate{}, *id};
    const auto value = parts[3].substr(1);
    switch (parts[3][0]) {
        case 'n':
            if (!value.empty()) return std::nullopt;
            break;
        case 'i': {
            auto n = whole_number(value);
            if (!n) return std::nullopt;
            at.value = *n;
            break;
        }
        case 't':
            if (!domain::is_valid_utf8(value)) return std::nullopt;
            at.value = std::string(value);
            break;
        default:
            return std::nullopt;
    }
    return at;
}

}  // namespace sanpi::http
