#pragma once
// How wide text shows in a spreadsheet column, in Excel's width units (one per Latin character):
// a CJK ideograph, kana, hangul or full-width form is as wide as two, as it is drawn.
#include <cstddef>
#include <string_view>

namespace sanpi::report {

// The widest line of `utf8` in width units; a byte that is not valid UTF-8 counts one.
std::size_t display_width(std::string_view utf8);

}  // namespace sanpi::report
