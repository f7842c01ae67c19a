#include "report/bulletin_report.hpp"

#include "report/docx.hpp"
#include "report/html.hpp"
#include "report/markdown.hpp"

namespace sanpi::report {

namespace {

bool plain_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
           c == '_';
}

// RFC 8187 attr-char: ALPHA DIGIT ! # $ & + - . ^ _ ` | ~; everything else percent-encoded.
bool attr_char(char c) { return plain_name_char(c) || std::string_view("!#$&+^`|~").find(c) != std::string_view::npos; }

}  // namespace

std::optional<BulletinFormat> bulletin_format_from_string(std::string_view s) {
    if (s == "html") return BulletinFormat::kHtml;
    if (s == "docx") return BulletinFormat::kDocx;
    if (s == "md") return BulletinFormat::kMarkdown;
    return std::nullopt;
}

std::string_view to_string(BulletinFormat f) {
    switch (f) {
        case BulletinFormat::kHtml:
            return "html";
        case BulletinFormat::kDocx:
            return "docx";
        case BulletinFormat::kMarkdown:
            return "md";
    }
    return "html";
}

std::string_view content_type(BulletinFormat f) {
    switch (f) {
        case BulletinFormat::kHtml:
            return "text/html; charset=utf-8";
        case BulletinFormat::kDocx:
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        case BulletinFormat::kMarkdown:
            return "text/markdown; charset=utf-8";
    }
    return "text/html; charset=utf-8";
}

std::string content_disposition(bool attachment, std::string_view file_name) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string ascii, encoded;
    for (const char c : file_name) {
        if (plain_name_char(c)) {
            ascii += c;
        } else if (ascii.empty() || ascii.back() != '_') {
            ascii += '_';  // one for a run: a Chinese character is three bytes
        }
        if (attr_char(c)) {
            encoded += c;
        } else {
            const auto u = static_cast<unsigned char>(c);
            encoded += '%';
            encoded += kHex[u >> 4];
            encoded += kHex[u & 0x0f];
        }
    }
    return std::string(attachment ? "attachment" : "inline") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" +
           encoded;
}

std::string file_name_safe(std::string_view text) {
    std::string name;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        const bool refused = u < 0x20 || u == 0x7f || std::string_view("/\\:*?\"<>|").find(c) != std::string_view::npos;
        name += refused ? '_' : c;
    }
    return name;
}

std::string bulletin_file_name(const domain::Campaign& campaign, domain::BulletinLang lang, BulletinFormat f) {
    std::string name = file_name_safe(campaign.name);
    if (name.empty()) name = "campaign-" + std::to_string(campaign.id);
    const bool zh = lang == domain::BulletinLang::kZh;
    return name + (zh ? "-通报-" : "-bulletin-") + std::string(domain::to_string(lang)) + "." +
           std::string(to_string(f));
}

domain::BulletinScope bulletin_scope(const domain::Scope& scope, const std::vector<domain::Region>& regions,
                                     const std::vector<domain::Zone>& zones, domain::BulletinLang lang) {
    using Level = domain::BulletinScope::Level;
    const bool zh = lang == domain::BulletinLang::kZh;
    switch (scope.kind) {
        case domain::Scope::Kind::kAll:
            return {Level::kNation, zh ? "全国" : "Nationwide"};
        case domain::Scope::Kind::kZone:
            for (const auto& z : zones) {
                if (z.id == scope.zone_id) return {Level::kZone, z.name};
            }
            return {Level::kZone, zh ? "本开发区" : "The development zone"};
        case domain::Scope::Kind::kRegion:
            break;
    }
    for (const auto& r : regions) {
        if (r.code.scope_prefix() != scope.region_prefix) continue;
        const auto level = r.code.level() == domain::RegionLevel::kProvince ? Level::kProvince : Level::kCity;
        const auto& name = zh || r.name_en.empty() ? r.name_zh : r.name_en;
        return {level, name.empty() ? r.code.str() : name};
    }
    const bool province = scope.region_prefix.size() <= 2;
    return {province ? Level::kProvince : Level::kCity,
            zh ? (province ? "全省" : "全市") : (province ? "Province" : "City")};
}

Result<std::string> render_bulletin(const domain::Bulletin& bulletin, BulletinFormat f) {
    switch (f) {
        case BulletinFormat::kHtml:
            return render_html(bulletin);
        case BulletinFormat::kMarkdown:
            return render_markdown(bulletin);
        case BulletinFormat::kDocx:
            return render_docx(bulletin);
    }
    return render_html(bulletin);
}

}  // namespace sanpi::report
