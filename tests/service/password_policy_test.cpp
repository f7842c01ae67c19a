// New passwords: length in characters, the shipped common-password list, not the account's name.
#include "service/password_policy.hpp"

#include <gtest/gtest.h>

namespace sanpi::service {
namespace {

TEST(PasswordPolicyTest, CasesOfNewPasswords) {
    struct Case {
        const char* password;
        bool accepted;
    };
    const Case cases[] = {
        {"sanpi-demo-2022", true},  // the demo's, 15 characters
        {"Correct-Horse-Battery-7", true},
        {"elevenchars", false},                  // 11
        {"twelve-chars", true},                  // 12
        {"三批项目开工投产达产达效一二", true},  // 14 characters, 42 bytes
        {"三批项目开工投产达产", false},         // 10 characters, 30 bytes
        {"password1234", false},                 // common
        {"PASSWORD1234", false},                 // compared in lower case
        {"123456789012", false},
        {"qwertyuiop123", false},
        {"woaini5201314", false},
        {"111111111111", false},
        {"zhang-wei-admin", false},  // contains the name and is mostly it (below)
    };
    for (const auto& c : cases) {
        EXPECT_EQ(!check_new_password(c.password, "zhang-wei", "password"), c.accepted) << c.password;
    }
    EXPECT_EQ(check_new_password("short", "", "new_password")->field, "new_password");
    EXPECT_FALSE(check_new_password(std::string(128, 'x') + std::string(128, 'y'), "", "p"));
    EXPECT_TRUE(check_new_password(std::string(257, 'y'), "", "p"));
}

TEST(PasswordPolicyTest, TheListIsShippedAndTemporaryPasswordsPassThePolicy) {
    EXPECT_TRUE(is_common_password("password"));
    EXPECT_TRUE(is_common_password("iloveyou2022"));
    EXPECT_FALSE(is_common_password("sanpi-demo-2022"));
    for (int i = 0; i < 20; ++i) {
        const auto t = temporary_password();
        EXPECT_EQ(t.size(), 16u);
        EXPECT_FALSE(check_new_password(t, "someone", "password")) << t;
    }
    EXPECT_NE(temporary_password(), temporary_password());
}

}  // namespace
}  // namespace sanpi::service
