#include "http/static_files.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <string_view>

#include "domain/text_normalize.hpp"
#include "http/placeholder.hpp"

namespace sanpi::http {

namespace fs = std::filesystem;

namespace {

std::string_view content_type(const fs::path& path) {
    static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json"},
        {".map", "application/json"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".jpg", "image/jpeg"},
        {".jpeg", "image/jpeg"},
        {".gif", "image/gif"},
        {".webp", "image/webp"},
        {".ico", "image/x-icon"},
        {".woff", "font/woff"},
        {".woff2", "font/woff2"},
        {".ttf", "font/ttf"},
        {".txt", "text/plain; charset=utf-8"},
        {".wasm", "application/wasm"},
    };
    const std::string ext = path.extension().string();
    for (const auto& [e, type] : kTypes) {
        if (e == ext) return type;
    }
    return "application/octet-stream";
}

// A segment that could step outside the root or confuse the file system is refused outright.
bool safe_segment(const std::string& s) {
    if (s == ".." || s == ".") return false;
    return std::none_of(s.begin(), s.end(), [](char c) { return c == '/' || c == '\\' || c == '\0' || c == ':'; });
}

Response plain(int status, std::string_view text) {
    Response res;
    res.status = status;
    res.set("Content-Type", "text/plain; charset=utf-8");
    res.body = std::string(text);
    return res;
}

// The build names each asset after its content (`assets/index-B2x9_kQe.js`): such a file never
// changes under its name, so browsers may keep it for a year without asking. Anything else
// (index.html above all, which names the current assets) is revalidated on every use.
bool content_named(const fs::path& root, const fs::path& path) {
    auto rel = path.lexically_relative(root);
    if (rel.empty() || *rel.begin() != "assets") return false;
    const std::string stem = path.stem().string();
    const auto dash = stem.rfind('-');
    if (dash == std::string::npos || stem.size() - dash - 1 < 8) return false;
    return std::all_of(stem.begin() + static_cast<std::ptrdiff_t>(dash) + 1, stem.end(),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; });
}

// Dotfiles and dot-directories (.env, .git/, an editor's .index.html.swp) are never part of a
// build: a deploy that copied one into --web must not publish it. A file name that is not valid
// UTF-8 (an overlong "%c0%ae" dot among them) names nothing the build made either.
bool hidden_segment(const std::string& s) { return !s.empty() && s.front() == '.'; }

bool inside(const fs::path& root, const fs::path& path) {
    auto rel = path.lexically_relative(root);
    return !rel.empty() && *rel.begin() != "..";
}

}  // namespace

StaticFiles::StaticFiles(const std::string& web_root) {
    std::error_code ec;
    if (web_root.empty() || !fs::is_regular_file(fs::path(web_root) / "index.html", ec)) return;
    root_ = fs::canonical(web_root, ec);
    if (ec) root_.clear();
}

Response StaticFiles::serve(const Request& request, const std::vector<std::string>& segments) const {
    if (!std::all_of(segments.begin(), segments.end(), safe_segment)) return plain(400, "bad path\n");
    if (!std::all_of(segments.begin(), segments.end(), [](const auto& s) { return domain::is_valid_utf8(s); })) {
        return plain(400, "bad path\n");
    }
    if (std::any_of(segments.begin(), segments.end(), hidden_segment)) return plain(404, "not found\n");
    const bool looks_like_file = !segments.empty() && segments.back().find('.') != std::string::npos;
    if (root_.empty()) {
        if (looks_like_file) return plain(404, "not found\n");
        Response res = plain(200, placeholder_html());
        res.set("Content-Type", "text/html; charset=utf-8");
        return res;
    }
    fs::path path = root_;
    for (const auto& s : segments) {
        if (!s.empty()) path /= s;
    }
    std::error_code ec;
    fs::path real = fs::weakly_canonical(path, ec);
    // Symlinks must not lead out of the web root either.
    if (!ec && real != root_ && !inside(root_, real)) return plain(404, "not found\n");
    if (!ec && fs::is_regular_file(real, ec)) return file(request, real);
    if (looks_like_file) return plain(404, "not found\n");
    return file(request, root_ / "index.html");  // SPA fallback: the client-side router takes over
}

Response StaticFiles::file(const Request& request, const fs::path& path) const {
    std::error_code ec;
    auto size = fs::file_size(path, ec);
    auto mtime = fs::last_write_time(path, ec);
    if (ec) return plain(404, "not found\n");
    std::ostringstream tag;
    tag << '"' << std::hex << size << '-' << mtime.time_since_epoch().count() << '"';
    Response res;
    res.set("ETag", tag.str());
    // Revalidating is cheap with the ETag and never stale after a deploy.
    res.set("Cache-Control", content_named(root_, path) ? "public, max-age=31536000, immutable" : "no-cache");
    if (request.header("if-none-match") == tag.str()) {
        res.status = 304;
        return res;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return plain(404, "not found\n");
    std::ostringstream body;
    body << in.rdbuf();
    res.set("Content-Type", std::string(content_type(path)));
    res.body = std::move(body).str();
    return res;
}

}  // namespace sanpi::http
