#include "sheet/xlsx_styles.hpp"

#include <charconv>
#include <unordered_map>

#include "sheet/xlsx_workbook.hpp"

namespace sanpi::sheet {

namespace {

constexpr std::size_t kMaxStyles = 1u << 20;  // Excel keeps at most 65,490 cell formats

std::optional<int> format_id(const char* text) {
    if (text == nullptr) return std::nullopt;
    const std::string_view s(text);
    int id = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
    if (ec != std::errc() || end != s.data() + s.size() || id < 0) return std::nullopt;
    return id;
}

class StylesSink : public XmlSink {
public:
    std::unordered_map<int, bool> custom_date;     // numFmtId → is a date
    std::unordered_map<int, bool> custom_percent;  // numFmtId → is a percentage
    std::vector<int> cell_formats;              // per cellXfs entry: its numFmtId (-1: none)

    void on_start(std::string_view local, const char** attributes) override {
        if (local == "numFmt") {
            const auto id = format_id(find_attribute(attributes, "numFmtId"));
            const char* code = find_attribute(attributes, "formatCode");
            if (id && code != nullptr) {
                if (custom_date.size() >= kMaxStyles) return fail(too_many());
                custom_date[*id] = is_date_format_code(code);
                custom_percent[*id] = is_percent_format_code(code);
            }
        } else if (local == "cellXfs") {
            in_cell_xfs_ = true;
        } else if (local == "xf" && in_cell_xfs_) {
            if (cell_formats.size() >= kMaxStyles) return fail(too_many());
            cell_formats.push_back(format_id(find_attribute(attributes, "numFmtId")).value_or(-1));
        }
    }
    void on_end(std::string_view local) override {
        if (local == "cellXfs") in_cell_xfs_ = false;
    }

private:
    static Error too_many() {
        return file_error("XLSX 文件的单元格样式过多", "the XLSX file has too many cell styles");
    }
    bool in_cell_xfs_ = false;
};

}  // namespace

bool is_builtin_date_format(int id) {
    return (id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

bool is_builtin_percent_format(int id) { return id == 9 || id == 10; }

bool is_percent_format_code(std::string_view code) {
    for (std::size_t i = 0; i < code.size(); ++i) {
        switch (code[i]) {
            case '"': {
                const auto close = code.find('"', i + 1);
                if (close == std::string_view::npos) return false;
                i = close;
                break;
            }
            case '[': {
                const auto close = code.find(']', i + 1);
                if (close == std::string_view::npos) return false;
                i = close;
                break;
            }
            case '\\':
            case '_':
            case '*':
                ++i;
                break;
            case '%':
                return true;
            default:
                break;
        }
    }
    return false;
}

bool is_date_format_code(std::string_view code) {
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        switch (c) {
            case '"': {
                const auto close = code.find('"', i + 1);
                if (close == std::string_view::npos) return false;
                i = close;
                break;
            }
            case '[': {
                const auto close = code.find(']', i + 1);
                if (close == std::string_view::npos) return false;
                i = close;
                break;
            }
            case '\\':
            case '_':
            case '*':
                ++i;  // the next character is literal or padding
                break;
            case 'y':
            case 'Y':
            case 'm':
            case 'M':
            case 'd':
            case 'D':
            case 'h':
            case 'H':
            case 's':
            case 'S':
                return true;
            default:
                break;
        }
    }
    return false;
}

Result<StyleTable> read_styles(ZipArchive& archive, std::string_view part) {
    StyleTable table;
    if (part.empty() || !archive.locate(part)) return table;
    StylesSink styles;
    if (auto parsed = parse_part(archive, part, styles); !parsed) return parsed.error();
    table.date_.reserve(styles.cell_formats.size());
    table.percent_.reserve(styles.cell_formats.size());
    for (const int id : styles.cell_formats) {
        bool date = false, percent = false;
        if (const auto custom = styles.custom_date.find(id); custom != styles.custom_date.end()) {
            date = custom->second;
            percent = styles.custom_percent[id];
        } else {
            date = is_builtin_date_format(id);
            percent = is_builtin_percent_format(id);
        }
        table.date_.push_back(date);
        table.percent_.push_back(percent);
    }
    return table;
}

}  // namespace sanpi::sheet
