#pragma once
// Project tags: a fixed list so that reports can count by tag; the code is what is stored.
#include <string_view>
#include <vector>

namespace sanpi::domain {

struct Tag {
    std::string_view code;      // "provincial_key"
    std::string_view label_zh;  // "省级重点项目"
    std::string_view label_en;  // "provincial key project"
};

const std::vector<Tag>& known_tags();
bool is_known_tag(std::string_view code);

}  // namespace sanpi::domain
