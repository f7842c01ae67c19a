#include "service/import_text.hpp"

#include "domain/text_normalize.hpp"

namespace sanpi::service {
namespace {

bool ascii_word_char(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == ',';
}

// Line breaks and tabs removed; runs of spaces collapsed, kept only between ASCII word characters.
std::string collapse_spaces(const std::string& folded) {
    std::string out;
    out.reserve(folded.size());
    const auto blank = [](char c) { return c == ' ' || c == '\r' || c == '\n' || c == '\t'; };
    bool pending_space = false;
    for (std::size_t i = 0; i < folded.size();) {
        const char c = folded[i];
        if (blank(c)) {
            if (c == ' ') pending_space = !out.empty();
            ++i;
            continue;
        }
        if (pending_space && ascii_word_char(out.back()) && ascii_word_char(c)) out += ' ';
        pending_space = false;
        // The rest of the word (or of the Chinese text) up to the next blank, as one copy.
        std::size_t end = i + 1;
        while (end < folded.size() && !blank(folded[end])) ++end;
        out.append(folded, i, end - i);
        i = end;
    }
    return out;
}

}  // namespace

std::string clean_cell_text(std::string_view text) { return collapse_spaces(domain::fold_full_width(text)); }

std::string tidy_cell_text(std::string_view text) { return collapse_spaces(domain::fold_full_width_alnum(text)); }

std::string match_key(std::string_view text) {
    std::string out;
    for (const char c : clean_cell_text(text)) {
        if (c == ' ') continue;
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    while (!out.empty() && out.front() == '*') out.erase(0, 1);
    for (std::string_view tail : {":", "："}) {
        if (out.size() >= tail.size() && out.compare(out.size() - tail.size(), tail.size(), tail) == 0) {
            out.erase(out.size() - tail.size());
        }
    }
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
