#include "report/docx.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "domain/bulletin.hpp"
#include "report/xml_text.hpp"
#include "support/summary_builders.hpp"
#include "unzip.hpp"
#include "xml_check.hpp"

namespace sanpi::report {
namespace docx_test {

using ::sanpi::testing::unzip;

std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
    return n;
}

domain::Bulletin full_bulletin(domain::BulletinLang lang) {
    return domain::build_bulletin(::sanpi::testing::full_summary(), lang,
                                  {domain::BulletinScope::Level::kProvince, "山西省"});
}

TEST(BulletinDocx, APackageOfWellFormedParts) {
    const auto bytes = render_docx(full_bulletin(domain::BulletinLang::kZh));
    ASSERT_TRUE(bytes) << bytes.error().message.en;
    EXPECT_EQ(bytes->substr(0, 4), std::string("PK\x03\x04", 4));
    const auto zip = unzip(*bytes);
    ASSERT_FALSE(zip.names.empty());
    EXPECT_EQ(zip.names.front(), "[Content_Types].xml");
    for (const char* name :
         {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/_rels/document.xml.rels",
          "docProps/core.xml", "docProps/app.xml", "word/fontTable.xml"}) {
        ASSERT_TRUE(zip.parts.contains(name)) << name;
        EXPECT_EQ(::sanpi::testing::xml_problem(zip.parts.at(name)), "") << name;
    }
    const auto& types = zip.parts.at("[Content_Types].xml");
    EXPECT_NE(types.find("PartName=\"/word/document.xml\" ContentType=\"application/"
                         "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\""),
              std::string::npos);
    EXPECT_NE(zip.parts.at("_rels/.rels").find("Target=\"word/document.xml\""), std::string::npos);
    EXPECT_NE(zip.parts.at("word/_rels/document.xml.rels").find("Target=\"styles.xml\""), std::string::npos);
}

TEST(BulletinDocx, A4PagesRealTablesAndChineseFonts) {
    const auto bulletin = full_bulletin(domain::BulletinLang::kZh);
    const auto zip = unzip(render_docx(bulletin).value());
    const auto& document = zip.parts.at("word/document.xml");
    EXPECT_NE(document.find("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), std::string::npos);
    EXPECT_NE(document.find("<w:pgMar w:top=\"2098\""), std::string::npos);
    std::size_t tables = 0;
    for (const auto& s : bulletin.sections) {
        for (const auto& b : s.blocks) tables += b.table ? 1 : 0;
    }
    EXPECT_EQ(occurrences(document, "<w:tbl>"), tables);
    EXPECT_EQ(occurrences(document, "<w:tblGrid>"), tables);
    EXPECT_EQ(occurrences(document, "<w:tblHeader/>"), tables);  // each header row repeats on a new page
    EXPECT_EQ(occurrences(document, "<w:pStyle w:val=\"Heading1\"/>"), bulletin.sections.size());
    EXPECT_NE(document.find("<w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t xml:space=\"preserve\">山西省开发区"),
              std::string::npos);
    EXPECT_NE(document.find("年产60万吨煤制烯烃项目 &lt;一期&gt; &amp; &quot;配套&quot;"), std::string::npos);
    const auto& styles = zip.parts.at("word/styles.xml");
    for (const char* id : {"Normal", "Title", "Heading1", "Heading2", "BulletinTable"}) {
        EXPECT_NE(styles.find(std::string("w:styleId=\"") + id + "\""), std::string::npos) << id;
    }
    EXPECT_NE(styles.find("w:eastAsia=\"FangSong_GB2312\""), std::string::npos);
    EXPECT_NE(styles.find("w:ascii=\"Times New Roman\""), std::string::npos);
    EXPECT_NE(zip.parts.at("word/fontTable.xml").find("<w:altName w:val=\"仿宋,FangSong,宋体\"/>"), std::string::npos);
    EXPECT_NE(zip.parts.at("docProps/core.xml").find("<dc:title>山西省开发区“三个一批”活动情况通报</dc:title>"),
              std::string::npos);
}

TEST(BulletinDocx, XmlTextIsEscapedAndCharactersXmlCannotCarryAreDropped) {
    EXPECT_EQ(xml_escape("a & b < c > d \"e\" 'f'"), "a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;");
    EXPECT_EQ(xml_escape(std::string("x\x01y\x1fz\tw\n\0", 9)), "xyz\tw\n");  // NUL too
    EXPECT_EQ(xml_escape("现代煤化工"), "现代煤化工");
    EXPECT_EQ(::sanpi::testing::xml_problem("<a>" + xml_escape("\x02<&>") + "</a>"), "");
}

TEST(BulletinDocx, TheSameBulletinGivesTheSameBytes) {
    const auto bulletin = full_bulletin(domain::BulletinLang::kEn);
    EXPECT_EQ(render_docx(bulletin).value(), render_docx(bulletin).value());
    EXPECT_NE(unzip(render_docx(bulletin).value()).parts.at("word/styles.xml").find("w:val=\"en-GB\""),
              std::string::npos);
}

}  // namespace docx_test
}  // namespace sanpi::report
