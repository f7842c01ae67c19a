#pragma once
// What a handler sees: the request, parsed target, language, caller and the services.
#include <boost/json/object.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "http/message.hpp"
#include "http/problem.hpp"
#include "http/rendered_answers.hpp"
#include "http/server.hpp"
#include "service/principal.hpp"

namespace sanpi::http {

using QueryParams = std::vector<std::pair<std::string, std::string>>;  // decoded, in order

struct Caller {
    service::Principal principal;
    bool via_cookie = false;
    std::string session_token;  // when via_cookie
    std::string csrf_token;     // when via_cookie
};

struct Context {
    const Request& request;
    Services& services;
    const ServerConfig& config;
    RenderedAnswers& rendered;
    Lang lang = Lang::kZh;
    QueryParams query;
    std::vector<std::string> params;  // captured path segments
    std::optional<Caller> caller;     // set before any signed-in route runs

    const service::Principal& who() const { return caller->principal; }
};

Response json_response(int status, const boost::json::object& body);
// 200 with the JSON of an answer a service keeps between requests, rendered by `render` only the
// first time that answer is served (rendered_answers.hpp).
Response rendered_json_response(const Context& ctx, const std::shared_ptr<const void>& answer,
                                const std::function<boost::json::object()>& render);
Response fail(const Context& ctx, const Error& error);
Response fail(const Context& ctx, const Problem& problem);

// Path parameter `index` as an id: a positive 64-bit decimal; anything else is a 400 naming "id".
std::variant<std::int64_t, Problem> path_id(const Context& ctx, std::size_t index = 0);
// 415 unless the body is declared as JSON (application/json or application/merge-patch+json).
std::optional<Problem> require_json_body(const Context& ctx);

}  // namespace sanpi::http
