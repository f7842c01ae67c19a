#include "domain/tags.hpp"

#include <algorithm>

namespace sanpi::domain {

const std::vector<Tag>& known_tags() {
    static const std::vector<Tag> tags{
        {"provincial_key", "省级重点项目", "provincial key project"},
        {"city_key", "市级重点项目", "city key project"},
        {"new_infrastructure", "新基建", "new infrastructure"},
        {"chain_extension", "延链补链", "industry chain extension"},
        {"foreign_investment", "外资项目", "foreign investment"},
        {"hundred_million", "亿元以上项目", "100m yuan or more"},
    };
    return tags;
}

bool is_known_tag(std::string_view code) {
    const auto& tags = known_tags();
    return std::any_of(tags.begin(), tags.end(), [code](const Tag& t) { return t.code == code; });
}

}  // namespace sanpi::domain
