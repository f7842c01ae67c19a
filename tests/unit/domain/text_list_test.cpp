#include "domain/text_list.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sanpi::domain {
namespace text_list_test {

struct JoinCase {
    std::vector<std::string> items;
    std::string zh;
    std::string en;
};

TEST(TextList, JoinsZeroToSevenItemsInEachLanguage) {
    const std::vector<std::string> seven{"a", "b", "c", "d", "e", "f", "g"};
    const JoinCase cases[] = {
        {{}, "", ""},
        {{"现代煤化工"}, "现代煤化工", "现代煤化工"},
        {{"装备制造", "新能源"}, "装备制造和新能源", "装备制造 and 新能源"},
        {{"现代煤化工", "装备制造", "新能源"}, "现代煤化工、装备制造和新能源", "现代煤化工, 装备制造, and 新能源"},
        {{"big data"}, "big data", "big data"},
        {{"new energy", "big data"}, "new energy和big data", "new energy and big data"},
        {{"a", "b", "c"}, "a、b和c", "a, b, and c"},
        {seven, "a、b、c、d、e、f和g", "a, b, c, d, e, f, and g"},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(join_list_zh(c.items), c.zh) << c.zh;
        EXPECT_EQ(join_list_en(c.items), c.en) << c.en;
    }
}

TEST(TextList, LowersOnlyTheCapitalThatStartsAName) {
    const std::pair<std::string, std::string> cases[] = {
        {"Modern coal chemicals", "modern coal chemicals"},
        {"Energy saving and environmental protection", "energy saving and environmental protection"},
        {"Big data", "big data"},
        {"IoT devices", "IoT devices"},            // an acronym keeps its capitals
        {"5G networks", "5G networks"},            // nothing to lower
        {"Chinese medicine", "Chinese medicine"},  // a proper adjective
        {"A", "A"},
        {"", ""},
        {"现代煤化工", "现代煤化工"},
    };
    for (const auto& [in, out] : cases) EXPECT_EQ(lower_initial_en(in), out) << in;
}

}  // namespace text_list_test
}  // namespace sanpi::domain
