#pragma once
// The text form of an audit entry's field changes in audit_log.changes. It reuses the item grammar
// of the canonical form (domain/audit.hpp): per change three items — field, before, after — each
// "<byte length in decimal>:<bytes>" or "~" for an absent value; no changes is the empty text.
// Every item announces its own end, so any bytes (colons, tildes, newlines, digits) round-trip
// exactly and the stored row reproduces the sealed entry byte for byte.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/audit.hpp"

namespace sanpi::store::sql {

std::string encode_changes(const std::vector<domain::FieldChange>& changes);
// None for text that is not in this form (a row edited by hand).
std::optional<std::vector<domain::FieldChange>> decode_changes(std::string_view text);

// What a reader is shown for text that does not decode: one change "!unreadable" whose `after`
// is the raw text. It cannot match the entry's hash, so verifying names the entry as edited.
std::vector<domain::FieldChange> decode_changes_or_raw(std::string_view text);

}  // namespace sanpi::store::sql
