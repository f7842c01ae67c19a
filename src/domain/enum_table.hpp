#pragma once
// Internal to the domain's .cpp files: one table per enum keeps its stable name (what JSON, the
// database and the CLI use) and its Chinese label side by side, so they cannot drift apart.
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace sanpi::domain::detail {

template <class E>
struct EnumEntry {
    E value;
    std::string_view name;
    std::string_view label_zh;
};

template <class E, std::size_t N>
constexpr const EnumEntry<E>& entry_of(const std::array<EnumEntry<E>, N>& table, E value) {
    for (const auto& e : table) {
        if (e.value == value) return e;
    }
    return table[0];  // unreachable for a complete table; enums come only from the table's own values
}

template <class E, std::size_t N>
constexpr std::optional<E> from_name(const std::array<EnumEntry<E>, N>& table, std::string_view name) {
    for (const auto& e : table) {
        if (e.name == name) return e.value;
    }
    return std::nullopt;
}

}  // namespace sanpi::domain::detail
