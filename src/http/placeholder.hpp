#pragma once
#include <string_view>

namespace sanpi::http {

// The page served when no built UI is configured; every string of it lives in placeholder.cpp.
std::string_view placeholder_html();

}  // namespace sanpi::http
