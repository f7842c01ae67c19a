// An upload handed to the readers leaves nothing in the temporary directory, even while it is
// being read (so a server killed mid-import leaves no copy of anyone's spreadsheet behind).
#include "sheet/upload_file.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "sheet/sheet_reader.hpp"
#include "support/xlsx_fixture.hpp"

namespace sanpi::sheet {
namespace {

using ::sanpi::testing::TempDir;
using ::sanpi::testing::XlsxFixture;

// TMPDIR pointed at an empty directory of the test's own, put back afterwards.
class UploadFileTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (const char* old = std::getenv("TMPDIR")) old_ = old;
        ::setenv("TMPDIR", dir_.file("").c_str(), 1);
    }
    void TearDown() override {
        if (old_.empty()) {
            ::unsetenv("TMPDIR");
        } else {
            ::setenv("TMPDIR", old_.c_str(), 1);
        }
    }
    std::size_t files_in_tmpdir() const {
        const auto entries = std::filesystem::directory_iterator(dir_.file(""));
        return static_cast<std::size_t>(std::distance(begin(entries), end(entries)));
    }
    std::vector<Row> rows_of(const std::string& path) {
        auto reader = open_sheet(path);
        EXPECT_TRUE(reader) << (reader ? "" : reader.error().message.en);
        std::vector<Row> rows;
        if (!reader) return rows;
        auto read = (*reader)->read_rows(0, [&](const Row& r) -> Result<void> {
            rows.push_back(r);
            return {};
        });
        EXPECT_TRUE(read);
        return rows;
    }

    TempDir dir_;
    TempDir fixtures_;
    std::string old_;
};

TEST_F(UploadFileTest, ACsvUploadIsReadWithNothingInTheTemporaryDirectory) {
    auto file = UploadFile::of("项目名称,总投资\n光伏组件,12.5\n");
    ASSERT_TRUE(file) << file.error().message.en;
    EXPECT_EQ(files_in_tmpdir(), 0u);
    const auto rows = rows_of(file->path());
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1].cells[0].text, "光伏组件");
    // Read twice (the importer reads a sheet again for its rejected rows): from the start each time.
    EXPECT_EQ(rows_of(file->path()), rows);
    EXPECT_EQ(files_in_tmpdir(), 0u);
}

TEST_F(UploadFileTest, AnXlsxUploadIsReadWithNothingInTheTemporaryDirectory) {
    const auto path = fixtures_.file("upload.xlsx");
    const auto failed = XlsxFixture()
                            .shared_strings({"项目名称", "晋中光伏"})
                            .sheet("项目表", R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)"
                                             R"(<row r="2"><c r="A2" t="s"><v>1</v></c></row>)")
                            .write(path);
    ASSERT_EQ(failed, "");
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto file = UploadFile::of(bytes);
    ASSERT_TRUE(file) << file.error().message.en;
    EXPECT_EQ(files_in_tmpdir(), 0u);
    const auto rows = rows_of(file->path());
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1].cells[0].text, "晋中光伏");
}

TEST_F(UploadFileTest, ItsDescriptorIsClosedWithIt) {
    std::string path;
    {
        auto file = UploadFile::of("a,b\n");
        ASSERT_TRUE(file);
        path = file->path();
        EXPECT_TRUE(std::filesystem::exists(path));
    }
    EXPECT_FALSE(std::filesystem::exists(path));
}

}  // namespace
}  // namespace sanpi::sheet
