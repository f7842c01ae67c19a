// The campaign summary's JSON beyond the breakdowns: size bands, top projects, the previous
// campaign, the conversion in basis points and the figures' date; the dashboard's campaign without.
#include <gtest/gtest.h>

#include "http/codec.hpp"
#include "support/summary_builders.hpp"

namespace sanpi::http {
namespace {

TEST(CampaignSummaryJson, ComparisonsAndRatesInBasisPoints) {
    const auto body = campaign_summary_json(::sanpi::testing::full_summary());
    const auto& sign = body.at("batches").at(0).as_object();
    const auto& band = sign.at("size_bands").at(1).as_object();
    EXPECT_EQ(band.at("threshold_yi").as_int64(), 10);
    EXPECT_EQ(band.at("projects").as_int64(), 80);
    EXPECT_EQ(band.at("share_bp").as_int64(), 2492);  // 80 of the batch's 321
    EXPECT_EQ(band.at("total_investment"), "80000000000");  // 800亿元 in yuan, a string as every amount
    const auto& top = sign.at("top_projects").at(0).as_object();
    EXPECT_EQ(top.at("project_id").as_int64(), 7);
    EXPECT_EQ(top.at("city_name_en"), "Changzhi");
    EXPECT_EQ(top.at("industry_name"), "现代煤化工");
    EXPECT_EQ(top.at("total_investment"), "18050000000");
    EXPECT_EQ(body.at("previous").at("date"), "2022-03-18");
    ASSERT_EQ(body.at("previous_batches").as_array().size(), 3u);
    EXPECT_FALSE(body.at("previous_batches").at(0).as_object().contains("by_city"));
    const auto& conversion = body.at("conversion").as_object();
    EXPECT_EQ(conversion.at("signed_earlier").as_int64(), 300);
    EXPECT_EQ(conversion.at("start_rate_bp").as_int64(), 7133);       // 214 / 300
    EXPECT_EQ(conversion.at("production_rate_bp").as_int64(), 3065);  // 95 / 310, half up
    EXPECT_EQ(body.at("figures_as_of"), "2022-06-30");
}

TEST(CampaignSummaryJson, NoPreviousCampaignAndRatesWithoutADenominatorAreNull) {
    const auto body = campaign_summary_json(::sanpi::testing::demo_summary());
    EXPECT_TRUE(body.at("previous").is_null());
    EXPECT_TRUE(body.at("previous_batches").as_array().empty());
    EXPECT_TRUE(body.at("conversion").at("start_rate_bp").is_null());
    EXPECT_TRUE(body.at("conversion").at("production_rate_bp").is_null());
    const auto dashboard = to_json(::sanpi::testing::full_summary());  // the dashboard's campaign: totals only
    EXPECT_FALSE(dashboard.contains("conversion"));
    EXPECT_FALSE(dashboard.contains("previous"));
    EXPECT_FALSE(dashboard.contains("figures_as_of"));
    EXPECT_FALSE(dashboard.at("batches").at(0).as_object().contains("size_bands"));
}

}  // namespace
}  // namespace sanpi::http
