#pragma once
// A few synthetic site photos (labelled as such by their flat gradient look) on the demo's first
// reports, so the UI and backups have photos to show; added only to reports without any, so
// loading the demo again adds nothing. Small images, to keep loading fast.
#include <cstdint>

#include "domain/error.hpp"
#include "store/store.hpp"

namespace sanpi::service::demo {

// Returns how many photos were added. Needs the demo's reports in place.
Result<std::int64_t> load_photos(store::Tx& tx, store::Timestamp now);

}  // namespace sanpi::service::demo
