#pragma once
#include <string>
#include <string_view>

namespace sanpi::report {

// Text for XML 1.0 character data or a quoted attribute value: & < > " ' as entity references;
// control characters XML cannot carry (all below U+0020 but tab, line feed and carriage return)
// dropped.
std::string xml_escape(std::string_view text);

}  // namespace sanpi::report
