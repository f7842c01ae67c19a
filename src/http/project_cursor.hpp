#pragma once
// The project list's opaque `cursor`: a page's last place (store::ListPosition) with the sort,
// the direction and a fingerprint of the filters it was read under, plus a checksum, in base64url.
// A cursor is accepted only for the same filters, sort and direction; anything altered or foreign
// is refused. The checksum catches damage and casual edits, not a determined forger, who would
// gain nothing: the caller's scope and filters apply to every page whatever the cursor says.
#include <optional>
#include <string>
#include <string_view>

#include "store/store.hpp"

namespace sanpi::http {

// The place to resume after, for the query's filters, sort and direction.
std::string encode_project_cursor(const store::ProjectQuery& q, const store::ListPosition& at);

// The place in `cursor` if it was made for `q`'s filters, sort and direction; nullopt otherwise.
std::optional<store::ListPosition> decode_project_cursor(std::string_view cursor, const store::ProjectQuery& q);

}  // namespace sanpi::http
