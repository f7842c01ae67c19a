#pragma once
// The OpenAPI 3.1 description of every route, docs/openapi.json compiled in as it is
// (cmake/embed_text.cmake). A test checks it against the router's table route by route.
#include <string_view>

namespace sanpi::http {

extern const std::string_view kOpenApiDocument;

}  // namespace sanpi::http
