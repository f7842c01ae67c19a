#include "http/multipart.hpp"

#include <algorithm>
#include <cctype>

namespace sanpi::http {
namespace {

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string_view trim_header_space(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// A parameter of a header value: name="value" (quoted, with \" escapes) or name=token.
std::optional<std::string> header_parameter(std::string_view value, std::string_view name) {
    std::size_t at = 0;
    while ((at = value.find(';', at)) != std::string_view::npos) {
        ++at;
        std::string_view rest = trim_header_space(value.substr(at));
        const auto eq = rest.find('=');
        if (eq == std::string_view::npos) continue;
        if (ascii_lower(trim_header_space(rest.substr(0, eq))) != name) continue;
        std::string_view v = trim_header_space(rest.substr(eq + 1));
        if (!v.empty() && v.front() == '"') {
            std::string out;
            for (std::size_t i = 1; i < v.size(); ++i) {
                if (v[i] == '\\' && i + 1 < v.size()) {
                    out += v[++i];
                } else if (v[i] == '"') {
                    return out;
                } else {
                    out += v[i];
                }
            }
            return std::nullopt;  // unterminated
        }
        return std::string(v.substr(0, v.find(';')));
    }
    return std::nullopt;
}

Problem malformed_multipart(std::string zh, std::string en) {
    return bad_request({"上传内容格式不正确：" + zh, "the upload is not well-formed multipart/form-data: " + en},
                       {{"body", {"格式不正确", "malformed"}}});
}

}  // namespace

std::optional<std::string> multipart_boundary(std::string_view content_type) {
    const auto semicolon = content_type.find(';');
    if (ascii_lower(trim_header_space(content_type.substr(0, semicolon))) != "multipart/form-data") return std::nullopt;
    auto boundary = header_parameter(content_type, "boundary");
    if (!boundary || boundary->empty() || boundary->size() > 70) return std::nullopt;
    return boundary;
}

std::variant<std::vector<FormPart>, Problem> parse_multipart(std::string_view body, std::string_view boundary) {
    const std::string delimiter = "--" + std::string(boundary);
    std::vector<FormPart> parts;
    auto at = body.find(delimiter);
    if (at == std::string_view::npos) return malformed_multipart("缺少分隔符", "no boundary line");
    at += delimiter.size();
    while (true) {
        if (body.substr(at, 2) == "--") return parts;  // the closing delimiter
        if (body.substr(at, 2) != "\r\n") return malformed_multipart("分隔符后缺少换行", "no line break after a boundary");
        at += 2;
        const auto headers_end = body.find("\r\n\r\n", at);
        if (headers_end == std::string_view::npos) return malformed_multipart("部分缺少头部", "a part has no header block");
        FormPart part;
        bool has_disposition = false;
        for (std::size_t line = at; line < headers_end;) {
            auto end = body.find("\r\n", line);
            if (end == std::string_view::npos || end > headers_end) end = headers_end;
            const std::string_view header = body.substr(line, end - line);
            line = end + 2;
            const auto colon = header.find(':');
            if (colon == std::string_view::npos) return malformed_multipart("头部格式不正确", "a malformed part header");
            const std::string key = ascii_lower(trim_header_space(header.substr(0, colon)));
            const std::string_view value = trim_header_space(header.substr(colon + 1));
            if (key == "content-disposition") {
                if (ascii_lower(value.substr(0, value.find(';'))) != "form-data") {
                    return malformed_multipart("部分不是 form-data", "a part is not form-data");
                }
                auto name = header_parameter(value, "name");
                if (!name) return malformed_multipart("部分缺少名称", "a part has no name");
                part.name = *name;
                part.file_name = header_parameter(value, "filename");
                has_disposition = true;
            } else if (key == "content-type") {
                part.content_type = std::string(value);
            }
        }
        if (!has_disposition) return malformed_multipart("部分缺少 Content-Disposition", "a part has no Content-Disposition");
        const auto content = headers_end + 4;
        const auto next = body.find("\r\n" + delimiter, content);
        if (next == std::string_view::npos) return malformed_multipart("缺少结束分隔符", "the body ends inside a part");
        part.body = body.substr(content, next - content);
        parts.push_back(std::move(part));
        at = next + 2 + delimiter.size();
    }
}

}  // namespace sanpi::http
