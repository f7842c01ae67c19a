#pragma once
// A validator for the subset of JSON Schema (2020-12, as OpenAPI 3.1 uses it) that
// docs/openapi.json uses: type (one or a list, "null" for nullable), properties, required, items,
// enum, additionalProperties (false or a schema), anyOf, and $ref to "#/components/schemas/…"
// inside the same document. Annotations (description, format, example, pattern, minimum …) are
// not checked. Unknown keywords of the subset's own kind would be a mistake in the document, so
// the shape tests also run check_schema_keywords over every schema.
#include <boost/json/value.hpp>
#include <string>
#include <vector>

namespace sanpi::testing {

class JsonSchemaValidator {
public:
    // `document` holds the schemas $ref points into (an OpenAPI document); kept by reference.
    explicit JsonSchemaValidator(const boost::json::value& document) : document_(document) {}

    // Every place where `value` disagrees with `schema`, as "<json pointer>: <what>"; empty: valid.
    std::vector<std::string> validate(const boost::json::value& value, const boost::json::value& schema) const;
    // The schema named `name` under components/schemas (throws std::out_of_range when absent).
    const boost::json::value& component(const std::string& name) const;

private:
    void check(const boost::json::value& value, const boost::json::value& schema, const std::string& at,
               std::vector<std::string>& errors, int depth) const;
    const boost::json::value& resolve(const std::string& ref) const;

    const boost::json::value& document_;
};

// Keywords of a schema object the validator does not know (neither checked nor an annotation),
// found anywhere below `schema`, as "<path>: <keyword>".
std::vector<std::string> unknown_schema_keywords(const boost::json::value& schema, const std::string& at = "");

}  // namespace sanpi::testing
