#include "store/dump_escape.hpp"

namespace sanpi::store {
namespace {

Error bad_escape(char c) {
    const std::string shown = c == '\0' ? std::string("end of line") : std::string("\\") + c;
    return Error::invalid_field("line", "无效的转义：" + shown, "invalid escape: " + shown);
}

// Undoes the escapes of one field (no tabs inside).
Result<DumpValue> parse_field(std::string_view field) {
    if (field == "\\N") return DumpValue{};
    std::string out;
    out.reserve(field.size());
    for (std::size_t i = 0; i < field.size(); ++i) {
        if (field[i] != '\\') {
            out.push_back(field[i]);
            continue;
        }
        const char next = i + 1 < field.size() ? field[++i] : '\0';
        switch (next) {
            case '\\':
                out.push_back('\\');
                break;
            case 't':
                out.push_back('\t');
                break;
            case 'n':
                out.push_back('\n');
                break;
            case 'r':
                out.push_back('\r');
                break;
            default:
                return bad_escape(next);
        }
    }
    return DumpValue{std::move(out)};
}

}  // namespace

void append_field(std::string& line, const DumpValue& value) {
    if (!value) {
        line += "\\N";
        return;
    }
    for (const char c : *value) {
        switch (c) {
            case '\\':
                line += "\\\\";
                break;
            case '\t':
                line += "\\t";
                break;
            case '\n':
                line += "\\n";
                break;
            case '\r':
                line += "\\r";
                break;
            default:
                line.push_back(c);
        }
    }
}

Result<void> parse_fields(std::string_view line, std::vector<DumpValue>& fields) {
    fields.clear();
    std::size_t start = 0;
    while (true) {
        const auto tab = line.find('\t', start);
        auto field = parse_field(line.substr(start, tab == std::string_view::npos ? line.npos : tab - start));
        if (!field) return field.error();
        fields.push_back(std::move(*field));
        if (tab == std::string_view::npos) return {};
        start = tab + 1;
    }
}

}  // namespace sanpi::store
