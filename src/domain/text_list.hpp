#pragma once
// Lists in running text, built from data and joined as each language writes them.
#include <string>
#include <string_view>
#include <vector>

namespace sanpi::domain {

// 顿号 between the items and 和 before the last: "现代煤化工、装备制造和新能源"; "甲和乙"; "甲".
std::string join_list_zh(const std::vector<std::string>& items);
// Commas and "and", with the serial comma from three items on: "a, b, and c"; "a and b"; "a".
std::string join_list_en(const std::vector<std::string>& items);
// A dictionary name as it reads inside an English sentence: the capital that only starts the name
// is lowered ("Modern coal chemicals" -> "modern coal chemicals"); acronyms ("IoT", "5G") and
// proper nouns ("Chinese medicine") keep theirs.
std::string lower_initial_en(std::string_view name);

}  // namespace sanpi::domain
