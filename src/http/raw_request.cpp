#include "http/raw_request.hpp"

#include <algorithm>
#include <boost/asio/buffer.hpp>

#include "http/beast_request.hpp"

namespace sanpi::http {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

namespace {

// Feeds the parser what it takes of `bytes` from `offset` (put() consumes a prefix and asks for more
// with need_more) until it is done or fails; bytes that run out are the socket's end of stream.
beast::error_code feed(BeastRequestParser& parser, std::string_view bytes, std::size_t& offset, bool header_only) {
    beast::error_code ec;
    while (!(header_only ? parser.is_header_done() : parser.is_done())) {
        const std::string_view rest = bytes.substr(offset);
        const std::size_t used = rest.empty() ? 0 : parser.put(boost::asio::buffer(rest.data(), rest.size()), ec);
        offset += used;
        if (ec && ec != bhttp::error::need_more) return ec;
        ec = {};
        if (used == 0) {
            // No byte at all is what a stream read reports as end_of_stream (put_eof asserts one).
            if (!parser.got_some()) return bhttp::error::end_of_stream;
            parser.put_eof(ec);
            return ec;
        }
    }
    return {};
}

}  // namespace

std::optional<Response> answer_raw_request(App& app, std::string_view bytes, const RawRequestLimits& limits) {
    BeastRequestParser parser;
    parser.header_limit(static_cast<std::uint32_t>(std::min<std::size_t>(limits.header_limit, UINT32_MAX)));
    parser.body_limit(std::max(limits.body_limit, app.largest_body_limit()));
    std::size_t offset = 0;
    beast::error_code ec = feed(parser, bytes, offset, true);
    if (!ec) ec = apply_body_limit(app, parser);
    parser.eager(true);
    if (!ec) ec = feed(parser, bytes, offset, false);
    if (ec) {
        const auto status = refusal_status(ec);
        if (!status) return std::nullopt;
        return app.refuse(to_request(parser.release(), "fuzz"), *status);
    }
    return app.handle(to_request(parser.release(), "fuzz"));
}

}  // namespace sanpi::http
