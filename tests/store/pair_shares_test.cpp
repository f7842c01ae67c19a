// The choice between the pairs index and checking rows in order for a two-character search
// (store/sql/pair_shares.hpp), and the statistics' freshness.
#include "store/sql/pair_shares.hpp"

#include <gtest/gtest.h>

namespace sanpi::store::sql {
namespace {

constexpr std::int64_t kLimit = 10000;

TEST(ScanBeatsIndex, ACommonPairAmongManyProjectsIsScanned) {
    EXPECT_TRUE(scan_beats_index(0.12, 1'000'000, kLimit));  // 光伏 in the national dataset
    EXPECT_TRUE(scan_beats_index(0.33, 100'000, kLimit));
}

TEST(ScanBeatsIndex, ARarePairGoesThroughTheIndex) {
    EXPECT_FALSE(scan_beats_index(0.002, 1'000'000, kLimit));
    EXPECT_FALSE(scan_beats_index(0.01, 1'000'000, kLimit));  // the scan would not reach the limit early
    EXPECT_FALSE(scan_beats_index(0.02, 300, kLimit));
}

TEST(ScanBeatsIndex, AFewRowsAreScannedWhenTheShareIsHighEnough) { EXPECT_TRUE(scan_beats_index(0.5, 300, kLimit)); }

TEST(ScanBeatsIndex, NoStatisticsMeansTheIndex) {
    EXPECT_FALSE(scan_beats_index(0, 1'000'000, kLimit));
    EXPECT_FALSE(scan_beats_index(0.5, 0, kLimit));
}

TEST(PairShares, FreshUntilMaxAgeThenNull) {
    PairShares shares;
    const auto t0 = std::chrono::steady_clock::now();
    EXPECT_EQ(shares.fresh(t0), nullptr);
    shares.replace(PairStatistics{{{"光伏", 0.12}}, 1'000'000}, t0);
    auto got = shares.fresh(t0 + PairShares::kMaxAge);
    ASSERT_NE(got, nullptr);
    EXPECT_DOUBLE_EQ(got->shares.at("光伏"), 0.12);
    EXPECT_EQ(shares.fresh(t0 + PairShares::kMaxAge + std::chrono::seconds(1)), nullptr);
}

}  // namespace
}  // namespace sanpi::store::sql
