#include "domain/region_code.hpp"

#include <gtest/gtest.h>

#include <string>

#include "domain/user.hpp"
#include "domain_builders.hpp"

namespace sanpi::domain {
namespace region_code_test {

using testing::only_field;

RegionCode code(std::string_view text) { return RegionCode::parse(text).value(); }

struct ParseCase {
    std::string text;
    std::string code;
    RegionLevel level;
};

TEST(RegionCodeParse, ReadsProvinceCityAndCountyCodes) {
    const ParseCase cases[] = {
        {"140000", "140000", RegionLevel::kProvince},
        {"140100", "140100", RegionLevel::kCity},
        {"141100", "141100", RegionLevel::kCity},
        {"140105", "140105", RegionLevel::kCounty},
        {"１４０１００", "140100", RegionLevel::kCity},
        {" 140105\u3000", "140105", RegionLevel::kCounty},
        {"110000", "110000", RegionLevel::kProvince},
        {"110101", "110101", RegionLevel::kCounty},
        {"650000", "650000", RegionLevel::kProvince},
        {"710000", "710000", RegionLevel::kProvince},
        {"820000", "820000", RegionLevel::kProvince},
        {"429004", "429004", RegionLevel::kCounty},  // county-level city under the province directly
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.text);
        const auto parsed = RegionCode::parse(c.text);
        ASSERT_TRUE(parsed);
        EXPECT_EQ(parsed->str(), c.code);
        EXPECT_EQ(parsed->level(), c.level);
    }
}

TEST(RegionCodeParse, RejectsMalformedCodes) {
    const std::string cases[] = {
        "",       "14010",  "1401000", "14010a", "14 0100", "-14010",       "100000",    "990000",
        "720000", "000000", "160000",  "140001", "140099",  "１４０００１", "14010\xFF", std::string(100'000, '1'),
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.substr(0, 40));
        const auto parsed = RegionCode::parse(c, "region");
        ASSERT_FALSE(parsed);
        EXPECT_EQ(only_field(parsed.error()).field, "region");
        EXPECT_FALSE(only_field(parsed.error()).message.zh.empty());
        EXPECT_FALSE(only_field(parsed.error()).message.en.empty());
    }
}

TEST(RegionCodeParse, ExplainsTheProblem) {
    EXPECT_NE(only_field(RegionCode::parse("990000").error()).message.en.find("'99'"), std::string::npos);
    EXPECT_NE(only_field(RegionCode::parse("140001").error()).message.en.find("city part"), std::string::npos);
    EXPECT_NE(only_field(RegionCode::parse("1401").error()).message.en.find("six digits"), std::string::npos);
}

TEST(RegionCodeHierarchy, ParentWalksUpToTheProvince) {
    EXPECT_EQ(code("140105").parent(), code("140100"));
    EXPECT_EQ(code("140100").parent(), code("140000"));
    EXPECT_EQ(code("140000").parent(), code("140000"));
    EXPECT_EQ(code("140105").province(), code("140000"));
    EXPECT_EQ(code("140105").city(), code("140100"));
    EXPECT_EQ(code("140100").city(), code("140100"));
    EXPECT_EQ(code("140000").city(), code("140000"));
}

TEST(RegionCodeHierarchy, ContainsItsSubtreeOnly) {
    EXPECT_TRUE(code("140000").contains(code("140105")));
    EXPECT_TRUE(code("140000").contains(code("140000")));
    EXPECT_TRUE(code("140100").contains(code("140105")));
    EXPECT_TRUE(code("140100").contains(code("140100")));
    EXPECT_TRUE(code("140105").contains(code("140105")));
    EXPECT_FALSE(code("140100").contains(code("140200")));
    EXPECT_FALSE(code("140100").contains(code("140000")));
    EXPECT_FALSE(code("140105").contains(code("140100")));
    EXPECT_FALSE(code("140000").contains(code("130100")));
    EXPECT_FALSE(code("140000").contains(code("410000")));  // same digits, other place
}

TEST(RegionCodeHierarchy, ScopePrefixMatchesContains) {
    EXPECT_EQ(code("140000").scope_prefix(), "14");
    EXPECT_EQ(code("140100").scope_prefix(), "1401");
    EXPECT_EQ(code("140105").scope_prefix(), "140105");
    EXPECT_EQ(Scope::region(code("140100")).region_prefix, "1401");
    EXPECT_EQ(Scope::region(code("140100")).kind, Scope::Kind::kRegion);
}

}  // namespace region_code_test
}  // namespace sanpi::domain
