#include "http/message.hpp"

#include <algorithm>
#include <cctype>

namespace sanpi::http {

namespace {

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::optional<std::string_view> find(const Fields& fields, std::string_view name) {
    for (const auto& [key, value] : fields) {
        if (iequals(key, name)) return std::string_view(value);
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string_view> Request::header(std::string_view lower_name) const { return find(headers, lower_name); }

std::optional<std::string_view> Response::header(std::string_view lower_name) const {
    return find(headers, lower_name);
}

void Response::set(std::string name, std::string value) {
    for (auto& [key, old] : headers) {
        if (iequals(key, name)) {
            old = std::move(value);
            return;
        }
    }
    headers.emplace_back(std::move(name), std::move(value));
}

bool is_unsafe_method(std::string_view method) { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }

}  // namespace sanpi::http
