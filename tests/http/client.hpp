#pragma once
// A small synchronous HTTP/1.1 client for the HTTP tests: one keep-alive connection, default
// headers (credentials, language) sent with every request. Beast stays inside client.cpp.
#include <boost/json/value.hpp>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sanpi::testing {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct HttpResponse {
    int status = 0;
    std::map<std::string, std::string> headers;  // lower-case names
    std::string body;

    std::string header(const std::string& lower_name) const;
    boost::json::value json() const;  // throws on a body that is not JSON
};

class HttpClient {
public:
    explicit HttpClient(std::uint16_t port);
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    void set_header(std::string name, std::string value);  // empty value removes it
    HttpResponse request(std::string_view method, std::string_view target, std::string body = {},
                         const HeaderList& extra = {});
    HttpResponse get(std::string_view target, const HeaderList& extra = {});
    // JSON body with Content-Type: application/json unless `extra` sets another.
    HttpResponse post(std::string_view target, const boost::json::value& body, const HeaderList& extra = {});
    HttpResponse patch(std::string_view target, const boost::json::value& body, const HeaderList& extra = {});

    // Signs in with POST /api/v1/session; on success keeps the cookie and CSRF token as defaults.
    HttpResponse login(std::string_view user, std::string_view password);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Sends raw bytes on a fresh connection and returns everything read until the server closes.
// With half_close the client then shuts down its sending side, as a client that is done does.
std::string send_raw(std::uint16_t port, std::string_view bytes, bool half_close = true);

}  // namespace sanpi::testing
