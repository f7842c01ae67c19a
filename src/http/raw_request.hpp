#pragma once
// The session's reading of one request, from bytes in memory instead of a socket: Beast's parser
// with the session's limits and refusals, then App::handle (or App::refuse). For the fuzz target
// of the HTTP request path (fuzz/fuzz_http.cpp), which must not include Beast itself.
#include <cstddef>
#include <optional>
#include <string_view>

#include "http/app.hpp"

namespace sanpi::http {

struct RawRequestLimits {
    std::size_t header_limit = 16 * 1024;
    std::size_t body_limit = 1 << 20;
};

// The response the server would write for `bytes` as the first request of a connection; nullopt
// when the bytes end before a whole request (the session would wait, then close on end of stream)
// or fail in a way the session answers by closing.
std::optional<Response> answer_raw_request(App& app, std::string_view bytes, const RawRequestLimits& limits);

}  // namespace sanpi::http
