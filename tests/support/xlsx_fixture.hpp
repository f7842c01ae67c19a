#pragma once
// Writes XLSX (and plain zip) files for the sheet readers' tests: each part is XML text the test
// spells out, so every quirk a writer may produce can be made on purpose. Large parts can be
// generated while zipping, so a zip bomb never exists in memory.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace sanpi::testing {

// Fills `buffer` with up to `capacity` bytes; 0 when the member is complete.
using ZipGenerator = std::function<std::size_t(char* buffer, std::size_t capacity)>;

struct ZipMember {
    std::string name;
    std::string data;
    bool compress = true;
    ZipGenerator generate;   // when set, the member's bytes come from here instead of `data`
    std::uint64_t size = 0;  // the generated member's size
};

// Writes the members into a new zip at `path`; "" on success, else what went wrong.
std::string write_zip(const std::string& path, std::vector<ZipMember> members);

// `prefix`, then `count` copies of `filler`, then `suffix`, produced as they are zipped.
ZipMember generated_member(std::string name, std::string prefix, std::string filler, std::uint64_t count,
                           std::string suffix, bool compress);

std::string xml_escape(std::string_view text);

class XlsxFixture {
public:
    // A worksheet whose <sheetData> holds `rows` and which ends with `after` (e.g. <mergeCells>).
    XlsxFixture& sheet(std::string name, std::string rows, std::string after = "");
    // A worksheet part written exactly as given.
    XlsxFixture& raw_sheet(std::string name, std::string xml);
    // Plain shared strings, each one <si><t xml:space="preserve">…</t></si>.
    XlsxFixture& shared_strings(const std::vector<std::string>& items);
    // The <sst> element's content as given (<si> items with runs, phonetics …).
    XlsxFixture& shared_strings_xml(std::string items);
    // styles.xml with these <numFmt> elements and <cellXfs> entries (<xf …/> each).
    XlsxFixture& styles(std::string num_fmts, std::string cell_xfs);
    XlsxFixture& date1904();
    // Any part, added or replacing a generated one.
    XlsxFixture& part(ZipMember member);
    // Every part stored without compression.
    XlsxFixture& stored();

    std::string write(const std::string& path) const;

private:
    struct Sheet {
        std::string name;
        std::string xml;
    };
    std::vector<Sheet> sheets_;
    std::string shared_strings_;
    bool has_shared_strings_ = false;
    std::string styles_;
    bool date1904_ = false;
    bool stored_ = false;
    std::vector<ZipMember> extra_;
};

// A temporary directory removed with its contents at the end of the scope.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string file(std::string_view name) const;

private:
    std::string path_;
};

}  // namespace sanpi::testing
