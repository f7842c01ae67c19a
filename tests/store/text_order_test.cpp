// Text sorts and searches give the same answer on every backend: byte order (SQLite's BINARY,
// PostgreSQL's COLLATE "C") whatever the database locale, and case folding of ASCII letters only.
#include "store/store_fixture.hpp"

namespace sanpi::store_test {
namespace {

using domain::Scope;
using store::ProjectQuery;
using store::ProjectSortKey;
using Codes = std::vector<std::string>;

class StoreTextOrderTest : public StoreTest {
protected:
    void SetUp() override {
        StoreTest::SetUp();
        w_ = seed();
        // Upper case before lower case, then multi-byte UTF-8: byte order, not dictionary order.
        add("T-1", "banana");
        add("T-2", "Éclair");
        add("T-3", "Banana");
        add("T-4", "éclair");
        add("T-5", "apple");
        add("T-6", "中文项目");
        add("T-7", "Zeta");
    }

    void add(std::string code, std::string name) {
        auto p = make_project(std::move(code), w_.taiyuan_zone);
        p.name = std::move(name);
        add_project(p);
    }

    Codes codes(const ProjectQuery& q) {
        Codes out;
        const auto page =
            read<store::Page<domain::ProjectView>>([&](store::Tx& tx) { return tx.list_projects(Scope::all(), q); });
        for (const auto& v : page.items) out.push_back(v.project.code);
        return out;
    }

    World w_;
};

TEST_P(StoreTextOrderTest, NamesSortInByteOrder) {
    ProjectQuery q;
    q.sort = ProjectSortKey::kName;
    EXPECT_EQ(codes(q), (Codes{"T-3", "T-7", "T-5", "T-1", "T-2", "T-4", "T-6"}));
    q.descending = true;
    EXPECT_EQ(codes(q), (Codes{"T-6", "T-4", "T-2", "T-1", "T-5", "T-7", "T-3"}));
}

TEST_P(StoreTextOrderTest, SearchFoldsAsciiCaseOnly) {
    ProjectQuery q;
    q.text = "BANANA";
    EXPECT_EQ(codes(q), (Codes{"T-1", "T-3"}));
    q.text = "ÉCLAIR";  // É is not ASCII: it matches itself only
    EXPECT_EQ(codes(q), (Codes{"T-2"}));
    q.text = "éclair";
    EXPECT_EQ(codes(q), (Codes{"T-4"}));
    q.text = "文项";
    EXPECT_EQ(codes(q), (Codes{"T-6"}));
}

SANPI_STORE_SUITE(StoreTextOrderTest);

}  // namespace
}  // namespace sanpi::store_test
