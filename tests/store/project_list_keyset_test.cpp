// The project list at scale (m0007): the denormalised city kept right on every write, and keyset
// paging that neither repeats nor skips rows while the list changes between pages.
#include <algorithm>
#include <map>
#include <set>

#include "store/sql/connection.hpp"
#include "store/raw_connection.hpp"
#include "store/store_fixture.hpp"

namespace sanpi::store_test {
namespace {

using domain::Scope;
using store::ProjectQuery;
using store::ProjectSortKey;
using Ids = std::vector<std::int64_t>;

class StoreProjectListKeysetTest : public StoreTest {
protected:
    void SetUp() override {
        StoreTest::SetUp();
        w_ = seed();
    }

    store::Page<domain::ProjectView> list(const ProjectQuery& q, const Scope& scope = Scope::all()) {
        return read<store::Page<domain::ProjectView>>([&](store::Tx& tx) { return tx.list_projects(scope, q); });
    }

    Ids ids(const ProjectQuery& q, const Scope& scope = Scope::all()) {
        Ids out;
        for (const auto& v : list(q, scope).items) out.push_back(v.project.id);
        return out;
    }

    static ProjectQuery in_city(std::string city) {
        ProjectQuery q;
        q.city_code = std::move(city);
        q.limit = 500;
        return q;
    }

    std::int64_t add(int n, std::int64_t zone, std::optional<domain::Date> start, std::int64_t yuan,
                     domain::Stage stage = domain::Stage::kSigned) {
        auto p = make_project("K-" + std::to_string(1000 + n), zone, {w_.coal_corp});
        p.name = "项目 " + std::to_string(n % 7) + " " + std::to_string(n);
        p.total_investment = domain::Money::from_fen(yuan * 100);
        p.planned.start = start;
        p.stage = stage;
        return add_project(p);
    }

    void update(std::int64_t id, const std::function<void(domain::Project&)>& change) {
        write_void([&](store::Tx& tx) -> Result<void> {
            auto view = tx.get_project(Scope::all(), id);
            if (!view) return view.error();
            auto p = (*view)->project;
            change(p);
            return tx.update_project(p, p.version);
        });
    }

    World w_;
};

TEST_P(StoreProjectListKeysetTest, CityFollowsTheProjectsZoneOnInsertAndMove) {
    const auto a = add(1, w_.xiaodian_zone, std::nullopt, 10);
    const auto b = add(2, w_.datong_zone, std::nullopt, 10);
    EXPECT_EQ(ids(in_city("140100")), Ids{a});
    EXPECT_EQ(ids(in_city("140200")), Ids{b});
    update(a, [&](domain::Project& p) { p.zone_id = w_.datong_zone; });
    EXPECT_EQ(ids(in_city("140100")), Ids{});
    EXPECT_EQ(ids(in_city("140200")), (Ids{a, b}));
    EXPECT_EQ(ids({}, Scope::region(region_code("140200"))), (Ids{a, b}));
    EXPECT_EQ(ids({}, Scope::region(region_code("140000"))), (Ids{a, b}));
}

TEST_P(StoreProjectListKeysetTest, CityFollowsAZoneGivenAnotherRegionAndIgnoresDirectWrites) {
    const auto a = add(1, w_.taiyuan_zone, std::nullopt, 10);
    auto conn = open_raw_connection(*db_, GetParam());
    // No route changes a zone's region today; whatever does later, the trigger keeps up.
    conn->execute("UPDATE zones SET region_code = '140200' WHERE code = 'TY-ETDZ'");
    EXPECT_EQ(ids(in_city("140100")), Ids{});
    EXPECT_EQ(ids(in_city("140200")), Ids{a});
    // A write of the column itself cannot make it disagree with the zone.
    conn->execute("UPDATE projects SET city_code = '140100'");
    EXPECT_EQ(ids(in_city("140200")), Ids{a});
    // Every project's city agrees with its zone's region.
    auto check = conn->prepare(
        "SELECT COUNT(*) FROM projects p JOIN zones z ON z.id = p.zone_id "
        "WHERE p.city_code IS NULL OR p.city_code <> substr(z.region_code, 1, 4) || '00'");
    ASSERT_TRUE(check->step());
    EXPECT_EQ(check->int64_at(0), 0);
}

// Pages through with `limit` rows a page, calling `between` after each page; returns every id seen.
Ids page_through(StoreProjectListKeysetTest& t, ProjectQuery q, std::int64_t limit,
                 const std::function<void(int page)>& between,
                 const std::function<store::Page<domain::ProjectView>(const ProjectQuery&)>& list) {
    Ids seen;
    q.limit = limit;
    for (int page = 0; page < 200; ++page) {
        auto got = list(q);
        for (const auto& v : got.items) seen.push_back(v.project.id);
        if (!got.next) break;
        EXPECT_EQ(got.items.size(), static_cast<std::size_t>(limit));
        EXPECT_EQ(got.next->id, got.items.back().project.id);
        q.after = got.next;
        q.count_total = false;
        between(page);
    }
    (void)t;
    return seen;
}

TEST_P(StoreProjectListKeysetTest, KeysetPagesRepeatAndSkipNothingWhileRowsChange) {
    struct Case {
        ProjectSortKey key;
        bool descending;
    };
    const Case cases[] = {{ProjectSortKey::kId, false},           {ProjectSortKey::kId, true},
                          {ProjectSortKey::kCode, false},         {ProjectSortKey::kName, true},
                          {ProjectSortKey::kTotalInvestment, true}, {ProjectSortKey::kPlannedStart, false},
                          {ProjectSortKey::kPlannedStart, true},  {ProjectSortKey::kStage, false}};
    int next_number = 0;
    std::vector<std::int64_t> original;
    for (int i = 0; i < 23; ++i) {
        std::optional<domain::Date> start;
        if (i % 3 != 0) start = date(2022, 1 + i % 12, 1 + i % 5);  // ties and NULLs
        const auto stage = static_cast<domain::Stage>(i % 5);
        original.push_back(add(next_number++, i % 2 ? w_.taiyuan_zone : w_.xiaodian_zone, start, 100 * (i % 4), stage));
    }
    for (const auto& c : cases) {
        SCOPED_TRACE(::testing::Message() << "sort " << static_cast<int>(c.key) << (c.descending ? " desc" : " asc"));
        ProjectQuery q = in_city("140100");
        q.sort = c.key;
        q.descending = c.descending;
        int changed = 0;
        const auto seen = page_through(
            *this, q, 4,
            [&](int page) {
                // New rows sorting anywhere (before and after the cursor), and changes to rows that
                // leave their sort value alone.
                std::optional<domain::Date> start;
                if (page % 2) start = date(2022, 1 + page % 12, 2);
                add(next_number++, w_.taiyuan_zone, start, 100 * (page % 4), static_cast<domain::Stage>(page % 5));
                update(original[static_cast<std::size_t>(changed++ % 23)],
                       [](domain::Project& p) { p.responsible_unit = p.responsible_unit + "x"; });
            },
            [&](const ProjectQuery& query) { return list(query); });
        std::set<std::int64_t> unique(seen.begin(), seen.end());
        EXPECT_EQ(unique.size(), seen.size()) << "a row came twice";
        for (auto id : original) EXPECT_EQ(unique.count(id), 1U) << "row " << id << " skipped";
        // The pages, joined, are in the list's own order.
        ProjectQuery all = q;
        all.limit = 500;
        Ids ordered = ids(all);
        Ids seen_in_order;
        for (auto id : ordered) {
            if (unique.count(id)) seen_in_order.push_back(id);
        }
        EXPECT_EQ(seen, seen_in_order);
    }
}

TEST_P(StoreProjectListKeysetTest, CursorPagesAreNotCountedAndTheLastPageHasNoNext) {
    for (int i = 0; i < 5; ++i) add(i, w_.taiyuan_zone, std::nullopt, i);
    ProjectQuery q = in_city("140100");
    q.limit = 3;
    auto first = list(q);
    EXPECT_EQ(first.total, 5);
    ASSERT_TRUE(first.next);
    q.after = first.next;
    q.count_total = false;
    auto second = list(q);
    EXPECT_EQ(second.total, 0);
    EXPECT_EQ(second.items.size(), 2U);
    EXPECT_FALSE(second.next);
}

TEST_P(StoreProjectListKeysetTest, APlaceThatDoesNotFitTheSortIsInvalid) {
    add(1, w_.taiyuan_zone, std::nullopt, 1);
    ProjectQuery q;
    q.sort = ProjectSortKey::kTotalInvestment;
    q.after = store::ListPosition{std::string("text"), 1};
    auto r = store::read_value<store::Page<domain::ProjectView>>(
        store(), [&](store::Tx& tx) { return tx.list_projects(Scope::all(), q); });
    ASSERT_FALSE(r);
    ASSERT_EQ(r.error().fields.size(), 1U);
    EXPECT_EQ(r.error().fields[0].field, "cursor");
}

// The text index follows every write that changes what the search looks at: the project's name,
// code name and national code, its investors, an investor's name. Each answer is also the LIKE
// search's over every row.
TEST_P(StoreProjectListKeysetTest, TheSearchIndexFollowsEveryWrite) {
    auto search = [&](const std::string& text) {
        ProjectQuery q;
        q.text = text;
        q.limit = 500;
        auto indexed = ids(q);
        q.text_without_index = true;
        EXPECT_EQ(indexed, ids(q)) << text;
        return indexed;
    };
    const auto a = add(1, w_.taiyuan_zone, std::nullopt, 1);
    update(a, [](domain::Project& p) { p.name = "Graphene Alpha 石墨烯薄膜"; });
    EXPECT_EQ(search("graphene"), Ids{a});
    EXPECT_EQ(search("石墨烯"), Ids{a});
    EXPECT_EQ(search("shanxi coal"), Ids{a});
    update(a, [&](domain::Project& p) {
        p.name = "Carbon Beta";
        p.investor_ids = {w_.steel_corp};
    });
    EXPECT_EQ(search("graphene"), Ids{});
    EXPECT_EQ(search("CARBON"), Ids{a});
    EXPECT_EQ(search("shanxi coal"), Ids{});
    EXPECT_EQ(search("太钢不"), Ids{a});
    // The code name alone changes (m0012 updates the index only when a searched text does); an
    // edit of no searched text leaves the entry as it is.
    update(a, [](domain::Project& p) { p.code_name = "代号蓝鲸"; });
    EXPECT_EQ(search("蓝鲸"), Ids{a});
    update(a, [](domain::Project& p) { p.responsible_post = "副主任"; });
    EXPECT_EQ(search("蓝鲸"), Ids{a});
    EXPECT_EQ(search("CARBON"), Ids{a});
    update(a, [](domain::Project& p) { p.code_name = "代号海豚"; });
    EXPECT_EQ(search("蓝鲸"), Ids{});
    EXPECT_EQ(search("海豚"), Ids{a});
    auto conn = open_raw_connection(*db_, GetParam());
    conn->execute("UPDATE enterprises SET name = 'Zinc Works' WHERE credit_code IN "
                  "(SELECT e.credit_code FROM enterprises e JOIN project_investors pi ON pi.enterprise_id = e.id)");
    EXPECT_EQ(search("太钢不"), Ids{});
    EXPECT_EQ(search("zinc wor"), Ids{a});
    conn->execute("DELETE FROM project_investors");
    EXPECT_EQ(search("zinc wor"), Ids{});
}

// SQLite keeps the index at commit (m0025): a transaction that writes many projects leaves no note
// behind and every entry written (how much faster that is, bench/import measures). A write the
// store did not make (a raw connection) leaves its note, the search still finds the project
// through it, and the next store write rewrites the entry and clears the note.
TEST_P(StoreProjectListKeysetTest, SqliteRewritesTheSearchEntriesOnceAtCommit) {
    if (GetParam() != testing::Backend::kSqlite) return;  // PostgreSQL's indexes follow values
    auto conn = open_raw_connection(*db_, GetParam());
    const auto count = [&](const std::string& sql) {
        auto q = conn->prepare(sql);
        EXPECT_TRUE(q->step()) << sql;
        return q->int64_at(0);
    };
    const auto indexed_only = [&](const std::string& text) {
        auto q = conn->prepare("SELECT count(*) FROM project_search WHERE project_search MATCH ?");
        q->bind_text(1, "\"" + text + "\"");
        EXPECT_TRUE(q->step());
        return q->int64_at(0);
    };
    write_void([&](store::Tx& tx) -> Result<void> {
        for (int n = 0; n < 300; ++n) {
            auto p = make_project("FTS-" + std::to_string(n), w_.taiyuan_zone, {w_.coal_corp});
            p.name = "批量石墨烯项目 " + std::to_string(n);
            if (auto id = tx.insert_project(p); !id) return id.error();
        }
        return {};
    });
    EXPECT_EQ(count("SELECT count(*) FROM project_search_stale"), 0);
    EXPECT_EQ(indexed_only("石墨烯"), 300);

    conn->execute("UPDATE projects SET name = '手改钛合金项目' WHERE code = 'FTS-7'");
    EXPECT_EQ(count("SELECT count(*) FROM project_search_stale"), 1);
    EXPECT_EQ(indexed_only("钛合金"), 0);
    ProjectQuery q;
    q.text = "钛合金";
    EXPECT_EQ(list(q).items.size(), 1U);
    add(1, w_.taiyuan_zone, std::nullopt, 1);
    EXPECT_EQ(count("SELECT count(*) FROM project_search_stale"), 0);
    EXPECT_EQ(indexed_only("钛合金"), 1);
    EXPECT_EQ(indexed_only("石墨烯"), 299);
}

SANPI_STORE_SUITE(StoreProjectListKeysetTest);

}  // namespace
}  // namespace sanpi::store_test
