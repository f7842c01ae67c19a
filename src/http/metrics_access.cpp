#include "http/metrics.hpp"

namespace sanpi::http {

namespace {

// Compares without stopping at the first difference, so timing does not reveal the token's prefix.
bool same_secret(std::string_view given, std::string_view expected) {
    if (given.size() != expected.size()) return false;
    unsigned char diff = 0;
    for (std::size_t i = 0; i < given.size(); ++i) {
        diff = static_cast<unsigned char>(
            diff | (static_cast<unsigned char>(given[i]) ^ static_cast<unsigned char>(expected[i])));
    }
    return diff == 0;
}

}  // namespace

bool is_loopback_address(std::string_view address) {
    if (address == "::1") return true;
    if (address.starts_with("::ffff:")) address.remove_prefix(7);  // IPv4-mapped
    return address.starts_with("127.");
}

bool metrics_allowed(const Request& request, std::string_view token) {
    if (!token.empty()) {
        const auto authorization = request.header("authorization");
        constexpr std::string_view kBearer = "Bearer ";
        return authorization && authorization->starts_with(kBearer) &&
               same_secret(authorization->substr(kBearer.size()), token);
    }
    if (request.header("forwarded") || request.header("x-forwarded-for")) return false;
    return is_loopback_address(request.remote);
}

}  // namespace sanpi::http
