#include "client.hpp"

#include <algorithm>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <cctype>
#include <optional>

namespace sanpi::testing {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using net::ip::tcp;

std::string HttpResponse::header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
}

boost::json::value HttpResponse::json() const { return boost::json::parse(body); }

struct HttpClient::Impl {
    std::uint16_t port;
    net::io_context ioc;
    std::optional<beast::tcp_stream> stream;
    beast::flat_buffer buffer;
    HeaderList defaults;

    void connect() {
        stream.emplace(ioc);
        stream->connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
        buffer.clear();
    }

    HttpResponse exchange(const bhttp::request<bhttp::string_body>& req) {
        bhttp::write(*stream, req);
        bhttp::response_parser<bhttp::string_body> parser;
        // An answer to HEAD announces the GET body's length but sends none.
        parser.skip(req.method() == bhttp::verb::head);
        parser.body_limit(64 << 20);
        parser.header_limit(64 << 10);
        bhttp::read(*stream, buffer, parser);
        auto res = parser.release();
        HttpResponse out;
        out.status = static_cast<int>(res.result_int());
        for (const auto& f : res) {
            std::string name(f.name_string());
            std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
            out.headers[name] = std::string(f.value());
        }
        out.body = std::move(res.body());
        if (!res.keep_alive()) stream.reset();
        return out;
    }
};

HttpClient::HttpClient(std::uint16_t port) : impl_(std::make_unique<Impl>()) { impl_->port = port; }

HttpClient::~HttpClient() = default;

void HttpClient::set_header(std::string name, std::string value) {
    auto& d = impl_->defaults;
    d.erase(std::remove_if(d.begin(), d.end(), [&](const auto& h) { return h.first == name; }), d.end());
    if (!value.empty()) d.emplace_back(std::move(name), std::move(value));
}

HttpResponse HttpClient::request(std::string_view method, std::string_view target, std::string body,
                                 const HeaderList& extra) {
    bhttp::request<bhttp::string_body> req;
    req.method_string(method);
    req.target(target);
    req.version(11);
    req.set(bhttp::field::host, "127.0.0.1");
    for (const auto& [name, value] : impl_->defaults) req.set(name, value);
    for (const auto& [name, value] : extra) req.set(name, value);
    req.body() = std::move(body);
    req.prepare_payload();
    if (!impl_->stream) impl_->connect();
    try {
        return impl_->exchange(req);
    } catch (const boost::system::system_error&) {
        // The server may have closed an idle keep-alive connection: one retry on a fresh one.
        impl_->connect();
        return impl_->exchange(req);
    }
}

HttpResponse HttpClient::get(std::string_view target, const HeaderList& extra) {
    return request("GET", target, {}, extra);
}

namespace {

HeaderList with_json_type(const HeaderList& extra) {
    HeaderList out{{"Content-Type", "application/json"}};
    out.insert(out.end(), extra.begin(), extra.end());
    return out;
}

}  // namespace

HttpResponse HttpClient::post(std::string_view target, const boost::json::value& body, const HeaderList& extra) {
    return request("POST", target, boost::json::serialize(body), with_json_type(extra));
}

HttpResponse HttpClient::patch(std::string_view target, const boost::json::value& body, const HeaderList& extra) {
    return request("PATCH", target, boost::json::serialize(body), with_json_type(extra));
}

HttpResponse HttpClient::login(std::string_view user, std::string_view password) {
    auto res = post("/api/v1/session", {{"username", user}, {"password", password}});
    if (res.status != 200) return res;
    std::string cookie = res.header("set-cookie");
    set_header("Cookie", cookie.substr(0, cookie.find(';')));
    set_header("X-CSRF-Token", std::string(res.json().at("csrf_token").as_string()));
    return res;
}

std::string send_raw(std::uint16_t port, std::string_view bytes, bool half_close) {
    net::io_context ioc;
    tcp::socket socket(ioc);
    socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
    net::write(socket, net::buffer(bytes));
    boost::system::error_code ec;
    if (half_close) socket.shutdown(tcp::socket::shutdown_send, ec);
    std::string out;
    net::read(socket, net::dynamic_buffer(out), ec);  // until the server closes
    return out;
}

}  // namespace sanpi::testing
