#include "service/kept_answers.hpp"

#include <gtest/gtest.h>

namespace sanpi::service::kept_answers_test {

TEST(KeptAnswers, AnAnswerIsReusedOnlyAtItsOwnGeneration) {
    KeptAnswers<int> kept;
    const auto answer = std::make_shared<const int>(7);
    kept.keep("province", 3, answer);
    EXPECT_EQ(kept.find("province", 3), answer);
    EXPECT_EQ(kept.find("province", 4), nullptr);
    EXPECT_EQ(kept.find("province", 2), nullptr);
    EXPECT_EQ(kept.find("city", 3), nullptr);
}

TEST(KeptAnswers, AnOlderAnswerNeverReplacesANewerOne) {
    KeptAnswers<int> kept;
    const auto newer = std::make_shared<const int>(2);
    kept.keep("k", 5, newer);
    kept.keep("k", 4, std::make_shared<const int>(1));  // computed by a request that read before the write
    EXPECT_EQ(kept.find("k", 5), newer);
    const auto newest = std::make_shared<const int>(3);
    kept.keep("k", 6, newest);
    EXPECT_EQ(kept.find("k", 6), newest);
}

TEST(KeptAnswers, WhenFullTheLeastRecentlyUsedKeyGoes) {
    KeptAnswers<int> kept(2);
    kept.keep("a", 1, std::make_shared<const int>(1));
    kept.keep("b", 1, std::make_shared<const int>(2));
    ASSERT_NE(kept.find("a", 1), nullptr);  // a is now more recent than b
    kept.keep("c", 1, std::make_shared<const int>(3));
    EXPECT_NE(kept.find("a", 1), nullptr);
    EXPECT_EQ(kept.find("b", 1), nullptr);
    EXPECT_NE(kept.find("c", 1), nullptr);
}

}  // namespace sanpi::service::kept_answers_test
