#pragma once
// sharedStrings.xml held in memory as one buffer plus offsets (no allocation per string). A rich
// string's runs (<r><t>) are joined; phonetic guides (<rPh>) are not part of the text; escapes
// (_x000D_) are decoded. Bounded by Limits::max_shared_string_bytes and max_cell_bytes.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sheet/zip_part.hpp"

namespace sanpi::sheet {

class SharedStrings {
public:
    std::size_t size() const { return ends_.size(); }
    // Requires index < size().
    std::string_view at(std::size_t index) const {
        const std::size_t begin = index == 0 ? 0 : ends_[index - 1];
        return std::string_view(text_).substr(begin, ends_[index] - begin);
    }

private:
    friend class SharedStringsSink;
    std::string text_;
    std::vector<std::size_t> ends_;  // end offset of each string in text_
};

// An empty part name gives an empty table.
Result<SharedStrings> read_shared_strings(ZipArchive& archive, std::string_view part, const Limits& limits);

}  // namespace sanpi::sheet
