#pragma once
// The JSON of a project's official identity and commitments (docs/api.md, "Identity and
// commitments"): used by the project codec, out and in.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <string_view>

#include "domain/project.hpp"
#include "http/field_reader.hpp"
#include "service/project_patch.hpp"

namespace sanpi::http {

// national_code, national_code_legacy, approval (with its deadlines), stats_entry_date, code_name
// and capacity_agreement (with output and tax per 亩): lists and details.
void add_identity_json(boost::json::object& out, const domain::Project& p);
// funding and realised (each year beside the commitments): details only, as lists do not load them.
void add_commitments_json(boost::json::object& out, const domain::Project& p);

// Reads `key` into the patch when it is one of the identity fields (or planned_reason); false when
// it is not, for the caller to treat as any other key.
bool read_identity_field(FieldReader& r, std::string_view key, const boost::json::value& v,
                         service::ProjectPatch& patch);

}  // namespace sanpi::http
