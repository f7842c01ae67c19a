#pragma once
// Serves the built single-page app from a directory, or a placeholder page when there is none.
#include <filesystem>
#include <string>
#include <vector>

#include "http/message.hpp"

namespace sanpi::http {

class StaticFiles {
public:
    explicit StaticFiles(const std::string& web_root);

    // `segments` are the percent-decoded path segments of a GET outside /api/.
    Response serve(const Request& request, const std::vector<std::string>& segments) const;

private:
    Response file(const Request& request, const std::filesystem::path& path) const;

    std::filesystem::path root_;  // canonical; empty when serving the placeholder
};

}  // namespace sanpi::http
