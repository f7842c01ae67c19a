#pragma once
// A small route table: (method, pattern such as /api/v1/projects/{id}) -> handler.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "http/context.hpp"

namespace sanpi::http {

using Handler = std::function<Response(Context&)>;

// kSignedIn routes refuse an account that must change its temporary password first (403);
// kSignedInPasswordPending routes (the session itself and the password change) serve it.
enum class Access { kPublic, kSignedIn, kSignedInPasswordPending };

struct Route {
    std::string method;
    std::vector<std::string> pattern;  // segments; "{name}" captures one segment
    Handler handler;
    Access access = Access::kSignedIn;
    std::size_t body_limit = 0;  // bytes; 0: the server's general limit
    std::size_t index = 0;       // position in the table, for per-route counters (metrics.hpp)
};

// What the table holds, for the OpenAPI document's check and the metrics' labels.
struct RouteInfo {
    std::string method;
    std::string pattern;  // "/api/v1/projects/{id}"
};

struct RouteMatch {
    const Route* route = nullptr;     // null: no route for this method
    std::vector<std::string> params;  // captured segments, in pattern order
    std::string allow;                // methods the path supports, when the path is known
};

class Router {
public:
    void add(std::string method, std::string_view pattern, Handler handler, Access access = Access::kSignedIn);
    // A signed-in route whose body may exceed the server's general limit, up to `body_limit`
    // (uploads). The session asks body_limit() after reading the header, before the body.
    void add_upload(std::string method, std::string_view pattern, Handler handler, std::size_t body_limit);
    // The body limit of the route for this request; 0 when none of its own (or no route).
    std::size_t body_limit(std::string_view method, std::string_view path) const;
    // The largest body limit of any route (0 without upload routes).
    std::size_t largest_body_limit() const;
    // `path` is the still percent-encoded path: captured ids must be plain digits anyway.
    RouteMatch match(std::string_view method, std::string_view path) const;
    // Every route in registration order (a route's `index` is its position here).
    std::vector<RouteInfo> routes() const;
    std::size_t size() const { return routes_.size(); }

private:
    std::vector<Route> routes_;
};

std::vector<std::string> split_path(std::string_view path);
std::string join_pattern(const std::vector<std::string>& segments);

}  // namespace sanpi::http
