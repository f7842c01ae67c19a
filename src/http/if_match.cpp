#include "http/if_match.hpp"

#include <charconv>

namespace sanpi::http {

std::variant<std::int64_t, Problem> required_version(const Context& ctx, const Text& resource) {
    auto header = ctx.request.header("if-match");
    if (!header) {
        return problem_for(
            Error::precondition_required("修改须带 If-Match 请求头（" + resource.zh + "的 ETag）",
                                         "changes need an If-Match header with the " + resource.en + "'s ETag"));
    }
    std::string_view text = *header;
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"') text = text.substr(1, text.size() - 2);
    std::int64_t version = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), version);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || version <= 0) {
        return bad_request({"If-Match 应为" + resource.zh + "的 ETag，如 \"3\"",
                            "If-Match must be the " + resource.en + "'s ETag, e.g. \"3\""},
                           {{"If-Match", {"格式错误", "malformed"}}});
    }
    return version;
}

}  // namespace sanpi::http
