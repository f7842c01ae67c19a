#include "store/postgres/pg_codec.hpp"

namespace sanpi::store::postgres {
namespace {

int date_part(std::string_view s) { return static_cast<int>(parse_int64(s)); }

domain::Date parse_iso_date(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') throw StoreFault("stored date not ISO: " + s);
    const std::string_view v(s);
    auto date = domain::Date::from_ymd(date_part(v.substr(0, 4)), date_part(v.substr(5, 2)), date_part(v.substr(8, 2)));
    if (!date) throw StoreFault("stored date invalid: " + s);
    return *date;
}

}  // namespace

std::int64_t returned_id(const PgResult& r) {
    if (r.rows() != 1) throw StoreFault("INSERT returned no id");
    return r.int64(0, 0);
}

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

std::optional<std::int64_t> Row::optional_int64() {
    if (null_here()) {
        ++col_;
        return std::nullopt;
    }
    return int64();
}

std::optional<std::string> Row::optional_text() {
    if (null_here()) {
        ++col_;
        return std::nullopt;
    }
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
    if (null_here()) {
        ++col_;
        return std::nullopt;
    }
    return region_code();
}

}  // namespace sanpi::store::postgres
