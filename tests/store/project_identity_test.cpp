// What m0005 added to projects: identity columns, funding, capacity agreement, realised figures,
// planned-date history, and the list's national code and code name search.
#include "store/store_fixture.hpp"

namespace sanpi::store_test {
namespace {

using domain::Money;
using domain::Scope;

Money yuan(std::int64_t n) { return Money::from_fen(n * 100); }

class StoreIdentityTest : public StoreTest {
protected:
    void SetUp() override {
        StoreTest::SetUp();
        w_ = seed();
    }

    // A started project with every identity and commitment field set.
    domain::Project identified(std::string code, std::string national_code) {
        auto p = make_project(std::move(code), w_.taiyuan_zone, {w_.coal_corp});
        p.stage = domain::Stage::kProducing;
        p.actual.start = date(2022, 6, 22);
        p.actual.production = date(2022, 9, 1);
        p.national_code = std::move(national_code);
        p.approval =
            domain::Approval{domain::ApprovalKind::kVerification, date(2022, 5, 10), "太原市行政审批服务管理局",
                             "并审管核准〔2022〕12号", domain::ApprovalExtension{date(2024, 4, 1), date(2025, 3, 1)}};
        p.stats_entry_date = date(2022, 7, 1);
        p.funding = {{domain::FundingSource::kOwnFunds, yuan(600'000)},
                     {domain::FundingSource::kBankLoans, yuan(300'000)},
                     {domain::FundingSource::kCentralBudget, yuan(100'000)}};
        p.capacity_agreement = domain::CapacityAgreement{yuan(5'000'000), yuan(300'000), 120, 4'050};
        p.realised = {{2022, yuan(800'000), yuan(40'000), 60}, {2023, yuan(4'100'000), yuan(250'000), 110}};
        return p;
    }

    std::int64_t count_with(const Scope& scope, store::ProjectQuery q) {
        return read<store::Page<domain::ProjectView>>([&](store::Tx& tx) { return tx.list_projects(scope, q); }).total;
    }

    World w_;
};

TEST_P(StoreIdentityTest, EveryIdentityAndCommitmentFieldReadsBack) {
    const auto p = identified("P-ID-1", "2205-140100-89-01-123456");
    const auto id = add_project(p);
    const auto got = get_project(Scope::all(), id)->project;
    EXPECT_EQ(got.national_code, p.national_code);
    EXPECT_FALSE(got.national_code_legacy);
    EXPECT_EQ(got.approval, p.approval);
    EXPECT_EQ(got.stats_entry_date, p.stats_entry_date);
    EXPECT_EQ(got.code_name, "");
    EXPECT_EQ(got.funding, p.funding);  // in the order written
    EXPECT_EQ(got.capacity_agreement, p.capacity_agreement);
    EXPECT_EQ(got.realised, p.realised);
    const auto by_code =
        read<std::optional<domain::Project>>([](store::Tx& tx) { return tx.find_project_by_code("P-ID-1"); });
    ASSERT_TRUE(by_code);
    EXPECT_EQ(by_code->funding, p.funding);
    EXPECT_EQ(by_code->realised, p.realised);
    EXPECT_EQ(by_code->approval, p.approval);
}

TEST_P(StoreIdentityTest, AProjectWithoutAnyReadsBackEmpty) {
    const auto id = add_project(make_project("P-PLAIN", w_.taiyuan_zone));
    const auto got = get_project(Scope::all(), id)->project;
    EXPECT_EQ(got.national_code, "");
    EXPECT_FALSE(got.approval);
    EXPECT_FALSE(got.stats_entry_date);
    EXPECT_TRUE(got.funding.empty());
    EXPECT_FALSE(got.capacity_agreement);
    EXPECT_TRUE(got.realised.empty());
}

TEST_P(StoreIdentityTest, UpdateReplacesListsAndClearsWhatIsRemoved) {
    auto p = identified("P-ID-2", "2020-140100-04-02-000017");
    p.national_code_legacy = true;
    p.id = add_project(p);
    p.funding = {{domain::FundingSource::kOwnFunds, p.total_investment}};
    p.realised = {{2023, yuan(1), yuan(2), 3}};
    p.approval->extension.reset();
    p.capacity_agreement.reset();
    p.stats_entry_date.reset();
    write_void([&](store::Tx& tx) { return tx.update_project(p, 1); });
    auto got = get_project(Scope::all(), p.id)->project;
    EXPECT_TRUE(got.national_code_legacy);
    EXPECT_EQ(got.funding, p.funding);
    EXPECT_EQ(got.realised, p.realised);
    EXPECT_EQ(got.approval, p.approval);
    EXPECT_FALSE(got.capacity_agreement);
    EXPECT_FALSE(got.stats_entry_date);
    got.national_code.clear();
    got.national_code_legacy = false;
    got.approval.reset();
    got.funding.clear();
    got.realised.clear();
    write_void([&](store::Tx& tx) { return tx.update_project(got, 2); });
    const auto cleared = get_project(Scope::all(), p.id)->project;
    EXPECT_EQ(cleared.national_code, "");
    EXPECT_FALSE(cleared.approval);
    EXPECT_TRUE(cleared.funding.empty());
    EXPECT_TRUE(cleared.realised.empty());
}

TEST_P(StoreIdentityTest, ListsCarryTheIdentityButNotTheFundingOrRealisedFigures) {
    add_project(identified("P-ID-3", "2205-140100-89-01-223456"));
    auto page = read<store::Page<domain::ProjectView>>(
        [](store::Tx& tx) { return tx.list_projects(Scope::all(), store::ProjectQuery{}); });
    ASSERT_EQ(page.items.size(), 1u);
    const auto& listed = page.items[0].project;
    EXPECT_EQ(listed.national_code, "2205-140100-89-01-223456");
    EXPECT_TRUE(listed.approval);
    EXPECT_TRUE(listed.capacity_agreement);
    EXPECT_TRUE(listed.funding.empty());
    EXPECT_TRUE(listed.realised.empty());
}

TEST_P(StoreIdentityTest, ANationalCodeIsUniqueWhenPresent) {
    add_project(identified("P-ID-4", "2205-140100-89-01-323456"));
    add_project(make_project("P-NONE-1", w_.taiyuan_zone));
    add_project(make_project("P-NONE-2", w_.datong_zone));  // two without a code do not collide
    auto e = write_error(
        [&](store::Tx& tx) { return tx.insert_project(identified("P-ID-5", "2205-140100-89-01-323456")).error(); });
    EXPECT_EQ(e.code, ErrorCode::kConflict);
    ASSERT_EQ(e.fields.size(), 1u);
    EXPECT_EQ(e.fields[0].field, "national_code");
    EXPECT_EQ(e.message.en.find("P-ID-4"), std::string::npos);  // never names the holder
    EXPECT_FALSE(read<std::optional<domain::Project>>([](store::Tx& tx) { return tx.find_project_by_code("P-ID-5"); }));
}

TEST_P(StoreIdentityTest, RegionsAreLookedUpByCode) {
    EXPECT_TRUE(read<bool>([](store::Tx& tx) { return tx.region_exists("140105"); }));
    EXPECT_FALSE(read<bool>([](store::Tx& tx) { return tx.region_exists("150100"); }));
}

TEST_P(StoreIdentityTest, PlannedDateChangesKeepWhoWhenAndWhy) {
    const auto id = add_project(make_project("P-PLAN", w_.taiyuan_zone));
    const auto user = write<std::int64_t>([](store::Tx& tx) { return tx.insert_user(make_user("planner")); });
    domain::PlannedDateChange slip{
        id, domain::Milestone::kStart, date(2022, 6, 1), date(2022, 9, 1), "征地延期", user, 1'700'000'000};
    domain::PlannedDateChange first{id,           domain::Milestone::kCapacity, std::nullopt, date(2025, 1, 1), "", 0,
                                    1'700'000'100};
    write_void([&](store::Tx& tx) { return tx.insert_planned_date_change(slip); });
    write_void([&](store::Tx& tx) { return tx.insert_planned_date_change(first); });
    const auto entries = read<std::vector<store::PlannedDateChangeEntry>>(
        [&](store::Tx& tx) { return tx.list_planned_date_changes(id); });
    ASSERT_EQ(entries.size(), 2u);
    const auto& a = entries[0].change;
    EXPECT_EQ(a.milestone, domain::Milestone::kStart);
    EXPECT_EQ(a.old_date, slip.old_date);
    EXPECT_EQ(a.new_date, slip.new_date);
    EXPECT_EQ(a.reason, "征地延期");
    EXPECT_EQ(a.user_id, user);
    EXPECT_EQ(a.at, 1'700'000'000);
    EXPECT_EQ(entries[0].user_name, "planner");
    EXPECT_FALSE(entries[1].change.old_date);
    EXPECT_EQ(entries[1].change.user_id, 0);
    EXPECT_EQ(entries[1].user_name, "");
    auto missing = slip;
    missing.project_id = 999'999;
    const auto e = write_error([&](store::Tx& tx) { return tx.insert_planned_date_change(missing); });
    EXPECT_EQ(e.code, ErrorCode::kInvalidInput);
}

TEST_P(StoreIdentityTest, TheListFindsProjectsByNationalCode) {
    add_project(identified("P-ID-6", "2205-140100-89-01-423456"));
    add_project(identified("P-ID-7", "2205-140100-89-01-523456"));
    store::ProjectQuery exact;
    exact.national_code = "2205-140100-89-01-423456";
    EXPECT_EQ(count_with(Scope::all(), exact), 1);
    exact.national_code = "2205-140100-89-01";
    EXPECT_EQ(count_with(Scope::all(), exact), 0);  // exact, not a prefix
    store::ProjectQuery text;
    text.text = "2205-140100-89-01";
    EXPECT_EQ(count_with(Scope::all(), text), 2);
    text.text = "523456";
    EXPECT_EQ(count_with(Scope::all(), text), 1);
    exact.national_code = "2205-140100-89-01-423456";
    EXPECT_EQ(count_with(Scope::zone(w_.datong_zone), exact), 0);  // scoped like every filter
}

TEST_P(StoreIdentityTest, MaskedListsSearchAndSortReserveProjectsByTheirCodeNameOnly) {
    auto secret = make_project("P-SECRET", w_.taiyuan_zone, {w_.steel_corp});
    secret.name = "Zeta smelter";
    secret.code_name = "Alpha-07";
    secret.stage = domain::Stage::kReserve;
    secret.actual = {};
    secret.national_code = "2205-140100-89-01-623456";
    add_project(secret);
    auto open = make_project("P-OPEN", w_.taiyuan_zone, {w_.coal_corp});
    open.name = "Beta works";
    add_project(open);
    for (const bool masked : {false, true}) {
        SCOPED_TRACE(masked ? "masked" : "not masked");
        store::ProjectQuery q;
        q.mask_code_names = masked;
        for (const char* term : {"zeta", "太钢", "623456"}) {  // name, investor, national code
            q.text = term;
            EXPECT_EQ(count_with(Scope::all(), q), masked ? 0 : 1) << term;
        }
        q.text = "alpha-07";
        EXPECT_EQ(count_with(Scope::all(), q), 1);
        q.text.reset();
        q.national_code = "2205-140100-89-01-623456";
        EXPECT_EQ(count_with(Scope::all(), q), masked ? 0 : 1);
        q.national_code.reset();
        q.sort = store::ProjectSortKey::kName;
        auto page =
            read<store::Page<domain::ProjectView>>([&](store::Tx& tx) { return tx.list_projects(Scope::all(), q); });
        ASSERT_EQ(page.items.size(), 2u);
        // "Alpha-07" < "Beta works" < "Zeta smelter"
        EXPECT_EQ(page.items[0].project.code, masked ? "P-SECRET" : "P-OPEN");
    }
}

SANPI_STORE_SUITE(StoreIdentityTest);

}  // namespace
}  // namespace sanpi::store_test
