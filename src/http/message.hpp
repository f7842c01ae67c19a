#pragma once
// Plain request/response values. The session converts from and to Beast messages, so routing,
// handlers and codecs never instantiate Beast templates (which cost ~30 s per translation unit).
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sanpi::http {

using Fields = std::vector<std::pair<std::string, std::string>>;  // header names lower-case

struct Request {
    std::string method;  // "GET", "PATCH", ...
    std::string target;  // raw origin-form target, e.g. "/api/v1/projects?page=2"
    Fields headers;
    std::string body;
    std::string remote;  // peer address, for the log

    // First value of a header (name in lower case), or nullopt.
    std::optional<std::string_view> header(std::string_view lower_name) const;
};

struct Response {
    int status = 200;
    Fields headers;
    std::string body;
    bool close = false;  // end the connection after writing this response
    // An answer to HEAD: the session writes the header as for this body (its Content-Length),
    // then no body.
    bool head_only = false;

    void set(std::string name, std::string value);  // replaces an existing header of that name
    std::optional<std::string_view> header(std::string_view lower_name) const;
};

inline constexpr std::string_view kJsonType = "application/json; charset=utf-8";
inline constexpr std::string_view kProblemType = "application/problem+json; charset=utf-8";

bool is_unsafe_method(std::string_view method);

}  // namespace sanpi::http
