#pragma once
// Backups are written next to their final name and appear there only when complete: a crash or
// an error mid-way never leaves a truncated file under the name a later restore would read.
#include <string>

#include "domain/error.hpp"

namespace sanpi::store {

// kConflict (field "to") when `path` already exists: a backup never replaces another file.
Result<void> refuse_existing(const std::string& path);

// A fresh name in the same directory (so publishing is a link, not a copy across file systems).
std::string temp_path_for(const std::string& path);

// Gives the finished `temp` its final name without ever replacing a file that appeared at `path`
// meanwhile (hard link, which fails if the name exists), then removes the temporary name.
// On failure `temp` is removed too.
Result<void> publish_new_file(const std::string& temp, const std::string& path);

// Removes a temporary file and the side files SQLite may have left next to it.
void remove_temp(const std::string& temp) noexcept;

}  // namespace sanpi::store
