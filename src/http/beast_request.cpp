#include "http/beast_request.hpp"

#include <algorithm>
#include <cctype>

namespace sanpi::http {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

Request to_request(BeastRequest&& in, const std::string& remote) {
    Request out;
    out.method = std::string(in.method_string());
    out.target = std::string(in.target());
    for (const auto& field : in) {
        std::string name(field.name_string());
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
        out.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    out.body = std::move(in.body());
    out.remote = remote;
    return out;
}

std::optional<int> refusal_status(const beast::error_code& ec) {
    if (ec == bhttp::error::body_limit) return 413;
    if (ec == bhttp::error::header_limit) return 431;
    if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) return std::nullopt;
    if (&ec.category() == &bhttp::make_error_code(bhttp::error::bad_target).category()) return 400;
    return std::nullopt;
}

beast::error_code apply_body_limit(const App& app, BeastRequestParser& parser) {
    const auto& header = parser.get();
    const auto method = header.method_string();
    const auto target = header.target();
    const std::size_t limit =
        app.body_limit(std::string_view(method.data(), method.size()), std::string_view(target.data(), target.size()));
    if (auto length = parser.content_length(); length && *length > limit) return bhttp::error::body_limit;
    parser.body_limit(limit);
    return {};
}

}  // namespace sanpi::http
