#pragma once
// People type in Chinese input methods: full-width digits, letters and punctuation
// (１２，３４０．５) must read the same as their ASCII forms.
#include <cstddef>
#include <string>
#include <string_view>

namespace sanpi::domain {

// Folds U+FF01..U+FF5E to ASCII, U+3000 (ideographic space) to a space, "。" stays.
std::string fold_full_width(std::string_view utf8);
// Folds only full-width letters and digits (ＡＢＣ１２３) and U+3000: punctuation stays, since
// Chinese text is written with （）、，：and a name keeps them as typed.
std::string fold_full_width_alnum(std::string_view utf8);
// The ASCII character that the full-width form (or U+3000) starting at byte `i` folds to; 0 if
// none starts there. For single-pass scanners that fold as they go.
char full_width_ascii_at(std::string_view utf8, std::size_t i);
// fold_full_width, then trims ASCII whitespace at both ends.
std::string normalize_input(std::string_view utf8);
// True if the text is valid UTF-8 (input from the network must be checked before storing).
bool is_valid_utf8(std::string_view bytes);
// Number of code points in valid UTF-8 (what a user calls "characters" in a length limit).
std::size_t utf8_length(std::string_view utf8);

}  // namespace sanpi::domain
