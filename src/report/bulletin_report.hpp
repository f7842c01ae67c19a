#pragma once
// A campaign bulletin rendered in one of its formats, with what HTTP and the CLI need to send or
// save it: the content type, a file name and the Content-Disposition offering it. The content
// itself is domain/bulletin.hpp's.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/bulletin.hpp"
#include "domain/error.hpp"
#include "domain/region.hpp"
#include "domain/user.hpp"
#include "domain/zone.hpp"

namespace sanpi::report {

enum class BulletinFormat { kHtml, kDocx, kMarkdown };

std::optional<BulletinFormat> bulletin_format_from_string(std::string_view s);  // "html", "docx", "md"
std::string_view to_string(BulletinFormat f);
std::string_view content_type(BulletinFormat f);  // "text/html; charset=utf-8", …

// "<campaign name>-通报-zh.docx" / "<campaign name>-bulletin-en.md": characters a file system
// refuses (/ \ : * ? " < > | and controls) become "_".
std::string bulletin_file_name(const domain::Campaign& campaign, domain::BulletinLang lang, BulletinFormat f);
// `text` with each character a file system refuses (/ \ : * ? " < > | and controls) as "_".
std::string file_name_safe(std::string_view text);

// The Content-Disposition header that offers the file (`attachment`) or shows it (`inline`), with
// an ASCII fallback name (each run of characters other than letters, digits and . - _ becomes one
// "_") and the UTF-8 name percent-encoded (RFC 6266, RFC 8187):
// attachment; filename="_-bulletin-en.md"; filename*=UTF-8''%E6%B4%BB%E5%8A%A8-bulletin-en.md
std::string content_disposition(bool attachment, std::string_view file_name);

// The name and level of the scope a bulletin is made for: 全国/Nationwide for every zone, a
// region's name from `regions`, a zone's from `zones` (its own name in both languages).
domain::BulletinScope bulletin_scope(const domain::Scope& scope, const std::vector<domain::Region>& regions,
                                     const std::vector<domain::Zone>& zones, domain::BulletinLang lang);

// The document's bytes in the format; a DOCX that could not be zipped is kInternal.
Result<std::string> render_bulletin(const domain::Bulletin& bulletin, BulletinFormat f);

}  // namespace sanpi::report
