#include "http/router.hpp"

#include <algorithm>
#include <optional>

namespace sanpi::http {

namespace {

std::optional<std::vector<std::string>> capture(const std::vector<std::string>& pattern,
                                                const std::vector<std::string>& segments) {
    if (pattern.size() != segments.size()) return std::nullopt;
    std::vector<std::string> params;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i].starts_with('{')) {
            params.push_back(segments[i]);
        } else if (pattern[i] != segments[i]) {
            return std::nullopt;
        }
    }
    return params;
}

}  // namespace

std::vector<std::string> split_path(std::string_view path) {
    std::vector<std::string> out;
    std::size_t start = path.starts_with('/') ? 1 : 0;
    while (start <= path.size()) {
        auto slash = path.find('/', start);
        if (slash == std::string_view::npos) slash = path.size();
        out.emplace_back(path.substr(start, slash - start));
        start = slash + 1;
    }
    // "/api/v1/zones/" routes like "/api/v1/zones"
    if (out.size() > 1 && out.back().empty()) out.pop_back();
    return out;
}

std::string join_pattern(const std::vector<std::string>& segments) {
    std::string out;
    for (const auto& segment : segments) out += "/" + segment;
    return out.empty() ? "/" : out;
}

void Router::add(std::string method, std::string_view pattern, Handler handler, Access access) {
    routes_.push_back(Route{std::move(method), split_path(pattern), std::move(handler), access, 0, routes_.size()});
}

void Router::add_upload(std::string method, std::string_view pattern, Handler handler, std::size_t body_limit) {
    routes_.push_back(Route{std::move(method), split_path(pattern), std::move(handler), Access::kSignedIn, body_limit,
                            routes_.size()});
}

std::vector<RouteInfo> Router::routes() const {
    std::vector<RouteInfo> out;
    out.reserve(routes_.size());
    for (const auto& route : routes_) out.push_back(RouteInfo{route.method, join_pattern(route.pattern)});
    return out;
}

std::size_t Router::body_limit(std::string_view method, std::string_view path) const {
    const auto found = match(method, path);
    return found.route ? found.route->body_limit : 0;
}

std::size_t Router::largest_body_limit() const {
    std::size_t out = 0;
    for (const auto& route : routes_) out = std::max(out, route.body_limit);
    return out;
}

RouteMatch Router::match(std::string_view method, std::string_view path) const {
    RouteMatch out;
    const auto segments = split_path(path);
    for (const auto& route : routes_) {
        auto params = capture(route.pattern, segments);
        if (!params) continue;
        if (route.method == method && !out.route) {
            out.route = &route;
            out.params = std::move(*params);
        }
        if (out.allow.find(route.method) == std::string::npos) {
            out.allow += out.allow.empty() ? route.method : ", " + route.method;
            // Every GET answers HEAD too (App::handle).
            if (route.method == "GET") out.allow += ", HEAD";
        }
    }
    return out;
}

}  // namespace sanpi::http
