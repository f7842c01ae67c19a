// GET /api/v1/openapi.json: public, like the API's own documentation (it describes routes, never
// data), so that tools can read it before they hold a token.
#include "http/handlers.hpp"
#include "http/openapi_document.hpp"

namespace sanpi::http {

namespace {

Response openapi_document(Context&) {
    Response res;
    res.set("Content-Type", std::string(kJsonType));
    res.set("Cache-Control", "public, max-age=300");
    res.body = std::string(kOpenApiDocument);
    return res;
}

}  // namespace

void add_openapi_routes(Router& router) {
    router.add("GET", "/api/v1/openapi.json", openapi_document, Access::kPublic);
}

}  // namespace sanpi::http
