#include "report/docx.hpp"

#include <zip.h>

#include <memory>

#include "report/docx_xml.hpp"

namespace sanpi::report {
namespace {

// 2000-01-01 00:00 UTC for every entry, so the same bulletin gives the same bytes.
constexpr time_t kDocxEntryTime = 946684800;

struct ZipSourceFree {
    void operator()(zip_source_t* s) const { zip_source_free(s); }
};
using ZipSource = std::unique_ptr<zip_source_t, ZipSourceFree>;

Error zip_failure(const char* step) {
    return Error::internal("无法生成 Word 文档（" + std::string(step) + "）",
                           "could not write the Word document (" + std::string(step) + ")");
}

// Adds every part to the archive open on the memory source; the parts outlive zip_close.
bool add_parts(zip_t* archive, const std::vector<std::pair<std::string, std::string>>& parts) {
    for (const auto& [name, xml] : parts) {
        zip_source_t* data = zip_source_buffer(archive, xml.data(), xml.size(), 0);
        if (data == nullptr) return false;
        const zip_int64_t index = zip_file_add(archive, name.c_str(), data, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
        if (index < 0) {
            zip_source_free(data);
            return false;
        }
        const auto entry = static_cast<zip_uint64_t>(index);
        if (zip_file_set_mtime(archive, entry, kDocxEntryTime, 0) != 0 ||
            zip_set_file_compression(archive, entry, ZIP_CM_DEFLATE, 0) != 0) {
            return false;
        }
    }
    return true;
}

// The bytes the memory source holds after the archive was closed into it.
Result<std::string> read_all(zip_source_t* source) {
    if (zip_source_open(source) != 0) return zip_failure("open");
    std::string out;
    char buffer[16384];
    zip_int64_t n = 0;
    while ((n = zip_source_read(source, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<std::size_t>(n));
    zip_source_close(source);
    if (n < 0) return zip_failure("read");
    return out;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> docx_parts(const domain::Bulletin& b) {
    namespace x = docx_xml;
    return {
        {"[Content_Types].xml", x::content_types()},  {"_rels/.rels", x::package_relationships()},
        {"docProps/core.xml", x::core_properties(b)}, {"docProps/app.xml", x::app_properties()},
        {"word/document.xml", x::document(b)},        {"word/styles.xml", x::styles(b.lang)},
        {"word/fontTable.xml", x::font_table()},      {"word/_rels/document.xml.rels", x::document_relationships()}};
}

Result<std::string> render_docx(const domain::Bulletin& bulletin) {
    const auto parts = docx_parts(bulletin);
    zip_error_t error;
    zip_error_init(&error);
    ZipSource source(zip_source_buffer_create(nullptr, 0, 0, &error));
    if (!source) {
        zip_error_fini(&error);
        return zip_failure("buffer");
    }
    zip_t* archive = zip_open_from_source(source.get(), ZIP_TRUNCATE, &error);
    zip_error_fini(&error);
    if (archive == nullptr) return zip_failure("open");
    zip_source_keep(source.get());  // zip_close frees the archive's reference; ours reads the bytes
    if (!add_parts(archive, parts)) {
        zip_discard(archive);
        return zip_failure("add");
    }
    if (zip_close(archive) != 0) {
        zip_discard(archive);
        return zip_failure("close");
    }
    return read_all(source.get());
}

}  // namespace sanpi::report
