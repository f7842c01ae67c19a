// table_checksums' encoding: values that differ anywhere give different digests, so equal
// digests after a copy mean equal tables. Driven by a fake store that exports given rows.
#include <gtest/gtest.h>

#include "store/checksum.hpp"

namespace sanpi::store {
namespace {

struct FakeTable {
    std::string name;
    std::vector<std::string> columns;
    std::vector<std::vector<DumpValue>> rows;
};

// Only export_data does anything: table_checksums needs nothing else.
class ExportOnlyStore final : public Store {
public:
    explicit ExportOnlyStore(std::vector<FakeTable> tables) : tables_(std::move(tables)) {}

    Result<void> export_data(RowSink& sink) override {
        for (const auto& t : tables_) {
            if (auto ok = sink.begin_table(t.name, t.columns); !ok) return ok;
            for (const auto& r : t.rows) {
                if (auto ok = sink.row(r); !ok) return ok;
            }
            if (auto ok = sink.end_table(); !ok) return ok;
        }
        return {};
    }
    Result<void> write(const std::function<Result<void>(Tx&)>&) override { return unused(); }
    Result<void> read(const std::function<Result<void>(Tx&)>&) override { return unused(); }
    Result<int> migrate() override { return unused(); }
    Result<int> schema_version() override { return unused(); }
    std::string_view backend() const override { return "fake"; }
    std::size_t concurrent_writes() const override { return 1; }
    Result<void> import_data(const std::function<Result<void>(RowSink&)>&) override { return unused(); }
    Result<bool> backup_native(const std::string&) override { return unused(); }
    Result<bool> restore_native(const std::string&) override { return unused(); }

private:
    static Error unused() { return Error::internal("unused", "unused"); }
    std::vector<FakeTable> tables_;
};

std::string digest(std::vector<std::string> columns, std::vector<std::vector<DumpValue>> rows) {
    ExportOnlyStore store({{"t", std::move(columns), std::move(rows)}});
    auto sums = table_checksums(store);
    EXPECT_TRUE(sums);
    return sums && sums->size() == 1 ? sums->front().digest : std::string();
}

TEST(TableChecksums, CountsRowsPerTableInOrder) {
    ExportOnlyStore store({{"a", {"x", "y"}, {{"1", "2"}, {"3", DumpValue{}}}}, {"b", {"x", "y"}, {}}});
    auto sums = table_checksums(store);
    ASSERT_TRUE(sums);
    ASSERT_EQ(sums->size(), 2u);
    EXPECT_EQ((*sums)[0].table, "a");
    EXPECT_EQ((*sums)[0].rows, 2);
    EXPECT_EQ((*sums)[1].table, "b");
    EXPECT_EQ((*sums)[1].rows, 0);
    EXPECT_EQ((*sums)[0].digest.size(), 64u);
    EXPECT_NE((*sums)[0].digest, (*sums)[1].digest);
}

TEST(TableChecksums, EqualDataGivesEqualDigests) {
    EXPECT_EQ(digest({"x", "y"}, {{"1", "山西"}}), digest({"x", "y"}, {{"1", "山西"}}));
}

TEST(TableChecksums, EveryDifferenceChangesTheDigest) {
    const auto base = digest({"x", "y"}, {{"ab", "c"}});
    EXPECT_NE(base, digest({"x", "y"}, {{"a", "bc"}}));  // boundaries are part of the value
    EXPECT_NE(base, digest({"x", "z"}, {{"ab", "c"}}));  // column names count
    EXPECT_NE(base, digest({"x", "y"}, {{"ab", "c"}, {"ab", "c"}}));
    EXPECT_NE(base, digest({"x", "y", "ab", "c"}, {}));  // names and values do not blur
    EXPECT_NE(digest({"x", "y"}, {{"", "c"}}), digest({"x", "y"}, {{DumpValue{}, "c"}}));  // NULL is not ''
    EXPECT_NE(digest({"x", "y"}, {{"N", "c"}}), digest({"x", "y"}, {{DumpValue{}, "c"}}));
}

TEST(TableChecksums, HasRowsStopsAtTheFirstRow) {
    ExportOnlyStore empty({{"a", {"x", "y"}, {}}});
    EXPECT_FALSE(has_rows(empty).value());
    ExportOnlyStore full({{"a", {"x", "y"}, {}}, {"b", {"x", "y"}, {{"1", "2"}}}});
    EXPECT_TRUE(has_rows(full).value());
}

}  // namespace
}  // namespace sanpi::store
