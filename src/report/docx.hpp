#pragma once
// The bulletin as a Word document (Office Open XML, ECMA-376 WordprocessingML): the package's
// parts generated here and zipped in memory with libzip, so a server can send it without a file.
#include <string>
#include <utility>
#include <vector>

#include "domain/bulletin.hpp"
#include "domain/error.hpp"

namespace sanpi::report {

// The package as bytes; kInternal if libzip fails.
Result<std::string> render_docx(const domain::Bulletin& bulletin);

// The package's parts, by name in the zip, in the order they are stored ([Content_Types].xml
// first): what render_docx zips, and what a test can parse.
std::vector<std::pair<std::string, std::string>> docx_parts(const domain::Bulletin& bulletin);

}  // namespace sanpi::report
