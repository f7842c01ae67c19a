#pragma once
// The JSON of an import's preview (and of what its commit did): shared by the API and by
// `sanpi import --json`, so scripts read the same keys from both.
#include <boost/json/object.hpp>

#include "http/problem.hpp"
#include "service/project_import.hpp"

namespace sanpi::http {

boost::json::object import_preview_json(const service::ImportPreview& preview, Lang lang);

}  // namespace sanpi::http
