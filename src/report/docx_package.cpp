// The package parts of the bulletin's DOCX around its document: content types, relationships,
// properties, fonts and styles (ECMA-376 Parts 1 and 2).
#include "report/docx_xml.hpp"
#include "report/xml_text.hpp"

namespace sanpi::report::docx_xml {
namespace {

constexpr const char* kRelationshipsNs = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* kOfficeRels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

std::string relationship(const char* id, const std::string& type, const char* target) {
    return std::string("<Relationship Id=\"") + id + "\" Type=\"" + type + "\" Target=\"" + target + "\"/>";
}

// A font and the faces a reader without it should use instead (w:altName), with its character set
// (86: GB2312) so a substitute for Chinese text is itself a Chinese face.
std::string font(const char* name, const char* alternative, const char* charset, const char* family) {
    return std::string("<w:font w:name=\"") + name + "\">" +
           (alternative[0] != '\0' ? std::string("<w:altName w:val=\"") + alternative + "\"/>" : "") +
           "<w:charset w:val=\"" + charset + "\"/><w:family w:val=\"" + family +
           "\"/><w:pitch w:val=\"variable\"/></w:font>";
}

// Run properties: the Latin face, the East Asian face, the size in half-points.
std::string run_fonts(const char* latin, const char* east_asian, int half_points, bool bold) {
    const auto size = std::to_string(half_points);
    return std::string("<w:rPr><w:rFonts w:ascii=\"") + latin + "\" w:hAnsi=\"" + latin + "\" w:cs=\"" + latin +
           "\" w:eastAsia=\"" + east_asian + "\"/>" + (bold ? "<w:b/><w:bCs/>" : "") + "<w:sz w:val=\"" + size +
           "\"/><w:szCs w:val=\"" + size + "\"/></w:rPr>";
}

std::string paragraph_style(const char* id, const char* name, const std::string& ppr, const std::string& rpr) {
    return std::string("<w:style w:type=\"paragraph\" w:styleId=\"") + id + "\"><w:name w:val=\"" + name +
           "\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>" + ppr + rpr + "</w:style>";
}

// The table style every bulletin table uses: ruled cells, the header row shaded, small type.
std::string table_style() {
    const char* border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>";
    std::string borders = "<w:tblBorders>";
    for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"}) {
        borders += std::string("<w:") + side + " " + border;
    }
    borders += "</w:tblBorders>";
    return "<w:style w:type=\"table\" w:styleId=\"BulletinTable\"><w:name w:val=\"Bulletin Table\"/>"
           "<w:basedOn w:val=\"TableNormal\"/><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" "
           "w:lineRule=\"auto\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/></w:pPr>" +
           run_fonts("Times New Roman", "FangSong_GB2312", 21, false) + "<w:tblPr>" + borders +
           "<w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/><w:left w:w=\"60\" w:type=\"dxa\"/>"
           "<w:bottom w:w=\"40\" w:type=\"dxa\"/><w:right w:w=\"60\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
           "<w:tblStylePr w:type=\"firstRow\"><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr><w:shd w:val=\"clear\" "
           "w:color=\"auto\" w:fill=\"E7E6E6\"/></w:tcPr></w:tblStylePr></w:style>";
}

}  // namespace

std::string content_types() {
    const std::string wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
    return std::string(kXmlDeclaration) +
           "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
           "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
           "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
           "<Override PartName=\"/word/document.xml\" ContentType=\"" +
           wml +
           "document.main+xml\"/>"
           "<Override PartName=\"/word/styles.xml\" ContentType=\"" +
           wml +
           "styles+xml\"/>"
           "<Override PartName=\"/word/fontTable.xml\" ContentType=\"" +
           wml +
           "fontTable+xml\"/>"
           "<Override PartName=\"/docProps/core.xml\" "
           "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
           "<Override PartName=\"/docProps/app.xml\" "
           "ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/></Types>";
}

std::string package_relationships() {
    return std::string(kXmlDeclaration) + "<Relationships xmlns=\"" + kRelationshipsNs + "\">" +
           relationship("rId1", std::string(kOfficeRels) + "officeDocument", "word/document.xml") +
           relationship("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                        "docProps/core.xml") +
           relationship("rId3", std::string(kOfficeRels) + "extended-properties", "docProps/app.xml") +
           "</Relationships>";
}

std::string document_relationships() {
    return std::string(kXmlDeclaration) + "<Relationships xmlns=\"" + kRelationshipsNs + "\">" +
           relationship("rId1", std::string(kOfficeRels) + "styles", "styles.xml") +
           relationship("rId2", std::string(kOfficeRels) + "fontTable", "fontTable.xml") + "</Relationships>";
}

std::string core_properties(const domain::Bulletin& b) {
    const bool zh = b.lang == domain::BulletinLang::kZh;
    return std::string(kXmlDeclaration) +
           "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
           "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>" +
           xml_escape(b.title) + "</dc:title><dc:subject>" + xml_escape(b.subtitle) +
           "</dc:subject><dc:creator>Sanpi</dc:creator>"
           "<dc:language>" +
           (zh ? "zh-CN" : "en") + "</dc:language></cp:coreProperties>";
}

std::string app_properties() {
    return std::string(kXmlDeclaration) +
           "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" "
           "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
           "<Application>Sanpi</Application><DocSecurity>0</DocSecurity></Properties>";
}

std::string font_table() {
    return std::string(kXmlDeclaration) + "<w:fonts xmlns:w=\"" + kWordNamespace + "\">" +
           font("Times New Roman", "", "00", "roman") + font("FangSong_GB2312", "仿宋,FangSong,宋体", "86", "modern") +
           font("SimHei", "黑体,Microsoft YaHei", "86", "modern") +
           font("KaiTi_GB2312", "楷体,KaiTi,仿宋", "86", "modern") + font("SimSun", "宋体,Songti SC", "86", "auto") +
           "</w:fonts>";
}

// 三号 (16 pt) 仿宋 text, 黑体 first-level and 楷体 second-level headings, a 宋体 bold title: the
// usual faces of an official document; Times New Roman for Latin letters and digits.
std::string styles(domain::BulletinLang lang) {
    const bool zh = lang == domain::BulletinLang::kZh;
    // Chinese: 16 pt on fixed 28 pt lines; English: 12 pt on 1.3 lines.
    const std::string size = zh ? "32" : "24";
    const std::string spacing = zh ? "w:line=\"560\" w:lineRule=\"exact\"" : "w:line=\"312\" w:lineRule=\"auto\"";
    const char* keep = "<w:keepNext/><w:keepLines/>";
    return std::string(kXmlDeclaration) + "<w:styles xmlns:w=\"" + kWordNamespace + "\">" +
           "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" "
           "w:cs=\"Times New Roman\" w:eastAsia=\"FangSong_GB2312\"/><w:sz w:val=\"" +
           size + "\"/><w:szCs w:val=\"" + size + "\"/><w:lang w:val=\"" + (zh ? "zh-CN" : "en-GB") +
           "\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/>"
           "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"0\" " +
           spacing +
           "/></w:pPr>"
           "</w:pPrDefault></w:docDefaults>"
           "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
           "<w:pPr><w:jc w:val=\"" +
           (zh ? "both" : "left") + "\"/></w:pPr></w:style>" +
           paragraph_style("Title", "Title",
                           "<w:pPr><w:spacing w:before=\"240\" w:after=\"120\" w:line=\"700\" "
                           "w:lineRule=\"exact\"/><w:jc w:val=\"center\"/></w:pPr>",
                           run_fonts("Times New Roman", "SimSun", zh ? 44 : 36, true)) +
           paragraph_style("Subtitle", "Subtitle",
                           "<w:pPr><w:spacing w:after=\"240\"/><w:jc w:val=\"center\"/></w:pPr>",
                           run_fonts("Times New Roman", "KaiTi_GB2312", zh ? 32 : 24, false)) +
           paragraph_style(
               "Heading1", "heading 1",
               std::string("<w:pPr>") + keep + "<w:spacing w:before=\"120\"/><w:outlineLvl w:val=\"0\"/></w:pPr>",
               run_fonts("Times New Roman", "SimHei", zh ? 32 : 28, !zh)) +
           paragraph_style("Heading2", "heading 2",
                           std::string("<w:pPr>") + keep + "<w:outlineLvl w:val=\"1\"/></w:pPr>",
                           run_fonts("Times New Roman", "KaiTi_GB2312", zh ? 32 : 24, !zh)) +
           paragraph_style("Caption", "caption",
                           std::string("<w:pPr>") + keep +
                               "<w:spacing w:before=\"120\" w:after=\"60\" w:line=\"360\" w:lineRule=\"auto\"/>"
                               "<w:jc w:val=\"center\"/></w:pPr>",
                           run_fonts("Times New Roman", "SimHei", 24, false)) +
           paragraph_style("AsOf", "Figures as of",
                           "<w:pPr><w:spacing w:before=\"240\"/><w:jc w:val=\"right\"/></w:pPr>", "") +
           "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
           "<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>"
           "<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/>"
           "<w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>" +
           table_style() + "</w:styles>";
}

}  // namespace sanpi::report::docx_xml
