#include "domain/text_list.hpp"

#include <array>

namespace sanpi::domain {
namespace {

bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }

// First words that name a place or people and so keep their capital in any position.
constexpr std::array<std::string_view, 6> kProperFirstWords{"China", "Chinese", "Shanxi", "Yellow", "Belt", "Silk"};

std::string joined_list(const std::vector<std::string>& items, std::string_view between, std::string_view last) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? last : between;
        out += items[i];
    }
    return out;
}

}  // namespace

std::string join_list_zh(const std::vector<std::string>& items) { return joined_list(items, "、", "和"); }

std::string join_list_en(const std::vector<std::string>& items) {
    return joined_list(items, ", ", items.size() > 2 ? ", and " : " and ");
}

std::string lower_initial_en(std::string_view name) {
    std::string out(name);
    if (out.size() < 2 || !is_ascii_upper(out[0]) || !is_ascii_lower(out[1])) return out;
    const std::string_view first_word = name.substr(0, name.find(' '));
    for (const char c : first_word.substr(1)) {
        if (!is_ascii_lower(c) && c != '-') return out;  // "IoT", "PV-grade": not a plain word
    }
    for (const auto proper : kProperFirstWords) {
        if (first_word == proper) return out;
    }
    out[0] = static_cast<char>(out[0] - 'A' + 'a');
    return out;
}

}  // namespace sanpi::domain
