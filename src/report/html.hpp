#pragma once
// The bulletin as one self-contained HTML5 document: readable on screen, printed on A4 (print
// CSS: margins, header rows repeated, rows kept whole, nothing but the bulletin).
#include <string>
#include <string_view>

#include "domain/bulletin.hpp"

namespace sanpi::report {

std::string render_html(const domain::Bulletin& bulletin);
// & < > " ' as character references; safe in text and in quoted attribute values.
std::string html_escape(std::string_view text);

}  // namespace sanpi::report
