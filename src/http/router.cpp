#include "http/router.hpp"

#include <algorithm>
#include <optional>

namespace sanpi::http {

namespace {

// The path's segments as views into it: "/a/b/" is {"a", "b"} ("/api/v1/zones/" routes like "/api/v1/zones").
std::vector<std::string_view> path_segments(std::string_view path) {
    std::vector<std::string_view> out;
    std::size_t start = path.starts_with('/') ? 1 : 0;
    while (start <= path.size()) {
        auto slash = path.find('/', start);
        if (slash == std::string_view::npos) slash = path.size();
        out.push_back(path.substr(start, slash - start));
        start = slash + 1;
    }
    if (out.size() > 1 && out.back().empty()) out.pop_back();
    return out;
}

// True when `segments` fit `pattern`, whose "{name}" segments fit any one segment.
bool fits(const std::vector<std::string>& pattern, const std::vector<std::string_view>& segments) {
    if (pattern.size() != segments.size()) return false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (!pattern[i].starts_with('{') && pattern[i] != segments[i]) return false;
    }
    return true;
}

std::vector<std::string> captured(const std::vector<std::string>& pattern,
                                  const std::vector<std::string_view>& segments) {
    std::vector<std::string> params;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i].starts_with('{')) params.emplace_back(segments[i]);
    }
    return params;
}

}  // namespace

std::vector<std::string> split_path(std::string_view path) {
    const auto segments = path_segments(path);
    return {segments.begin(), segments.end()};
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
    // Asked for every request before its body is read: only the few upload routes can answer.
    if (std::none_of(routes_.begin(), routes_.end(),
                     [&](const Route& r) { return r.body_limit != 0 && r.method == method; })) {
        return 0;
    }
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
    const auto segments = path_segments(path);
    // The first route in registration order wins (a literal segment registered before a capture).
    for (const auto& route : routes_) {
        if (route.method != method || !fits(route.pattern, segments)) continue;
        out.route = &route;
        out.params = captured(route.pattern, segments);
        return out;
    }
    // None for this method: the methods the path has, for a 405's Allow.
    for (const auto& route : routes_) {
        if (!fits(route.pattern, segments) || out.allow.find(route.method) != std::string::npos) continue;
        out.allow += out.allow.empty() ? route.method : ", " + route.method;
        // Every GET answers HEAD too (App::handle).
        if (route.method == "GET") out.allow += ", HEAD";
    }
    return out;
}

}  // namespace sanpi::http
