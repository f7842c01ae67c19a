#pragma once
// Whether a text is well-formed XML, parsed with expat; the reason when it is not.
#include <expat.h>

#include <memory>
#include <string>

namespace sanpi::testing {

// Empty when `xml` parses; otherwise expat's message and line.
inline std::string xml_problem(const std::string& xml) {
    std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser(XML_ParserCreate("UTF-8"), XML_ParserFree);
    if (XML_Parse(parser.get(), xml.data(), static_cast<int>(xml.size()), XML_TRUE) == XML_STATUS_OK) return "";
    return std::string(XML_ErrorString(XML_GetErrorCode(parser.get()))) + " at line " +
           std::to_string(XML_GetCurrentLineNumber(parser.get())) + ", column " +
           std::to_string(XML_GetCurrentColumnNumber(parser.get()));
}

}  // namespace sanpi::testing
