#pragma once
// Headers of a response that is a document to show or save rather than JSON.
#include <string>
#include <string_view>

namespace sanpi::http {

// `attachment` or `inline`, with an ASCII fallback name (each run of characters other than letters,
// digits and . - _ becomes one "_") and the UTF-8 name percent-encoded (RFC 6266, RFC 8187):
// attachment; filename="_-bulletin-en.md"; filename*=UTF-8''%E6%B4%BB%E5%8A%A8-bulletin-en.md
std::string content_disposition(bool attachment, std::string_view file_name);

}  // namespace sanpi::http
