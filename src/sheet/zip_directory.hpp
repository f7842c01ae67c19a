#pragma once
// How many members a zip's end of central directory declares, read before libzip opens it.
// libzip keeps an entry (with its name) in memory per member of the directory; a ZIP64 archive
// within the file limit can hold well over a million tiny members, while an XLSX needs a few
// dozen, so the count is checked before libzip reads the directory.
#include <cstdint>
#include <optional>
#include <string>

namespace sanpi::sheet {

// Nothing when the file has no end of central directory record (libzip then refuses it).
std::optional<std::uint64_t> declared_zip_entries(const std::string& path);

}  // namespace sanpi::sheet
