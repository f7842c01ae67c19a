// The sweep inside `serve`, through the function its timer calls, with a clock the test moves:
// once per day in Asia/Shanghai, the first look after midnight sweeps, and of two servers on one
// database only one sweeps a day.
#include <future>

#include "service/daily_sweep.hpp"
#include "warning_fixture.hpp"

namespace sanpi::testing {
namespace {

// 2024-01-15 23:59:30 and 2024-01-16 00:00:30 in Beijing (UTC+8).
constexpr store::Timestamp kBeforeMidnight = 1705334370;
constexpr store::Timestamp kAfterMidnight = kBeforeMidnight + 60;

class DailySweepTest : public WarningTest {};

TEST_P(DailySweepTest, TheFirstLookAfterMidnightSweepsOnceAndAnotherServerFindsTheDayClaimed) {
    clock_.set(kBeforeMidnight);
    service::FixedClock other_clock{kBeforeMidnight};
    service::DailySweep server_a(store(), clock_, std::chrono::seconds(60));
    service::DailySweep server_b(store(), other_clock, std::chrono::seconds(60));

    auto first = server_a.run_due();
    ASSERT_TRUE(first && *first) << (first && !*first ? first->error().message.en : "");
    EXPECT_TRUE((*first)->ran);
    EXPECT_EQ((*first)->day, ymd(2024, 1, 15));
    EXPECT_FALSE(server_a.run_due());  // looked again the same day: nothing to do
    auto b_same_day = server_b.run_due();
    ASSERT_TRUE(b_same_day && *b_same_day);
    EXPECT_FALSE((*b_same_day)->ran);  // the other server claimed it

    clock_.set(kAfterMidnight);
    other_clock.set(kAfterMidnight);
    auto next = server_a.run_due();
    ASSERT_TRUE(next && *next);
    EXPECT_TRUE((*next)->ran);
    EXPECT_EQ((*next)->day, ymd(2024, 1, 16));
    auto b_next = server_b.run_due();
    ASSERT_TRUE(b_next && *b_next);
    EXPECT_FALSE((*b_next)->ran);
    expect_kept_lights_equal_recomputation();
}

TEST_P(DailySweepTest, TheTimerThreadSweepsAndStops) {
    service::DailySweep sweep(store(), clock_, std::chrono::seconds(3600));
    std::promise<service::SweepResult> swept;
    auto done = swept.get_future();
    sweep.start([&](const Result<service::SweepResult>& r) {
        if (r) swept.set_value(*r);
    });
    ASSERT_EQ(done.wait_for(std::chrono::seconds(60)), std::future_status::ready);
    sweep.stop();  // returns although the next look is an hour away
    EXPECT_EQ(done.get().day, clock_.today());
}

INSTANTIATE_TEST_SUITE_P(Backends, DailySweepTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
