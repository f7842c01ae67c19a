#pragma once
// Which cell styles show a number as a date or a percentage: styles.xml's cellXfs list gives each style index a
// number format id; ids below 164 are built in, the others are defined in numFmts by a format code.
#include <cstdint>
#include <string_view>
#include <vector>

#include "sheet/zip_part.hpp"

namespace sanpi::sheet {

// Built-in date and time formats: 14–22 and 45–47 everywhere, 27–36 and 50–58 in the East Asian
// locales (Chinese Excel writes 年/月/日 formats as these ids without defining them).
bool is_builtin_date_format(int id);
// A custom format code shows a date or time when it has y, m, d, h or s outside quoted text,
// bracketed parts ([Red], [$-804]), escaped characters (\x) and padding (_x, *x).
bool is_date_format_code(std::string_view code);
// Built-in percentage formats: 9 (0%) and 10 (0.00%).
bool is_builtin_percent_format(int id);
// A custom format code shows a percentage when it has % outside quoted text, brackets and escapes.
bool is_percent_format_code(std::string_view code);

class StyleTable {
public:
    // Style index as in <c s="…">: true when that style is a date or time format.
    bool is_date(std::int64_t style) const {
        return style >= 0 && static_cast<std::uint64_t>(style) < date_.size() && date_[static_cast<std::size_t>(style)];
    }
    // Style index as in <c s="…">: true when that style shows a number as a percentage.
    bool is_percent(std::int64_t style) const {
        return style >= 0 && static_cast<std::uint64_t>(style) < percent_.size() &&
               percent_[static_cast<std::size_t>(style)];
    }
    std::size_t size() const { return date_.size(); }

private:
    friend Result<StyleTable> read_styles(ZipArchive&, std::string_view);
    std::vector<bool> date_;
    std::vector<bool> percent_;
};

// An empty part name gives a table in which no style is a date.
Result<StyleTable> read_styles(ZipArchive& archive, std::string_view part);

}  // namespace sanpi::sheet
