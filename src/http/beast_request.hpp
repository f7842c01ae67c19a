#pragma once
// What the session and the in-memory request reader (raw_request.hpp) share about reading a request
// with Beast's parser: the conversion to the plain Request, which parse failures get an answer, and
// the per-route body limit. Included only by src/http sources that use Beast anyway.
#include <boost/beast/http.hpp>
#include <optional>
#include <string>

#include "http/app.hpp"

namespace sanpi::http {

using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;
using BeastRequestParser = boost::beast::http::request_parser<boost::beast::http::string_body>;

Request to_request(BeastRequest&& in, const std::string& remote);

// Parse failures worth an answer (400, 413, 431); end of stream, timeouts and socket errors just
// end the session.
std::optional<int> refusal_status(const boost::beast::error_code& ec);

// The body limit of this request's route, chosen once the header is read and before any body
// octet is parsed (Beast allows changing it until then): an upload route's own, else the
// server's general one. A declared length over it fails here, as Beast fails it at the header.
boost::beast::error_code apply_body_limit(const App& app, BeastRequestParser& parser);

}  // namespace sanpi::http
