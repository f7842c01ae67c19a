#include "service/import_text.hpp"

#include <algorithm>
#include <array>

#include "domain/text_normalize.hpp"

namespace sanpi::service {
namespace {

bool ascii_word_char(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == ',';
}

bool blank(char c) { return c == ' ' || c == '\r' || c == '\n' || c == '\t'; }

// The bytes a scan must stop at: blanks, and the lead bytes of U+3000 and of the full-width forms.
constexpr std::array<bool, 256> kStops = [] {
    std::array<bool, 256> stops{};
    for (const unsigned char b : {' ', '\r', '\n', '\t', '\xE3', '\xEF'}) stops[b] = true;
    return stops;
}();
bool stop_at(char c) { return kStops[static_cast<unsigned char>(c)]; }

bool ascii_alnum_or_space(char c) {
    return c == ' ' || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// Line breaks and tabs removed; runs of spaces collapsed, kept only between ASCII word characters.
// Every cell of every imported row goes through this or raw_key, some several times: each is one
// pass and at most one allocation (folding, then collapsing, took two passes and three strings),
// and the text between blanks and folded forms, most of it, is copied a run at a time.
template <typename Fold>
std::string collapsed(std::string_view text, Fold fold) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    std::size_t run = 0;
    const auto flush = [&](std::size_t end) {
        if (end == run) return;
        if (pending_space && ascii_word_char(out.back()) && ascii_word_char(text[run])) out += ' ';
        pending_space = false;
        out.append(text, run, end - run);
    };
    for (std::size_t i = 0; i < text.size();) {
        char c = text[i];
        if (!stop_at(c)) {
            ++i;
            continue;
        }
        std::size_t width = 1;
        if (c == '\xE3' || c == '\xEF') {
            const char folded = domain::full_width_ascii_at(text, i);
            if (folded == 0 || !fold(folded)) {
                ++i;
                continue;
            }
            c = folded;
            width = 3;
        }
        flush(i);
        if (c == ' ') {
            pending_space = !out.empty();
        } else if (!blank(c)) {
            if (pending_space && ascii_word_char(out.back()) && ascii_word_char(c)) out += ' ';
            pending_space = false;
            out += c;
        }
        i += width;
        run = i;
    }
    flush(text.size());
    return out;
}

constexpr auto kFoldAll = [](char) { return true; };

// match_key's characters before its trailing ":" is dropped: blanks gone, ASCII lower-cased,
// leading "*" skipped. Stops once `limit` characters are out.
std::string raw_key(std::string_view text, std::size_t limit) {
    std::string out(std::min(text.size(), limit), '\0');
    std::size_t n = 0;
    for (std::size_t i = 0; i < text.size() && n < out.size();) {
        char c = text[i++];
        if (stop_at(c)) {
            if (c == '\xE3' || c == '\xEF') {
                if (const char folded = domain::full_width_ascii_at(text, i - 1); folded != 0) {
                    c = folded;
                    i += 2;
                }
            }
            if (blank(c)) continue;
        }
        if (c == '*' && n == 0) continue;
        out[n++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    out.resize(n);
    return out;
}

}  // namespace

std::string clean_cell_text(std::string_view text) { return collapsed(text, kFoldAll); }

std::string tidy_cell_text(std::string_view text) { return collapsed(text, ascii_alnum_or_space); }

bool is_blank_cell_text(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (blank(text[i])) continue;
        if (domain::full_width_ascii_at(text, i) != ' ') return false;
        i += 2;  // U+3000
    }
    return true;
}

std::string match_key(std::string_view text) {
    std::string out = raw_key(text, text.size());
    // Full-width colons are folded by now.
    if (!out.empty() && out.back() == ':') out.pop_back();
    return out;
}

std::string match_key_prefix(std::string_view text, std::size_t n) {
    // One character past n tells whether the key goes on (so its trailing ":" is beyond n).
    std::string out = raw_key(text, n + 1);
    if (out.size() <= n && !out.empty() && out.back() == ':') out.pop_back();
    if (out.size() > n) out.resize(n);
    return out;
}

HeaderText split_header_note(std::string_view header) {
    // After folding, full-width parentheses are ASCII ones.
    const std::string text = match_key(header);
    if (text.empty() || text.back() != ')') return {text, ""};
    const auto open = text.rfind('(');
    if (open == std::string::npos || open == 0) return {text, ""};
    return {text.substr(0, open), text.substr(open + 1, text.size() - open - 2)};
}

}  // namespace sanpi::service
