// A large part inflated on a second thread (ReadAhead): the reader gets the part's bytes in order,
// the part's limits still hold and their error comes after what was read before it, and a reader
// that stops early does not wait for the rest.
#include "sheet/read_ahead.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "sheet/sheet_reader.hpp"
#include "sheet/zip_part.hpp"
#include "sheet_test_support.hpp"
#include "support/xlsx_fixture.hpp"

namespace sanpi::sheet {
namespace read_ahead_test {

using namespace sanpi::sheet::test;
using ::sanpi::testing::generated_member;
using ::sanpi::testing::TempDir;
using ::sanpi::testing::write_zip;
using ::sanpi::testing::XlsxFixture;
using ::sanpi::testing::xml_escape;

constexpr std::uint64_t kMiB = 1ull << 20;

// Text that deflate cannot shrink much: a part of `bytes` stays large in the zip too.
std::string scrambled(std::size_t bytes, std::uint64_t seed = 1) {
    std::string out(bytes, ' ');
    std::uint64_t x = 88172645463325252ull + seed * 0x9E3779B97F4A7C15ull;
    for (auto& c : out) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        c = static_cast<char>('!' + x % 90);
    }
    return out;
}

Result<std::string> read_ahead_all(ZipPart& part, std::size_t* chunks = nullptr) {
    ReadAhead ahead(part);
    std::string out;
    for (;;) {
        auto chunk = ahead.next();
        if (!chunk) return chunk.error();
        if (chunk->empty()) return out;
        out.append(*chunk);
        if (chunks != nullptr) ++*chunks;
    }
}

TEST(ReadAhead, GivesThePartsBytesInOrder) {
    TempDir dir;
    const std::string path = dir.file("big.zip");
    // Many more chunks than are held ahead, and a last one that is not full.
    const std::string data = scrambled(kReadAheadChunks * kReadAheadChunkBytes * 3 + 12'345);
    ::sanpi::testing::ZipMember member;
    member.name = "part.xml";
    member.data = data;
    ASSERT_EQ(write_zip(path, {member}), "");
    auto archive = ZipArchive::open(path, Limits{});
    ASSERT_TRUE(archive) << archive.error().message.en;
    auto part = (*archive)->open_part("part.xml");
    ASSERT_TRUE(part);
    std::size_t chunks = 0;
    auto read = read_ahead_all(*part, &chunks);
    ASSERT_TRUE(read) << read.error().message.en;
    EXPECT_EQ(read->size(), data.size());
    EXPECT_TRUE(*read == data);
    EXPECT_GT(chunks, kReadAheadChunks * 3);
}

TEST(ReadAhead, ALimitsErrorComesAfterTheBytesBeforeIt) {
    TempDir dir;
    const std::string path = dir.file("bomb.zip");
    // 64 MiB of one repeated byte: past the compression ratio once the first MiB has come out.
    ASSERT_EQ(write_zip(path, {generated_member("part.xml", "", std::string(4096, 'a'), 64 * kMiB / 4096, "", true)}),
              "");
    auto archive = ZipArchive::open(path, Limits{});
    ASSERT_TRUE(archive);
    auto part = (*archive)->open_part("part.xml");
    ASSERT_TRUE(part);
    ReadAhead ahead(*part);
    std::uint64_t before = 0;
    for (;;) {
        auto chunk = ahead.next();
        if (!chunk) {
            const auto& e = chunk.error();
            const std::string message = e.fields.empty() ? e.message.en : e.fields.front().message.en;
            EXPECT_NE(message.find("likely zip bomb"), std::string::npos) << message;
            break;
        }
        ASSERT_FALSE(chunk->empty()) << "the part ended without its error";
        EXPECT_EQ(chunk->find_first_not_of('a'), std::string_view::npos);
        before += chunk->size();
    }
    // Refused once past the ratio (after the first MiB), not at the part's end.
    EXPECT_GE(before, 1 * kMiB);
    EXPECT_LE(before, part->compressed_size() * Limits{}.max_compression_ratio + kReadAheadChunkBytes);
    EXPECT_LT(before, 64 * kMiB);
    // The error stays the answer.
    EXPECT_FALSE(ahead.next());
}

TEST(ReadAhead, AReaderThatStopsEarlyEndsTheInflating) {
    TempDir dir;
    const std::string path = dir.file("long.zip");
    const std::uint64_t size = 32 * kMiB;
    Limits limits;
    limits.max_compression_ratio = 1'000'000;
    ASSERT_EQ(write_zip(path, {generated_member("part.xml", "", std::string(4096, 'b'), size / 4096, "", true)}), "");
    auto archive = ZipArchive::open(path, limits);
    ASSERT_TRUE(archive);
    auto part = (*archive)->open_part("part.xml");
    ASSERT_TRUE(part);
    {
        ReadAhead ahead(*part);
        auto chunk = ahead.next();
        ASSERT_TRUE(chunk);
        EXPECT_EQ(chunk->size(), kReadAheadChunkBytes);
    }
    // What the inflating thread did not read is still there: it stopped a few chunks in.
    std::vector<char> buffer(kReadAheadChunkBytes);
    std::uint64_t rest = 0;
    for (;;) {
        auto got = part->read(buffer.data(), buffer.size());
        ASSERT_TRUE(got);
        if (*got == 0) break;
        rest += *got;
    }
    EXPECT_GE(rest, size - (kReadAheadChunks + 2) * kReadAheadChunkBytes);
}

// A worksheet large enough to be inflated ahead reads as the same rows as one read in turn.
TEST(ReadAhead, ALargeSheetReadsAsItsRows) {
    TempDir dir;
    const std::string path = dir.file("rows.xlsx");
    std::string rows;
    std::vector<std::string> texts;
    const int count = 20'000;
    for (int r = 1; r <= count; ++r) {
        const std::string n = std::to_string(r);
        texts.push_back(n + " " + scrambled(40, static_cast<std::uint64_t>(r)));
        rows += "<row r=\"" + n + "\"><c r=\"A" + n + "\"><v>" + n + "</v></c><c r=\"B" + n +
                "\" t=\"inlineStr\"><is><t>" + xml_escape(texts.back()) + "</t></is></c></row>";
    }
    XlsxFixture book;
    book.sheet("S", rows, "<mergeCells count=\"1\"><mergeCell ref=\"C1:D2\"/></mergeCells>");
    ASSERT_EQ(book.write(path), "");
    auto archive = ZipArchive::open(path, Limits{});
    ASSERT_TRUE(archive);
    auto part = (*archive)->open_part("xl/worksheets/sheet1.xml");
    ASSERT_TRUE(part);
    ASSERT_GT(part->compressed_size(), 64u * 1024) << "small enough to be read in turn: not what this test is for";

    auto opened = open_sheet(path);
    ASSERT_TRUE(opened) << open_error(opened);
    const auto back = read_all(**opened);
    ASSERT_EQ(back.error_en, "");
    ASSERT_EQ(back.rows.size(), static_cast<std::size_t>(count));
    for (int r = 1; r <= count; ++r) {
        const auto& row = back.rows[static_cast<std::size_t>(r - 1)];
        ASSERT_EQ(row, (Row{r, {number(0, std::to_string(r)), text(1, texts[static_cast<std::size_t>(r - 1)])}}))
            << "row " << r;
    }
    EXPECT_EQ((*opened)->sheets()[0].merges, (std::vector<MergedRange>{{1, 2, 2, 3}}));
}

}  // namespace read_ahead_test
}  // namespace sanpi::sheet
