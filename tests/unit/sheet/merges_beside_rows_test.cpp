// A worksheet's merged ranges found on a thread of their own while its rows are parsed
// (read_rows_beside_merges): the caller still sees the ranges before the first row, the ranges'
// error before any row, and a row's error after the rows before it.
#include <gtest/gtest.h>

#include <string>

#include "sheet/sheet_reader.hpp"
#include "sheet_test_support.hpp"
#include "support/xlsx_fixture.hpp"

namespace sanpi::sheet {
namespace merges_beside_rows_test {

using namespace sanpi::sheet::test;
using ::sanpi::testing::TempDir;
using ::sanpi::testing::XlsxFixture;

// Rows 1..count of one number cell each; row `bad` (if any) has a cell of an unknown type.
std::string numbered_rows(int count, int bad = 0) {
    std::string rows;
    for (int r = 1; r <= count; ++r) {
        const std::string n = std::to_string(r);
        rows +=
            "<row r=\"" + n + "\"><c r=\"A" + n + "\"" + (r == bad ? " t=\"zz\"" : "") + "><v>" + n + "</v></c></row>";
    }
    return rows;
}

struct Seen {
    std::vector<std::int64_t> rows;
    bool merges_first = true;
    std::string error;
};

Seen read_first_sheet(const std::string& path) {
    Seen seen;
    auto opened = open_sheet(path);
    if (!opened) {
        seen.error = open_error(opened);
        return seen;
    }
    auto& reader = **opened;
    auto read = reader.read_rows(0, [&](const Row& row) -> Result<void> {
        seen.merges_first = seen.merges_first && !reader.sheets()[0].merges.empty();
        seen.rows.push_back(row.number);
        return {};
    });
    if (!read) {
        const auto& e = read.error();
        seen.error = e.fields.empty() ? e.message.en : e.fields.front().message.en;
    }
    return seen;
}

const std::string kMerges = "<mergeCells count=\"1\"><mergeCell ref=\"B1:C2\"/></mergeCells>";

TEST(MergesBesideRows, TheRangesAreThereBeforeTheFirstRow) {
    TempDir dir;
    const std::string path = dir.file("book.xlsx");
    ASSERT_EQ(XlsxFixture().sheet("S", numbered_rows(3000), kMerges).write(path), "");
    const auto seen = read_first_sheet(path);
    EXPECT_EQ(seen.error, "");
    ASSERT_EQ(seen.rows.size(), 3000u);
    for (std::size_t i = 0; i < seen.rows.size(); ++i) ASSERT_EQ(seen.rows[i], static_cast<std::int64_t>(i + 1));
    EXPECT_TRUE(seen.merges_first);
}

TEST(MergesBesideRows, TheRangesErrorComesBeforeAnyRow) {
    TempDir dir;
    const std::string path = dir.file("book.xlsx");
    const std::string bad = "<mergeCells count=\"1\"><mergeCell ref=\"C3:A1\"/></mergeCells>";
    ASSERT_EQ(XlsxFixture().sheet("S", numbered_rows(3000), bad).write(path), "");
    const auto seen = read_first_sheet(path);
    EXPECT_NE(seen.error.find("invalid merged range \"C3:A1\""), std::string::npos) << seen.error;
    EXPECT_TRUE(seen.rows.empty());
    // Even when a row is bad too: the ranges were always read first.
    ASSERT_EQ(XlsxFixture().sheet("S", numbered_rows(3000, 2), bad).write(path), "");
    const auto both = read_first_sheet(path);
    EXPECT_NE(both.error.find("invalid merged range"), std::string::npos) << both.error;
    EXPECT_TRUE(both.rows.empty());
}

TEST(MergesBesideRows, ARowsErrorComesAfterTheRowsBeforeIt) {
    TempDir dir;
    const std::string path = dir.file("book.xlsx");
    ASSERT_EQ(XlsxFixture().sheet("S", numbered_rows(3000, 1500), kMerges).write(path), "");
    const auto seen = read_first_sheet(path);
    EXPECT_NE(seen.error.find("cell A1500 has an unknown type \"zz\""), std::string::npos) << seen.error;
    EXPECT_EQ(seen.rows.size(), 1499u);
    EXPECT_TRUE(seen.merges_first);
}

}  // namespace merges_beside_rows_test
}  // namespace sanpi::sheet
