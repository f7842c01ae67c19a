#pragma once
// The bulletin as Markdown: a heading per section, pipe tables with their totals row in bold.
#include <string>
#include <string_view>

#include "domain/bulletin.hpp"

namespace sanpi::report {

std::string render_markdown(const domain::Bulletin& bulletin);
// Text that Markdown shows as written: \ ` * _ [ ] < > | # escaped with a backslash.
std::string markdown_escape(std::string_view text);

}  // namespace sanpi::report
