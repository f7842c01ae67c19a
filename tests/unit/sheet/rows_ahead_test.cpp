// A sheet's rows read on a second thread (read_rows_ahead): the caller gets the reader's rows in
// order, its merged ranges first, its error after the rows before it; the caller's error or
// exception stops the reading thread.
#include "sheet/rows_ahead.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <vector>

#include "sheet_test_support.hpp"

namespace sanpi::sheet {
namespace rows_ahead_test {

using namespace sanpi::sheet::test;

// Rows 1..count, each with a number and a text cell, then an error when asked for one.
class CountingReader : public SheetReader {
public:
    CountingReader(std::int64_t count, bool fail_at_end) : count_(count), fail_at_end_(fail_at_end) {
        sheets_.push_back({"S", {}});
    }
    const std::vector<SheetInfo>& sheets() const override { return sheets_; }
    bool date1904() const override { return false; }
    Result<void> read_rows(std::size_t, const std::function<Result<void>(const Row&)>& on_row) override {
        sheets_[0].merges = {{1, 2, 0, 3}};
        Row row;
        for (std::int64_t r = 1; r <= count_; ++r) {
            row.number = r;
            row.cells = {number(0, std::to_string(r)), text(2, std::string(static_cast<std::size_t>(r % 50), 'x'))};
            ++delivered;
            if (auto taken = on_row(row); !taken) return taken;
        }
        if (fail_at_end_) return Error::invalid_field("file", "坏了", "broken after the last row");
        return {};
    }
    std::atomic<std::int64_t> delivered{0};

private:
    std::vector<SheetInfo> sheets_;
    std::int64_t count_;
    bool fail_at_end_;
};

Row expected_row(std::int64_t r) {
    return {r, {number(0, std::to_string(r)), text(2, std::string(static_cast<std::size_t>(r % 50), 'x'))}};
}

TEST(RowsAhead, DeliversTheReadersRowsInOrderWithTheMergesFirst) {
    // Not a whole number of batches, and more batches than are held ahead.
    const std::int64_t count = static_cast<std::int64_t>(kRowsPerBatch * (kBatchesAhead * 3) + 17);
    CountingReader reader(count, false);
    std::vector<Row> rows;
    bool merges_first = true;
    auto read = read_rows_ahead(reader, 0, [&](const Row& row) -> Result<void> {
        merges_first = merges_first && reader.sheets()[0].merges.size() == 1;
        rows.push_back(row);
        return {};
    });
    ASSERT_TRUE(read);
    EXPECT_TRUE(merges_first);
    ASSERT_EQ(rows.size(), static_cast<std::size_t>(count));
    for (std::int64_t r = 1; r <= count; ++r) ASSERT_EQ(rows[static_cast<std::size_t>(r - 1)], expected_row(r));
}

TEST(RowsAhead, TheReadersErrorComesAfterItsRows) {
    CountingReader reader(1000, true);
    std::int64_t seen = 0;
    auto read = read_rows_ahead(reader, 0, [&](const Row& row) -> Result<void> {
        EXPECT_EQ(row.number, ++seen);
        return {};
    });
    EXPECT_EQ(seen, 1000);
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().fields.at(0).message.en, "broken after the last row");
}

TEST(RowsAhead, TheCallersErrorStopsTheReading) {
    CountingReader reader(1'000'000, false);
    auto read = read_rows_ahead(reader, 0, [&](const Row& row) -> Result<void> {
        if (row.number == 300) return Error::invalid_field("row", "第300行", "row 300 refused");
        return {};
    });
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().fields.at(0).message.en, "row 300 refused");
    // The reading thread ran ahead by the batches it may hold, not through the sheet.
    EXPECT_LE(reader.delivered.load(), static_cast<std::int64_t>(kRowsPerBatch * (kBatchesAhead + 3)));
}

TEST(RowsAhead, TheCallersExceptionStopsTheReadingAndGoesOn) {
    CountingReader reader(1'000'000, false);
    EXPECT_THROW(read_rows_ahead(reader, 0,
                                 [&](const Row& row) -> Result<void> {
                                     if (row.number == 5) throw std::runtime_error("caller's bug");
                                     return {};
                                 }),
                 std::runtime_error);
    EXPECT_LE(reader.delivered.load(), static_cast<std::int64_t>(kRowsPerBatch * (kBatchesAhead + 3)));
}

}  // namespace rows_ahead_test
}  // namespace sanpi::sheet
