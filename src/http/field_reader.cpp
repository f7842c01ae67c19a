#include "http/field_reader.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "domain/text_normalize.hpp"

namespace sanpi::http {

namespace json = boost::json;

namespace {

constexpr std::int64_t kMaxInt64 = std::numeric_limits<std::int64_t>::max();

// Non-negative integer value of a JSON number that has no fraction, if it fits in int64.
std::optional<std::int64_t> whole_number(const json::value& v) {
    if (v.is_int64() && v.get_int64() >= 0) return v.get_int64();
    if (v.is_uint64() && v.get_uint64() <= static_cast<std::uint64_t>(kMaxInt64)) {
        return static_cast<std::int64_t>(v.get_uint64());
    }
    return std::nullopt;
}

// "12", "12.5", "12.05" -> hundredths; anything else (signs, exponents, 3 decimals) -> nullopt.
std::optional<std::int64_t> parse_hundredths(std::string_view text) {
    std::int64_t whole = 0;
    std::size_t i = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
        if (whole > (kMaxInt64 / 100 - 9) / 10) return std::nullopt;
        whole = whole * 10 + (text[i] - '0');
    }
    if (i == 0) return std::nullopt;
    std::int64_t frac = 0;
    int digits = 0;
    if (i < text.size() && text[i] == '.') {
        for (++i; i < text.size() && text[i] >= '0' && text[i] <= '9' && digits < 3; ++i, ++digits) {
            frac = frac * 10 + (text[i] - '0');
        }
        if (digits == 0 || digits > 2) return std::nullopt;
        if (digits == 1) frac *= 10;
    }
    if (i != text.size()) return std::nullopt;
    return whole * 100 + frac;
}

}  // namespace

void FieldReader::wrong_type(std::string_view field, std::string_view zh, std::string_view en) {
    malformed_.push_back({std::string(field), {std::string(zh), std::string(en)}});
}

void FieldReader::invalid(std::string_view field, std::string_view zh, std::string_view en) {
    invalid_.push_back({std::string(field), {std::string(zh), std::string(en)}});
}

void FieldReader::invalid(const Error& error, std::string_view field) {
    if (error.fields.empty()) {
        invalid_.push_back({std::string(field), error.message});
        return;
    }
    for (const auto& f : error.fields) invalid_.push_back({std::string(field), f.message});
}

std::optional<std::string> FieldReader::string(const json::value& v, std::string_view field) {
    if (!v.is_string()) {
        wrong_type(field, "须为字符串", "must be a string");
        return std::nullopt;
    }
    // Control characters other than tab and line breaks are no text an official types; a NUL
    // stored in a project's name left SQLite's full-text index unreadable (500 "database disk
    // image is malformed" on every later write), found by HostileInputTest.
    const auto text = v.get_string().subview();
    if (std::any_of(text.begin(), text.end(), [](char c) {
            const auto b = static_cast<unsigned char>(c);
            return (b < 0x20 && c != '\t' && c != '\n' && c != '\r') || b == 0x7F;
        })) {
        invalid(field, "不得含控制字符（如 NUL）", "must not contain control characters (such as NUL)");
        return std::nullopt;
    }
    return std::string(text);
}

std::optional<std::string> FieldReader::code(const json::value& v, std::string_view field) {
    auto text = string(v, field);
    if (!text) return std::nullopt;
    return domain::normalize_input(*text);
}

std::optional<std::int64_t> FieldReader::positive_id(const json::value& v, std::string_view field) {
    if (!v.is_int64() && !v.is_uint64()) {
        wrong_type(field, "须为正整数", "must be a positive integer");
        return std::nullopt;
    }
    auto n = whole_number(v);
    if (!n || *n == 0) {
        invalid(field, "须为正整数", "must be a positive integer");
        return std::nullopt;
    }
    return n;
}

std::optional<std::int32_t> FieldReader::count(const json::value& v, std::string_view field) {
    if (!v.is_int64() && !v.is_uint64()) {
        wrong_type(field, "须为整数", "must be an integer");
        return std::nullopt;
    }
    auto n = whole_number(v);
    if (!n || *n > std::numeric_limits<std::int32_t>::max()) {
        invalid(field, "须为 0 到 2147483647 之间的整数", "must be an integer from 0 to 2147483647");
        return std::nullopt;
    }
    return static_cast<std::int32_t>(*n);
}

std::optional<domain::Money> FieldReader::money(const json::value& v, std::string_view field) {
    if (v.is_int64() || v.is_uint64()) {
        if (auto n = whole_number(v)) {
            if (auto m = domain::Money::from_yuan(*n)) return *m;
        }
        invalid(field, "金额须为非负数，且不超过1万亿元", "amount must be non-negative and at most 1万亿元 (10^12 yuan)");
        return std::nullopt;
    }
    if (!v.is_string()) {
        wrong_type(field, "须为金额字符串（如“12.5亿元”）或整数（元）",
                   "must be an amount string (e.g. \"12.5亿元\") or an integer of yuan");
        return std::nullopt;
    }
    auto parsed = domain::Money::parse(std::string_view(v.get_string()), domain::MoneyUnit::kYuan, field);
    if (!parsed) {
        invalid(parsed.error(), field);
        return std::nullopt;
    }
    return parsed->amount;
}

std::optional<domain::Date> FieldReader::date(const json::value& v, std::string_view field) {
    if (!v.is_string()) {
        wrong_type(field, "须为日期字符串（YYYY-MM-DD）", "must be a date string (YYYY-MM-DD)");
        return std::nullopt;
    }
    auto parsed = domain::Date::parse(std::string_view(v.get_string()), field);
    if (!parsed) {
        invalid(parsed.error(), field);
        return std::nullopt;
    }
    return parsed->date;  // month-precision input is stored as the first of the month
}

std::optional<std::int64_t> FieldReader::centimu(const json::value& v, std::string_view field) {
    std::optional<std::int64_t> out;
    if (v.is_string()) {
        out = parse_hundredths(domain::normalize_input(std::string_view(v.get_string())));
    } else if (auto n = whole_number(v)) {
        if (*n <= kMaxInt64 / 100) out = *n * 100;
    } else if (v.is_double() && std::isfinite(v.get_double()) && v.get_double() >= 0 && v.get_double() < 1e15) {
        double scaled = v.get_double() * 100.0;
        // A binary double cannot hold 12.05 exactly; accept it if it is within rounding of hundredths.
        if (std::fabs(scaled - std::round(scaled)) < 1e-6) out = static_cast<std::int64_t>(std::llround(scaled));
    } else if (!v.is_number()) {
        wrong_type(field, "须为数字或数字字符串", "must be a number or a decimal string");
        return std::nullopt;
    }
    if (!out)
        invalid(field, "须为不超过两位小数的非负数（亩）",
                "must be a non-negative number of mu with at most 2 decimals");
    return out;
}

std::optional<std::vector<std::int64_t>> FieldReader::id_list(const json::value& v, std::string_view field) {
    if (!v.is_array()) {
        wrong_type(field, "须为正整数数组", "must be an array of positive integers");
        return std::nullopt;
    }
    std::vector<std::int64_t> out;
    bool good = true;
    const auto& array = v.get_array();
    for (std::size_t i = 0; i < array.size(); ++i) {
        auto id = positive_id(array[i], std::string(field) + "[" + std::to_string(i) + "]");
        if (id) out.push_back(*id);
        good = good && id.has_value();
    }
    return good ? std::optional(std::move(out)) : std::nullopt;
}

std::optional<std::vector<std::string>> FieldReader::string_list(const json::value& v, std::string_view field) {
    if (!v.is_array()) {
        wrong_type(field, "须为字符串数组", "must be an array of strings");
        return std::nullopt;
    }
    std::vector<std::string> out;
    bool good = true;
    const auto& array = v.get_array();
    for (std::size_t i = 0; i < array.size(); ++i) {
        auto s = code(array[i], std::string(field) + "[" + std::to_string(i) + "]");
        if (s) out.push_back(std::move(*s));
        good = good && s.has_value();
    }
    return good ? std::optional(std::move(out)) : std::nullopt;
}

}  // namespace sanpi::http
