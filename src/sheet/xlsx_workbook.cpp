#include "sheet/xlsx_workbook.hpp"

#include <algorithm>

namespace sanpi::sheet {

namespace {

constexpr std::size_t kMaxRelationships = 65'536;
constexpr std::size_t kMaxSheets = 4'096;
constexpr std::size_t kMaxSheetNameBytes = 1'024;  // Excel allows 31 characters

struct Relationship {
    std::string id;
    std::string type;
    std::string target;
};

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

class RelationshipsSink : public XmlSink {
public:
    std::vector<Relationship> relationships;

    void on_start(std::string_view local, const char** attributes) override {
        if (local != "Relationship") return;
        const char* mode = find_attribute(attributes, "TargetMode");
        if (mode != nullptr && std::string_view(mode) == "External") return;
        if (relationships.size() >= kMaxRelationships) {
            fail(file_error("XLSX 文件的关系（relationship）过多", "the XLSX file has too many relationships"));
            return;
        }
        const char* id = find_attribute(attributes, "Id");
        const char* type = find_attribute(attributes, "Type");
        const char* target = find_attribute(attributes, "Target");
        if (id == nullptr || type == nullptr || target == nullptr) return;
        relationships.push_back({id, type, target});
    }
    void on_end(std::string_view) override {}

    const Relationship* of_type(std::string_view suffix) const {
        for (const auto& r : relationships) {
            if (ends_with(r.type, suffix)) return &r;
        }
        return nullptr;
    }
    const Relationship* with_id(std::string_view id) const {
        for (const auto& r : relationships) {
            if (r.id == id) return &r;
        }
        return nullptr;
    }
};

struct SheetEntry {
    std::string name;
    std::string relationship;
};

class WorkbookSink : public XmlSink {
public:
    std::vector<SheetEntry> sheets;
    bool date1904 = false;

    void on_start(std::string_view local, const char** attributes) override {
        if (local == "workbookPr") {
            const char* v = find_attribute(attributes, "date1904");
            date1904 = v != nullptr && (std::string_view(v) == "1" || std::string_view(v) == "true");
        } else if (local == "sheet") {
            add_sheet(attributes);
        }
    }
    void on_end(std::string_view) override {}

private:
    void add_sheet(const char** attributes) {
        const char* name = find_attribute(attributes, "name");
        const char* id = find_attribute(attributes, "id");  // r:id
        if (name == nullptr || id == nullptr) {
            fail(file_error("XLSX 工作簿中有工作表缺少名称或关系",
                            "a sheet in the XLSX workbook has no name or relationship"));
        } else if (sheets.size() >= kMaxSheets) {
            fail(file_error("XLSX 工作簿中的工作表过多", "the XLSX workbook has too many sheets"));
        } else if (std::string_view(name).size() > kMaxSheetNameBytes) {
            fail(file_error("XLSX 工作簿中有工作表名称过长", "a sheet name in the XLSX workbook is too long"));
        } else {
            sheets.push_back({name, id});
        }
    }
};

std::string directory_of(std::string_view part) {
    const auto slash = part.rfind('/');
    return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

std::string relationships_part_of(std::string_view part) {
    const auto slash = part.rfind('/');
    const auto file = slash == std::string_view::npos ? part : part.substr(slash + 1);
    return directory_of(part) + "_rels/" + std::string(file) + ".rels";
}

Result<std::string> office_document(ZipArchive& archive) {
    if (!archive.locate("_rels/.rels")) return std::string("xl/workbook.xml");
    RelationshipsSink rels;
    if (auto parsed = parse_part(archive, "_rels/.rels", rels); !parsed) return parsed.error();
    const Relationship* document = rels.of_type("/officeDocument");
    if (document == nullptr) return std::string("xl/workbook.xml");
    const std::string part = resolve_part("", document->target);
    if (part.empty()) return file_error("XLSX 文件的主文档路径无效", "the XLSX file's main document path is invalid");
    return part;
}

}  // namespace

std::string resolve_part(std::string_view base_dir, std::string_view target) {
    std::string joined = !target.empty() && target.front() == '/' ? std::string(target.substr(1))
                                                                  : std::string(base_dir) + std::string(target);
    std::vector<std::string> segments;
    std::size_t start = 0;
    while (start <= joined.size()) {
        const auto slash = std::min(joined.find('/', start), joined.size());
        const std::string segment = joined.substr(start, slash - start);
        if (segment == "..") {
            if (segments.empty()) return {};
            segments.pop_back();
        } else if (!segment.empty() && segment != ".") {
            segments.push_back(segment);
        }
        start = slash + 1;
    }
    std::string path;
    for (const auto& s : segments) path += (path.empty() ? "" : "/") + s;
    return path;
}

Result<void> parse_part(ZipArchive& archive, std::string_view part, XmlSink& sink) {
    auto opened = archive.open_part(part);
    if (!opened) return opened.error();
    XmlStream stream(sink, part_place(part));
    return stream.parse(*opened);
}

Result<WorkbookInfo> read_workbook(ZipArchive& archive) {
    auto document = office_document(archive);
    if (!document) return document.error();
    if (!archive.locate(*document)) {
        return file_error("不是 Excel 工作簿：XLSX 文件中没有 " + *document,
                          "not an Excel workbook: the file has no " + *document);
    }
    WorkbookSink workbook;
    if (auto parsed = parse_part(archive, *document, workbook); !parsed) return parsed.error();
    RelationshipsSink rels;
    const std::string rels_part = relationships_part_of(*document);
    if (archive.locate(rels_part)) {
        if (auto parsed = parse_part(archive, rels_part, rels); !parsed) return parsed.error();
    }
    const std::string base = directory_of(*document);
    WorkbookInfo info;
    info.date1904 = workbook.date1904;
    if (const auto* styles = rels.of_type("/styles")) info.styles_part = resolve_part(base, styles->target);
    if (const auto* strings = rels.of_type("/sharedStrings"))
        info.shared_strings_part = resolve_part(base, strings->target);
    for (auto& entry : workbook.sheets) {
        const Relationship* r = rels.with_id(entry.relationship);
        const std::string part = r != nullptr ? resolve_part(base, r->target) : std::string();
        if (part.empty() || !archive.locate(part)) {
            return file_error("XLSX 工作簿中的工作表「" + entry.name + "」找不到其内容",
                              "the XLSX workbook's sheet \"" + entry.name + "\" has no content part");
        }
        info.sheets.push_back({std::move(entry.name), part});
    }
    return info;
}

}  // namespace sanpi::sheet
