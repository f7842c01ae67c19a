#pragma once
// Everything between "a complete request arrived" and "here is the response": target parsing,
// language, routing, authentication, static files, request ids, the request log. No Beast here.
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "http/message.hpp"
#include "http/metrics.hpp"
#include "http/rendered_answers.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "http/static_files.hpp"

namespace sanpi::http {

class App {
public:
    App(ServerConfig config, Services services);

    // Never throws: an unexpected exception is logged with the request id and becomes a bare 500.
    Response handle(const Request& request);
    // Answers a request no worker could take (the queue is full): 503 with Retry-After.
    Response overloaded(const Request& request);
    // Answers a request the session could not read whole (400 malformed, 413 body, 431 header).
    Response refuse(const Request& partial, int status);
    // The body limit for a request with this method and origin-form target: its route's own
    // (uploads) or the server's general one. The session reads only that much of the body.
    std::size_t body_limit(std::string_view method, std::string_view target) const;
    // What the session allows while it has read no header yet: the largest limit of any route.
    std::size_t largest_body_limit() const;
    // The route table, for the OpenAPI document's check and tests.
    const Router& router() const { return router_; }
    // How the server reads the gauges that live outside the App (queue, connections); set before
    // the first request.
    void observe(std::function<ServerGauges()> gauges) { gauges_ = std::move(gauges); }

private:
    Response dispatch(const Request& request, std::size_t& slot);
    Response run(Context& ctx, const Route& route);
    Response metrics(Context& ctx) const;
    void finish(const Request& request, Response& res, const std::string& id, long long started_us,
                std::size_t slot) const;

    ServerConfig config_;
    Services services_;
    Router router_;
    StaticFiles static_files_;
    RenderedAnswers rendered_;
    std::unique_ptr<Metrics> metrics_;  // made once the table is complete
    std::function<ServerGauges()> gauges_;
};

}  // namespace sanpi::http
