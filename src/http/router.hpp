#pragma once
// A small route table: (method, pattern such as /api/v1/projects/{id}) -> handler.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "http/context.hpp"

namespace sanpi::http {

using Handler = std::function<Response(Context&)>;

enum class Access { kPublic, kSignedIn };

struct Route {
    std::string method;
    std::vector<std::string> pattern;  // segments; "{name}" captures one segment
    Handler handler;
    Access access = Access::kSignedIn;
};

struct RouteMatch {
    const Route* route = nullptr;     // null: no route for this method
    std::vector<std::string> params;  // captured segments, in pattern order
    std::string allow;                // methods the path supports, when the path is known
};

class Router {
public:
    void add(std::string method, std::string_view pattern, Handler handler, Access access = Access::kSignedIn);
    // `path` is the still percent-encoded path: captured ids must be plain digits anyway.
    RouteMatch match(std::string_view method, std::string_view path) const;

private:
    std::vector<Route> routes_;
};

std::vector<std::string> split_path(std::string_view path);

}  // namespace sanpi::http
