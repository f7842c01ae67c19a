// BoundValues records what a binding function binds, so an update can name only the columns that
// change; and the update's column list is the insert's, in the same order.
#include <gtest/gtest.h>

#include "store/sql/bind.hpp"
#include "store/sql/bound_values.hpp"
#include "store/sql/projects_sql.hpp"

namespace sanpi::store_test {
namespace {

using store::sql::BoundValues;

// A statement that keeps what is bound to it, as text, to check bind_to.
class Recorder final : public store::sql::Statement {
public:
    void bind_int64(int i, std::int64_t v) override { put(i, "i" + std::to_string(v)); }
    void bind_text(int i, std::string_view v) override { put(i, "t" + std::string(v)); }
    void bind_blob(int i, std::string_view v) override { put(i, "b" + std::string(v)); }
    void bind_null(int i) override { put(i, "null"); }
    bool step() override { return false; }
    std::int64_t rows_affected() const override { return 0; }
    void reset() override {}
    bool null_at(int) const override { return true; }
    std::int64_t int64_at(int) const override { return 0; }
    std::string text_at(int) const override { return {}; }
    std::string blob_at(int) const override { return {}; }

    std::vector<std::string> bound;

private:
    void put(int i, std::string v) {
        if (bound.size() < static_cast<std::size_t>(i)) bound.resize(static_cast<std::size_t>(i));
        bound[static_cast<std::size_t>(i - 1)] = std::move(v);
    }
};

TEST(BoundValues, OnlyTheParametersWhoseValuesDifferAreNamed) {
    BoundValues stored;
    BoundValues next;
    store::sql::bind_all(stored, 1, "a", std::optional<std::int64_t>{}, std::string_view("same"), 5);
    store::sql::bind_all(next, 1, "b", std::optional<std::int64_t>{7}, std::string_view("same"), 5);
    EXPECT_EQ(next.differing(stored), (std::vector<int>{2, 3}));
    EXPECT_EQ(next.differing(next), std::vector<int>{});
    // A parameter only one side bound counts as different: a row that is gone is all new.
    EXPECT_EQ(next.differing(BoundValues{}), (std::vector<int>{1, 2, 3, 4, 5}));
}

TEST(BoundValues, NullTextAndNumberAreDistinctValues) {
    BoundValues a;
    BoundValues b;
    store::sql::bind_all(a, std::optional<std::string>{}, "1", 0);
    store::sql::bind_all(b, "", 1, std::optional<int>{});
    EXPECT_EQ(a.differing(b), (std::vector<int>{1, 2, 3}));
}

TEST(BoundValues, BindToSendsTheChosenValuesInOrderFromTheFirstParameter) {
    BoundValues values;
    store::sql::bind_all(values, 10, "ten", std::optional<int>{}, store::sql::Blob{"xy"});
    Recorder st;
    EXPECT_EQ(values.bind_to(st, 2, {4, 1, 3}), 5);
    EXPECT_EQ(st.bound, (std::vector<std::string>{"", "bxy", "i10", "null"}));
    EXPECT_THROW(values.bind_to(st, 1, {9}), std::logic_error);
}

TEST(BoundValues, IsARecordNotAStatementToRun) {
    BoundValues values;
    EXPECT_THROW(values.step(), std::logic_error);
    EXPECT_THROW(values.text_at(0), std::logic_error);
}

// kProjectFieldColumns names kInsertProject's columns in its order (bind_project_fields binds both).
TEST(ProjectUpdateColumns, AreTheInsertsColumnsInTheSameOrder) {
    const std::string_view insert = store::sql::projects::kInsertProject;
    const auto open = insert.find('(');
    const auto close = insert.find(')');
    std::vector<std::string> named;
    std::string current;
    for (char c : insert.substr(open + 1, close - open - 1)) {
        if (c == ',') {
            named.push_back(current);
            current.clear();
        } else if (c != ' ') {
            current += c;
        }
    }
    named.push_back(current);
    // The two columns after the fields: the new row's version, and its city, found from its zone.
    ASSERT_EQ(named.back(), "city_code");
    named.pop_back();
    ASSERT_EQ(named.back(), "version");
    named.pop_back();
    ASSERT_EQ(named.size(), store::sql::projects::kProjectFieldColumns.size());
    for (std::size_t i = 0; i < named.size(); ++i) {
        EXPECT_EQ(named[i], store::sql::projects::kProjectFieldColumns[i]) << i;
    }
}

}  // namespace
}  // namespace sanpi::store_test
