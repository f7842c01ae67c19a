#include "store/sql/row.hpp"

#include <charconv>

namespace sanpi::store::sql {
namespace {

int parse_date_part(std::string_view s) {
    int v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) throw StoreFault("stored date not ISO");
    return v;
}

domain::Date parse_iso_date(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') throw StoreFault("stored date not ISO: " + s);
    const std::string_view v(s);
    auto date = domain::Date::from_ymd(parse_date_part(v.substr(0, 4)), parse_date_part(v.substr(5, 2)),
                                       parse_date_part(v.substr(8, 2)));
    if (!date) throw StoreFault("stored date invalid: " + s);
    return *date;
}

}  // namespace

std::string join_codes(const std::vector<std::string>& codes) {
    std::string out;
    for (const auto& c : codes) {
        if (!out.empty()) out += ',';
        out += c;
    }
    return out;
}

std::vector<std::string> split_codes(std::string_view joined) {
    std::vector<std::string> out;
    while (!joined.empty()) {
        const auto comma = joined.find(',');
        const auto part = joined.substr(0, comma);
        if (!part.empty()) out.emplace_back(part);
        if (comma == std::string_view::npos) break;
        joined.remove_prefix(comma + 1);
    }
    return out;
}

bool Row::skip_null() {
    if (!columns_.null_at(col_)) return false;
    ++col_;
    return true;
}

std::optional<std::int64_t> Row::optional_int64() {
    if (skip_null()) return std::nullopt;
    return int64();
}

std::optional<std::string> Row::optional_text() {
    if (skip_null()) return std::nullopt;
    return text();
}

domain::Date Row::date() { return parse_iso_date(text()); }

std::optional<domain::Date> Row::optional_date() {
    auto s = optional_text();
    if (!s) return std::nullopt;
    return parse_iso_date(*s);
}

domain::RegionCode Row::region_code() {
    const auto s = text();
    auto code = domain::RegionCode::parse(s);
    if (!code) throw StoreFault("stored region code invalid: " + s);
    return *code;
}

std::optional<domain::RegionCode> Row::optional_region_code() {
    if (skip_null()) return std::nullopt;
    return region_code();
}

}  // namespace sanpi::store::sql
