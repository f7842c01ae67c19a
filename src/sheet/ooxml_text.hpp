#pragma once
// Text as OOXML stores it (ECMA-376 Part 1, ST_Xstring): a character XML cannot hold is written
// as _xHHHH_, one UTF-16 code unit in hex (Excel writes a carriage return as _x000D_), and an
// underscore that would otherwise start such an escape as _x005F_.
#include <string>

namespace sanpi::sheet {

// Decodes the escapes in place; text without "_x" is left untouched. A lone surrogate becomes
// U+FFFD.
void decode_ooxml_escapes(std::string& text);

}  // namespace sanpi::sheet
