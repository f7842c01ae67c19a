#include "http/session.hpp"

#include <algorithm>
#include <array>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <optional>

#include "http/beast_request.hpp"

namespace sanpi::http {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

namespace {

constexpr auto kUseTuple = net::as_tuple(net::use_awaitable);
constexpr std::chrono::seconds kWriteTimeout{30};
constexpr std::chrono::seconds kLingerTimeout{2};

struct InFlight {
    explicit InFlight(ServerState& s) : state(s) { ++state.in_flight; }
    ~InFlight() { --state.in_flight; }
    InFlight(const InFlight&) = delete;
    InFlight& operator=(const InFlight&) = delete;
    ServerState& state;
};

struct OpenConnection {
    explicit OpenConnection(ServerState& s) : state(s) { state.connections.fetch_add(1, std::memory_order_relaxed); }
    ~OpenConnection() { state.connections.fetch_sub(1, std::memory_order_relaxed); }
    OpenConnection(const OpenConnection&) = delete;
    OpenConnection& operator=(const OpenConnection&) = delete;
    ServerState& state;
};

bhttp::response<bhttp::string_body> to_beast(Response&& res, unsigned version, bool keep_alive) {
    bhttp::response<bhttp::string_body> out;
    out.version(version);
    out.result(static_cast<unsigned>(res.status));
    for (auto& [name, value] : res.headers) out.insert(name, value);
    out.body() = std::move(res.body);
    out.keep_alive(keep_alive);
    out.prepare_payload();
    return out;
}

// After refusing a request whose body we did not read, drain what the client is still sending
// (bounded) before closing; closing with unread data would reset the connection and the client
// could lose the error response.
net::awaitable<void> linger(beast::tcp_stream& stream, std::size_t budget) {
    beast::error_code ignored;
    stream.socket().shutdown(net::ip::tcp::socket::shutdown_send, ignored);
    std::array<char, 16 * 1024> scratch;
    stream.expires_after(kLingerTimeout);
    while (budget > 0) {
        auto [ec, n] = co_await stream.async_read_some(net::buffer(scratch), kUseTuple);
        if (ec) break;
        budget -= std::min(budget, n);
    }
}

net::awaitable<beast::error_code> write(beast::tcp_stream& stream, Response&& res, unsigned version, bool keep) {
    const bool head_only = res.head_only;
    auto message = to_beast(std::move(res), version, keep);
    stream.expires_after(kWriteTimeout);
    if (head_only) {
        // The header as prepared for the GET body (its Content-Length), and nothing after it.
        bhttp::response_serializer<bhttp::string_body> serializer(message);
        auto [ec, n] = co_await bhttp::async_write_header(stream, serializer, kUseTuple);
        co_return ec;
    }
    auto [ec, n] = co_await bhttp::async_write(stream, message, kUseTuple);
    co_return ec;
}

// Reads one request. The header comes first so that a client sending "Expect: 100-continue"
// (curl does for bodies over 1 KiB) gets its go-ahead instead of waiting a second for it; an
// oversized Content-Length fails already here, before the client sends the body.
net::awaitable<beast::error_code> read_request(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                               bhttp::request_parser<bhttp::string_body>& parser, const App& app) {
    auto [ec, n] = co_await bhttp::async_read_header(stream, buffer, parser, kUseTuple);
    if (ec) co_return ec;
    if (auto limited = apply_body_limit(app, parser)) co_return limited;
    if (beast::iequals(parser.get()[bhttp::field::expect], "100-continue") && !parser.is_done()) {
        bhttp::response<bhttp::empty_body> go_ahead{bhttp::status::continue_, parser.get().version()};
        auto [wec, wn] = co_await bhttp::async_write(stream, go_ahead, kUseTuple);
        if (wec) co_return wec;
    }
    if (parser.is_done()) co_return beast::error_code{};
    auto [rec, rn] = co_await bhttp::async_read(stream, buffer, parser, kUseTuple);
    co_return rec;
}

}  // namespace

net::awaitable<void> run_session(net::ip::tcp::socket socket, App& app, Workers& workers, SessionLimits limits,
                                 ServerState& state) {
    const OpenConnection open(state);
    beast::error_code ignored;
    const std::string remote = socket.remote_endpoint(ignored).address().to_string();
    beast::tcp_stream stream(std::move(socket));
    beast::flat_buffer buffer;
    for (;;) {
        bhttp::request_parser<bhttp::string_body> parser;
        parser.header_limit(static_cast<std::uint32_t>(limits.header_limit));
        // The largest any route allows until the header says which route this is.
        parser.body_limit(std::max(limits.body_limit, app.largest_body_limit()));
        stream.expires_after(limits.read_timeout);
        if (auto ec = co_await read_request(stream, buffer, parser, app)) {
            auto status = refusal_status(ec);
            if (!status) break;  // the Beast 1.81 example loops here forever on end_of_stream
            InFlight guard(state);
            auto res = app.refuse(to_request(parser.release(), remote), *status);
            // An upload route's client may still be sending up to its larger limit.
            const std::size_t budget = 8 * std::max(limits.body_limit, app.largest_body_limit());
            if (!co_await write(stream, std::move(res), 11, false)) co_await linger(stream, budget);
            break;
        }
        InFlight guard(state);
        const unsigned version = parser.get().version();
        const bool client_keep_alive = parser.get().keep_alive();
        const Request request = to_request(parser.release(), remote);
        Response res = co_await workers.handle(request);
        const bool keep = client_keep_alive && !res.close && !state.stopping;
        if (co_await write(stream, std::move(res), version, keep) || !keep) break;
    }
    stream.socket().shutdown(net::ip::tcp::socket::shutdown_send, ignored);
}

}  // namespace sanpi::http
