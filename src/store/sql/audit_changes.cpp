#include "store/sql/audit_changes.hpp"

#include <charconv>

namespace sanpi::store::sql {
namespace {

void put(std::string& out, const std::optional<std::string>& item) {
    if (!item) {
        out += '~';
        return;
    }
    out += std::to_string(item->size());
    out += ':';
    out += *item;
}

// Reads one item at `pos`; false when the text is malformed there.
bool take(std::string_view text, std::size_t& pos, std::optional<std::string>& item) {
    if (pos >= text.size()) return false;
    if (text[pos] == '~') {
        ++pos;
        item.reset();
        return true;
    }
    const auto colon = text.find(':', pos);
    if (colon == std::string_view::npos || colon == pos) return false;
    // Digits only, no sign and no leading zeros: one spelling per length, as the encoder writes.
    if (text[pos] == '0' && colon != pos + 1) return false;
    std::size_t length = 0;
    const auto [end, ec] = std::from_chars(text.data() + pos, text.data() + colon, length);
    if (ec != std::errc() || end != text.data() + colon) return false;
    if (length > text.size() - colon - 1) return false;
    item = std::string(text.substr(colon + 1, length));
    pos = colon + 1 + length;
    return true;
}

}  // namespace

std::string encode_changes(const std::vector<domain::FieldChange>& changes) {
    std::string out;
    for (const auto& c : changes) {
        put(out, c.field);
        put(out, c.before);
        put(out, c.after);
    }
    return out;
}

std::optional<std::vector<domain::FieldChange>> decode_changes(std::string_view text) {
    std::vector<domain::FieldChange> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::optional<std::string> field, before, after;
        if (!take(text, pos, field) || !field) return std::nullopt;  // a field always has a name
        if (!take(text, pos, before) || !take(text, pos, after)) return std::nullopt;
        out.push_back({std::move(*field), std::move(before), std::move(after)});
    }
    return out;
}

std::vector<domain::FieldChange> decode_changes_or_raw(std::string_view text) {
    if (auto decoded = decode_changes(text)) return std::move(*decoded);
    return {{"!unreadable", std::nullopt, std::string(text)}};
}

}  // namespace sanpi::store::sql
