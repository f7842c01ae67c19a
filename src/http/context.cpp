#include "http/context.hpp"

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <cctype>
#include <charconv>

namespace sanpi::http {

Response json_response(int status, const boost::json::object& body) {
    Response res;
    res.status = status;
    res.set("Content-Type", std::string(kJsonType));
    res.body = boost::json::serialize(body);
    return res;
}

Response rendered_json_response(const Context& ctx, const std::shared_ptr<const void>& answer,
                                const std::function<boost::json::object()>& render) {
    Response res;
    res.status = 200;
    res.set("Content-Type", std::string(kJsonType));
    res.body = ctx.rendered.text(answer, render);
    return res;
}

Response fail(const Context& ctx, const Error& error) { return problem_response(error, ctx.lang); }

Response fail(const Context& ctx, const Problem& problem) { return render(problem, ctx.lang); }

std::variant<std::int64_t, Problem> path_id(const Context& ctx, std::size_t index) {
    const std::string& text = ctx.params.at(index);
    std::int64_t id = 0;
    bool digits = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (!digits || ec != std::errc() || end != text.data() + text.size() || id <= 0) {
        return bad_request({"路径中的编号无效", "the id in the path is not valid"},
                           {{"id", {"须为正整数", "must be a positive integer"}}});
    }
    return id;
}

std::optional<Problem> require_json_body(const Context& ctx) {
    std::string type(ctx.request.header("content-type").value_or(""));
    type = type.substr(0, type.find(';'));
    type.erase(std::remove_if(type.begin(), type.end(), [](unsigned char c) { return std::isspace(c); }), type.end());
    std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::tolower(c); });
    if (type == "application/json" || type == "application/merge-patch+json") return std::nullopt;
    return protocol_problem(415, {"请求体须为 JSON（Content-Type: application/json）",
                                  "the body must be JSON (Content-Type: application/json)"});
}

}  // namespace sanpi::http
