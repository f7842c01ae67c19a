// `sanpi figures verify|rebuild` on the demo, on SQLite and PostgreSQL: the demo's kept figures
// equal a recount, a copy recounts them, and a figure altered behind the store's back is found
// and repaired.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "server_process.hpp"
#include "service/clock.hpp"
#include "support/demo_store.hpp"
#include "support/test_store.hpp"

namespace sanpi::testing {
namespace {

class FiguresCli : public ::testing::TestWithParam<Backend> {
protected:
    // Runs SQL on the test database behind the store's back; {t} is `table`, the stage figures' by
    // default.
    void tamper(const TestStore& db, std::string sql, const std::string& name = "figures_zone_stage") {
        for (auto at = sql.find("{t}"); at != std::string::npos; at = sql.find("{t}")) sql.replace(at, 3, name);
        if (GetParam() == Backend::kPostgres) {
            postgres_run(db.url, sql);
            return;
        }
        sqlite3* raw = nullptr;
        ASSERT_EQ(sqlite3_open(db.url.substr(7).c_str(), &raw), SQLITE_OK);
        char* error = nullptr;
        const int rc = sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, &error);
        const std::string message = error ? error : "";
        sqlite3_free(error);
        sqlite3_close(raw);
        ASSERT_EQ(rc, SQLITE_OK) << message;
    }
};

TEST_P(FiguresCli, TheDemoVerifiesAndAnAlteredFigureIsFoundAndRebuilt) {
    auto db = make_test_store(GetParam());
    std::string out;
    ASSERT_EQ(run_sanpi({"demo", "--db", db->url}, &out), 0) << out;
    EXPECT_EQ(run_sanpi({"figures", "verify", "--db", db->url}, &out), 0) << out;
    EXPECT_NE(out.find("kept figures equal a full recount"), std::string::npos) << out;

    // A copy loads rows without the figures and recounts them.
    auto copy = make_test_store(GetParam());
    ASSERT_EQ(run_sanpi({"copy", "--from", db->url, "--to", copy->url}, &out), 0) << out;
    EXPECT_EQ(run_sanpi({"figures", "verify", "--db", copy->url}, &out), 0) << out;

    tamper(*db, "UPDATE {t} SET projects = projects + 1 WHERE stage = 'signed' AND status = 'active'");
    EXPECT_EQ(run_sanpi({"figures", "verify", "--db", db->url}, &out), 3) << out;
    EXPECT_NE(out.find("kept figures differ from a full recount"), std::string::npos) << out;
    EXPECT_NE(out.find("统计数与重新计算不一致"), std::string::npos) << out;
    EXPECT_EQ(run_sanpi({"figures", "rebuild", "--db", db->url}, &out), 0) << out;
    EXPECT_EQ(run_sanpi({"figures", "verify", "--db", db->url}, &out), 0) << out;
}

// The campaign figures per industry (m0013) are checked and rebuilt with the others.
TEST_P(FiguresCli, AnAlteredCampaignIndustryFigureIsFoundAndRebuilt) {
    // The demo as the store tests load it (a copy of one loaded per binary), not `sanpi demo`
    // again: the first test shows the command's demo verifies.
    const auto demo = make_demo_store(GetParam(), service::FixedClock{kSharedDemoNow});
    const auto& db = demo.db;
    std::string out;
    tamper(*db, "UPDATE {t} SET investment_fen = investment_fen + 1 WHERE batch = 'start'",
           "figures_campaign_industry");
    EXPECT_EQ(run_sanpi({"figures", "verify", "--db", db->url}, &out), 3) << out;
    EXPECT_NE(out.find(" 0 campaign batch row(s)"), std::string::npos) << out;
    EXPECT_EQ(out.find(" 0 campaign industry row(s)"), std::string::npos) << out;
    EXPECT_EQ(run_sanpi({"figures", "rebuild", "--db", db->url}, &out), 0) << out;
    EXPECT_EQ(run_sanpi({"figures", "verify", "--db", db->url}, &out), 0) << out;
}

// The size bands (m0014) and the counted columns of a planned campaign's entries are checked too;
// a rebuild sets the entries' columns from their projects again before it recounts.
TEST_P(FiguresCli, AnAlteredSizeBandOrAStaleEntryIsFoundAndRebuilt) {
    const auto demo = make_demo_store(GetParam(), service::FixedClock{kSharedDemoNow});
    const auto& db = demo.db;
    std::string out;
    tamper(*db, "UPDATE {t} SET projects = projects + 1 WHERE threshold_yi = 10", "figures_campaign_band");
    EXPECT_EQ(run_sanpi({"figures", "verify", "--db", db->url}, &out), 3) << out;
    EXPECT_EQ(out.find(" 0 size band row(s)"), std::string::npos) << out;
    EXPECT_EQ(run_sanpi({"figures", "rebuild", "--db", db->url}, &out), 0) << out;
    EXPECT_EQ(run_sanpi({"figures", "verify", "--db", db->url}, &out), 0) << out;

    // The demo's campaign is held (frozen); a planned campaign's entry must follow its project.
    tamper(*db, "UPDATE {t} SET status = 'planning'", "campaigns");
    tamper(*db, "UPDATE {t} SET investment_fen = investment_fen + 1 WHERE batch = 'sign' AND project_id IN "
                "(SELECT project_id FROM {t} WHERE batch = 'sign' ORDER BY project_id LIMIT 1)",
           "campaign_entries");
    EXPECT_EQ(run_sanpi({"figures", "verify", "--db", db->url}, &out), 3) << out;
    EXPECT_NE(out.find(" 1 entry(ies) of planned campaigns"), std::string::npos) << out;
    EXPECT_EQ(run_sanpi({"figures", "rebuild", "--db", db->url}, &out), 0) << out;
    EXPECT_EQ(run_sanpi({"figures", "verify", "--db", db->url}, &out), 0) << out;
}

INSTANTIATE_TEST_SUITE_P(Backends, FiguresCli, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
