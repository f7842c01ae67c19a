#pragma once
// multipart/form-data bodies (RFC 7578), as browsers and curl -F send a file upload: the parts
// with their field names and, for files, their file names. Only what an upload form needs.
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "http/problem.hpp"

namespace sanpi::http {

struct FormPart {
    std::string name;
    std::optional<std::string> file_name;
    std::string content_type;
    std::string_view body;  // into the request's body
};

// The boundary of a multipart/form-data content type, or nothing when it is another type.
std::optional<std::string> multipart_boundary(std::string_view content_type);

// Every part; a body that is not well-formed multipart is a 400 naming "body".
std::variant<std::vector<FormPart>, Problem> parse_multipart(std::string_view body, std::string_view boundary);

}  // namespace sanpi::http
