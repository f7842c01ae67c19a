#include "domain/enterprise_registration.hpp"

#include <gtest/gtest.h>

namespace sanpi::domain {
namespace {

struct TrimCase {
    std::string_view typed;
    std::string_view kept;
};

constexpr TrimCase kTrimCases[] = {
    {"山西测试有限公司", "山西测试有限公司"},
    {"  山西测试有限公司\t\n", "山西测试有限公司"},
    {"\u3000山西测试有限公司\u3000 ", "山西测试有限公司"},
    {"山西测试（集团）有限公司", "山西测试（集团）有限公司"},  // full-width brackets are part of the name
    {"山西 测试", "山西 测试"},
    {" \u3000 ", ""},
};

TEST(EnterpriseRegistration, TrimsSpacesAtBothEndsOnly) {
    for (const auto& c : kTrimCases) EXPECT_EQ(trim_enterprise_name(c.typed), c.kept) << c.typed;
}

TEST(EnterpriseRegistration, AValidNameAndCodeMakeAnEnterpriseOfUnknownOwnership) {
    const std::string first17 = "91149900MA0000001";
    const std::string code = first17 + *CreditCode::check_character(first17);
    auto e = register_enterprise(" 山西测试有限公司 ", code);
    ASSERT_TRUE(e) << e.error().message.en;
    EXPECT_EQ(e->name, "山西测试有限公司");
    EXPECT_EQ(e->credit_code.str(), code);
    EXPECT_EQ(e->ownership, Ownership::kOther);
    EXPECT_EQ(e->chain_role, ChainRole::kNone);
    EXPECT_FALSE(e->synthetic);
}

TEST(EnterpriseRegistration, NamesEveryBadField) {
    auto e = register_enterprise("\u3000", "12345");
    ASSERT_FALSE(e);
    ASSERT_EQ(e.error().fields.size(), 2u);
    EXPECT_EQ(e.error().fields[0].field, "name");
    EXPECT_EQ(e.error().fields[1].field, "credit_code");
    auto long_name = register_enterprise(std::string(kMaxEnterpriseNameLength + 1, 'A'), "91140100MA0KXYZ12X");
    ASSERT_FALSE(long_name);
    EXPECT_EQ(long_name.error().fields.front().field, "name");
    auto bad_utf8 = register_enterprise("\xff\xfe", "");
    ASSERT_FALSE(bad_utf8);
    EXPECT_EQ(bad_utf8.error().fields.size(), 2u);
}

}  // namespace
}  // namespace sanpi::domain
