#pragma once
// Everything between "a complete request arrived" and "here is the response": target parsing,
// language, routing, authentication, static files, request ids, the request log. No Beast here.
#include <string>

#include "http/message.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "http/static_files.hpp"

namespace sanpi::http {

class App {
public:
    App(ServerConfig config, Services services);

    // Never throws: an unexpected exception is logged with the request id and becomes a bare 500.
    Response handle(const Request& request);
    // Answers a request the session could not read whole (400 malformed, 413 body, 431 header).
    Response refuse(const Request& partial, int status);

private:
    Response dispatch(const Request& request);
    Response run(Context& ctx, const Route& route);
    void finish(const Request& request, Response& res, const std::string& id, long long started_us) const;

    ServerConfig config_;
    Services services_;
    Router router_;
    StaticFiles static_files_;
};

}  // namespace sanpi::http
