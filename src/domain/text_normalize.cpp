#include "domain/text_normalize.hpp"

#include "domain/field_checks.hpp"

namespace sanpi::domain {
namespace {

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

// Full-width forms are three UTF-8 bytes: U+FF01..U+FF3F = EF BC 81..BF, U+FF40..U+FF5E = EF BD 80..9E.
char full_width_ascii_at(std::string_view s, std::size_t i) {
    if (i + 2 >= s.size()) {
        return 0;
    }
    const unsigned char b0 = byte_at(s, i), b1 = byte_at(s, i + 1), b2 = byte_at(s, i + 2);
    if (b0 == 0xE3 && b1 == 0x80 && b2 == 0x80) {
        return ' ';  // U+3000 ideographic space
    }
    if (b0 != 0xEF) {
        return 0;
    }
    if (b1 == 0xBC && b2 >= 0x81 && b2 <= 0xBF) {
        return static_cast<char>(b2 - 0x81 + 0x21);
    }
    if (b1 == 0xBD && b2 >= 0x80 && b2 <= 0x9E) {
        return static_cast<char>(b2 - 0x80 + 0x60);
    }
    return 0;
}

namespace {

// Length of the sequence a lead byte announces, or 0 for a byte that cannot start one.
std::size_t sequence_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) return 2;
    if (lead >= 0xE0 && lead <= 0xEF) return 3;
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    return 0;  // continuation bytes, C0/C1 (always overlong), F5..FF (beyond U+10FFFF)
}

// The second byte's range is what rules out overlongs, surrogates and code points past U+10FFFF.
bool second_byte_ok(unsigned char lead, unsigned char b) {
    switch (lead) {
        case 0xE0:
            return b >= 0xA0 && b <= 0xBF;
        case 0xED:
            return b >= 0x80 && b <= 0x9F;
        case 0xF0:
            return b >= 0x90 && b <= 0xBF;
        case 0xF4:
            return b >= 0x80 && b <= 0x8F;
        default:
            return b >= 0x80 && b <= 0xBF;
    }
}

}  // namespace

namespace {

template <typename Keep>
std::string fold_where(std::string_view utf8, Keep fold) {
    std::string out;
    out.reserve(utf8.size());
    // Most text has nothing to fold: the bytes between folds are copied a run at a time, and only
    // the lead bytes of the folded forms (E3 for U+3000, EF for U+FFxx) are looked at closely.
    std::size_t copied = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const unsigned char b = byte_at(utf8, i);
        if (b != 0xE3 && b != 0xEF) {
            ++i;
            continue;
        }
        if (const char c = full_width_ascii_at(utf8, i); c != 0 && fold(c)) {
            out.append(utf8, copied, i - copied);
            out.push_back(c);
            i += 3;
            copied = i;
        } else {
            ++i;
        }
    }
    out.append(utf8, copied, utf8.size() - copied);
    return out;
}

bool ascii_alnum_or_space(char c) {
    return c == ' ' || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

}  // namespace

std::string fold_full_width(std::string_view utf8) {
    return fold_where(utf8, [](char) { return true; });
}

std::string fold_full_width_alnum(std::string_view utf8) { return fold_where(utf8, ascii_alnum_or_space); }

std::string normalize_input(std::string_view utf8) {
    std::string folded = fold_full_width(utf8);
    std::size_t begin = 0, end = folded.size();
    while (begin < end && is_ascii_space(folded[begin])) ++begin;
    while (end > begin && is_ascii_space(folded[end - 1])) --end;
    return folded.substr(begin, end - begin);
}

bool is_valid_utf8(std::string_view bytes) {
    for (std::size_t i = 0; i < bytes.size();) {
        const unsigned char lead = byte_at(bytes, i);
        const std::size_t n = sequence_length(lead);
        if (n == 0 || i + n > bytes.size()) {
            return false;
        }
        if (n > 1 && !second_byte_ok(lead, byte_at(bytes, i + 1))) {
            return false;
        }
        for (std::size_t k = 2; k < n; ++k) {
            if ((byte_at(bytes, i + k) & 0xC0) != 0x80) {
                return false;
            }
        }
        i += n;
    }
    return true;
}

std::size_t utf8_length(std::string_view utf8) {
    std::size_t n = 0;
    for (const char c : utf8) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    }
    return n;
}

}  // namespace sanpi::domain
