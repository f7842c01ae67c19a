#include "support/xlsx_fixture.hpp"

#include <zip.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>

namespace sanpi::testing {

namespace {

constexpr const char* kSheetNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kPackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* kDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

struct Generated {
    ZipGenerator generate;
    std::uint64_t size;
    std::uint64_t written = 0;
};

zip_int64_t generated_source(void* state, void* data, zip_uint64_t length, zip_source_cmd_t command) {
    auto* g = static_cast<Generated*>(state);
    switch (command) {
        case ZIP_SOURCE_OPEN:
            g->written = 0;
            return 0;
        case ZIP_SOURCE_READ: {
            const std::size_t n = g->generate(static_cast<char*>(data), static_cast<std::size_t>(length));
            g->written += n;
            return static_cast<zip_int64_t>(n);
        }
        case ZIP_SOURCE_CLOSE:
            return 0;
        case ZIP_SOURCE_STAT: {
            auto* st = static_cast<zip_stat_t*>(data);
            zip_stat_init(st);
            st->size = g->size;
            st->valid |= ZIP_STAT_SIZE;
            return sizeof(zip_stat_t);
        }
        case ZIP_SOURCE_ERROR:
            return 2 * sizeof(int);
        case ZIP_SOURCE_FREE:
            delete g;
            return 0;
        case ZIP_SOURCE_SUPPORTS:
            return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                                  ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
        default:
            return -1;
    }
}

std::string content_types(std::size_t sheets) {
    std::string xml =
        std::string(kDeclaration) +
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
        "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>";
    for (std::size_t i = 1; i <= sheets; ++i) {
        xml += "<Override PartName=\"/xl/worksheets/sheet" + std::to_string(i) +
               ".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>";
    }
    return xml + "</Types>";
}

std::string relationship(const std::string& id, const std::string& type, const std::string& target) {
    return "<Relationship Id=\"" + id + "\" Type=\"" + kRelNs + "/" + type + "\" Target=\"" + target + "\"/>";
}

}  // namespace

std::string write_zip(const std::string& path, std::vector<ZipMember> members) {
    int code = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (archive == nullptr) return "zip_open failed: " + std::to_string(code);
    for (auto& m : members) {
        zip_source_t* source = nullptr;
        if (m.generate) {
            source = zip_source_function(archive, generated_source, new Generated{m.generate, m.size});
        } else {
            source = zip_source_buffer(archive, m.data.data(), m.data.size(), 0);
        }
        const zip_int64_t index = source ? zip_file_add(archive, m.name.c_str(), source, ZIP_FL_ENC_UTF_8) : -1;
        if (index < 0) {
            if (source) zip_source_free(source);
            const std::string error = zip_strerror(archive);
            zip_discard(archive);
            return "adding " + m.name + ": " + error;
        }
        zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), m.compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE,
                                 1);
    }
    if (zip_close(archive) != 0) {
        const std::string error = zip_strerror(archive);
        zip_discard(archive);
        return "zip_close: " + error;
    }
    return "";
}

ZipMember generated_member(std::string name, std::string prefix, std::string filler, std::uint64_t count,
                           std::string suffix, bool compress) {
    ZipMember member;
    member.name = std::move(name);
    member.compress = compress;
    member.size = prefix.size() + filler.size() * count + suffix.size();
    // The whole member as one virtual string: position → byte.
    struct Cursor {
        std::string prefix, filler, suffix;
        std::uint64_t count, at = 0;
    };
    auto cursor = std::make_shared<Cursor>(Cursor{std::move(prefix), std::move(filler), std::move(suffix), count});
    const std::uint64_t total = member.size;
    member.generate = [cursor, total](char* buffer, std::size_t capacity) -> std::size_t {
        std::size_t n = 0;
        auto& c = *cursor;
        const std::uint64_t body_end = c.prefix.size() + c.filler.size() * c.count;
        while (n < capacity && c.at < total) {
            if (c.at < c.prefix.size()) {
                buffer[n++] = c.prefix[c.at++];
            } else if (c.at < body_end) {
                const auto offset = (c.at - c.prefix.size()) % c.filler.size();
                const std::size_t run =
                    std::min<std::uint64_t>({capacity - n, c.filler.size() - offset, body_end - c.at});
                std::memcpy(buffer + n, c.filler.data() + offset, run);
                n += run;
                c.at += run;
            } else {
                buffer[n++] = c.suffix[c.at++ - body_end];
            }
        }
        if (c.at >= total && n == 0) c.at = 0;  // ready for a second pass (libzip may reopen)
        return n;
    };
    return member;
}

std::string xml_escape(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out.push_back(c);
        }
    }
    return out;
}

XlsxFixture& XlsxFixture::sheet(std::string name, std::string rows, std::string after) {
    return raw_sheet(std::move(name), std::string(kDeclaration) + "<worksheet xmlns=\"" + kSheetNs + "\" xmlns:r=\"" +
                                          kRelNs + "\"><sheetData>" + rows + "</sheetData>" + after + "</worksheet>");
}

XlsxFixture& XlsxFixture::raw_sheet(std::string name, std::string xml) {
    sheets_.push_back({std::move(name), std::move(xml)});
    return *this;
}

XlsxFixture& XlsxFixture::shared_strings(const std::vector<std::string>& items) {
    std::string xml;
    for (const auto& s : items) xml += "<si><t xml:space=\"preserve\">" + xml_escape(s) + "</t></si>";
    return shared_strings_xml(xml);
}

XlsxFixture& XlsxFixture::shared_strings_xml(std::string items) {
    shared_strings_ = std::string(kDeclaration) + "<sst xmlns=\"" + kSheetNs + "\">" + items + "</sst>";
    has_shared_strings_ = true;
    return *this;
}

XlsxFixture& XlsxFixture::styles(std::string num_fmts, std::string cell_xfs) {
    styles_ = std::string(kDeclaration) + "<styleSheet xmlns=\"" + kSheetNs + "\"><numFmts>" + num_fmts +
              "</numFmts><cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs><cellXfs>" + cell_xfs +
              "</cellXfs></styleSheet>";
    return *this;
}

XlsxFixture& XlsxFixture::date1904() {
    date1904_ = true;
    return *this;
}

XlsxFixture& XlsxFixture::part(ZipMember member) {
    extra_.push_back(std::move(member));
    return *this;
}

XlsxFixture& XlsxFixture::stored() {
    stored_ = true;
    return *this;
}

std::string XlsxFixture::write(const std::string& path) const {
    std::vector<ZipMember> members;
    auto add = [&](std::string name, std::string data) {
        const bool replaced =
            std::any_of(extra_.begin(), extra_.end(), [&](const ZipMember& m) { return m.name == name; });
        if (!replaced) members.push_back({std::move(name), std::move(data), !stored_, {}, 0});
    };
    add("[Content_Types].xml", content_types(sheets_.size()));
    add("_rels/.rels", std::string(kDeclaration) + "<Relationships xmlns=\"" + kPackageRelNs +
                           "\"><Relationship Id=\"rId1\" Type=\"" + kRelNs +
                           "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
    std::string workbook = std::string(kDeclaration) + "<workbook xmlns=\"" + kSheetNs + "\" xmlns:r=\"" + kRelNs +
                           "\">" + (date1904_ ? "<workbookPr date1904=\"1\"/>" : "<workbookPr/>") + "<sheets>";
    std::string rels = std::string(kDeclaration) + "<Relationships xmlns=\"" + kPackageRelNs + "\">";
    for (std::size_t i = 0; i < sheets_.size(); ++i) {
        const std::string n = std::to_string(i + 1);
        workbook += "<sheet name=\"" + xml_escape(sheets_[i].name) + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
        rels += relationship("rId" + n, "worksheet", "worksheets/sheet" + n + ".xml");
        add("xl/worksheets/sheet" + n + ".xml", sheets_[i].xml);
    }
    if (!styles_.empty()) {
        rels += relationship("rIdStyles", "styles", "styles.xml");
        add("xl/styles.xml", styles_);
    }
    if (has_shared_strings_) {
        rels += relationship("rIdStrings", "sharedStrings", "/xl/sharedStrings.xml");
        add("xl/sharedStrings.xml", shared_strings_);
    }
    add("xl/workbook.xml", workbook + "</sheets></workbook>");
    add("xl/_rels/workbook.xml.rels", rels + "</Relationships>");
    for (const auto& m : extra_) members.push_back(m);
    return write_zip(path, std::move(members));
}

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "sanpi-sheet-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
}

std::string TempDir::file(std::string_view name) const { return path_ + "/" + std::string(name); }

}  // namespace sanpi::testing
