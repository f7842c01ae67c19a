#pragma once
// JSON shape of a photo's metadata (see docs/api.md); the bytes travel on their own URLs.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace sanpi::http {

std::string photo_url(std::int64_t id);
boost::json::object to_json(const store::PhotoRecord& photo);
boost::json::array photos_json(const std::vector<store::PhotoRecord>& photos);

}  // namespace sanpi::http
