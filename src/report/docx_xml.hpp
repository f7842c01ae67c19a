#pragma once
// The XML of each part of the bulletin's DOCX package (internal to docx.cpp and its tests).
#include <string>

#include "domain/bulletin.hpp"

namespace sanpi::report::docx_xml {

inline constexpr const char* kXmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
inline constexpr const char* kWordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

std::string content_types();
std::string package_relationships();
std::string document_relationships();
std::string core_properties(const domain::Bulletin& bulletin);
std::string app_properties();
std::string font_table();
std::string styles(domain::BulletinLang lang);
std::string document(const domain::Bulletin& bulletin);

}  // namespace sanpi::report::docx_xml
