#pragma once
// Text as zones type it into spreadsheets: full-width characters, line breaks inside a cell
// (Alt+Enter), stray spaces between Chinese characters. Names are cleaned before they are stored
// or compared; headers are reduced further to a key for matching.
#include <string>
#include <string_view>

namespace sanpi::service {

// Full-width folded; line breaks and tabs removed; runs of spaces collapsed to one and kept
// only between two ASCII letters or digits ("年产 10 万吨" → "年产10万吨", "ABC Co Ltd" stays).
std::string clean_cell_text(std::string_view text);

// What a text field stores: like clean_cell_text, but only full-width letters, digits and spaces
// are folded; punctuation stays as typed (（模拟数据） stays full-width, as the API would store it).
std::string tidy_cell_text(std::string_view text);

// clean_cell_text, then every space removed, ASCII lower-cased, a leading "*" (required marker)
// and trailing "：" dropped: what a header or a catalogue name is compared by.
std::string match_key(std::string_view text);

// match_key(text).substr(0, n), without keying the rest of a long text.
std::string match_key_prefix(std::string_view text, std::size_t n);

// is_blank_cell_text(text), without building it: nothing but spaces, U+3000, tabs and line breaks.
bool is_blank_cell_text(std::string_view text);

// Splits a trailing parenthesised note off a header: "总投资（亿元）" → {"总投资", "亿元"}. Both
// ASCII and full-width parentheses; no note: the text and "".
struct HeaderText {
    std::string label;
    std::string note;
};
HeaderText split_header_note(std::string_view header);

}  // namespace sanpi::service
