// Log-in throttling: free failures, then locks doubling per failure up to the cap; names and
// addresses counted apart; loopback peers not counted by address; failures forgotten after an hour.
#include "service/login_throttle.hpp"

#include <gtest/gtest.h>

namespace sanpi::service {
namespace {

constexpr store::Timestamp kStart = 1'705'276'800;

class LoginThrottleTest : public ::testing::Test {
protected:
    FixedClock clock_{kStart};
    LoginThrottle throttle_{clock_};

    void fail(std::string_view name, std::string_view address, int times) {
        for (int i = 0; i < times; ++i) throttle_.record_failure(name, address);
    }
};

TEST_F(LoginThrottleTest, NameLocksAfterFiveFailuresWithDoublingWaitsUpToTheCap) {
    fail("li", "", LoginThrottle::kFreeFailuresPerName);
    EXPECT_FALSE(throttle_.retry_after("li", ""));
    EXPECT_TRUE(throttle_.record_failure("li", ""));  // the sixth starts the lock-out
    EXPECT_EQ(throttle_.retry_after("li", ""), 2);
    const store::Timestamp expected[] = {4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900};
    for (store::Timestamp wait : expected) {
        EXPECT_FALSE(throttle_.record_failure("li", ""));
        EXPECT_EQ(throttle_.retry_after("li", ""), wait);
    }
    clock_.set(kStart + 899);
    EXPECT_EQ(throttle_.retry_after("li", ""), 1);
    clock_.set(kStart + 900);
    EXPECT_FALSE(throttle_.retry_after("li", ""));
    EXPECT_FALSE(throttle_.retry_after("wang", ""));  // other names are not affected
}

TEST_F(LoginThrottleTest, SuccessClearsTheNameAndAnHourForgetsFailures) {
    fail("li", "", 6);
    throttle_.record_success("li");
    EXPECT_FALSE(throttle_.retry_after("li", ""));
    fail("wang", "", 5);
    clock_.set(kStart + LoginThrottle::kForgetAfterSeconds + 1);
    fail("wang", "", 5);
    EXPECT_FALSE(throttle_.retry_after("wang", ""));
}

TEST_F(LoginThrottleTest, AnAddressLocksAfterTwentyFailuresAcrossNamesButLoopbackIsNotCounted) {
    for (int i = 0; i < LoginThrottle::kFreeFailuresPerAddress; ++i) {
        throttle_.record_failure("user-" + std::to_string(i), "203.0.113.7");
    }
    EXPECT_FALSE(throttle_.retry_after("someone", "203.0.113.7"));
    throttle_.record_failure("user-x", "203.0.113.7");
    EXPECT_EQ(throttle_.retry_after("someone", "203.0.113.7"), 2);
    EXPECT_FALSE(throttle_.retry_after("someone", "198.51.100.1"));
    for (int i = 0; i < 40; ++i) throttle_.record_failure("user-" + std::to_string(i), "127.0.0.1");
    EXPECT_FALSE(throttle_.retry_after("someone", "127.0.0.1"));
}

}  // namespace
}  // namespace sanpi::service
