#include "support/json_schema.hpp"

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <set>
#include <stdexcept>

namespace sanpi::testing {

namespace json = boost::json;

namespace {

constexpr int kMaxSchemaDepth = 64;  // a $ref cycle without data under it ends here

std::string json_type_of(const json::value& v) {
    switch (v.kind()) {
        case json::kind::null:
            return "null";
        case json::kind::bool_:
            return "boolean";
        case json::kind::int64:
        case json::kind::uint64:
            return "integer";
        case json::kind::double_:
            return "number";
        case json::kind::string:
            return "string";
        case json::kind::array:
            return "array";
        case json::kind::object:
            return "object";
    }
    return "unknown";
}

bool has_type(const json::value& v, std::string_view type) {
    const std::string actual = json_type_of(v);
    if (actual == type) return true;
    return type == "number" && actual == "integer";  // every integer is a number
}

bool type_matches(const json::value& v, const json::value& type) {
    if (type.is_string()) return has_type(v, type.as_string());
    for (const auto& t : type.as_array()) {
        if (has_type(v, t.as_string())) return true;
    }
    return false;
}

// A pointer segment, escaped as RFC 6901 requires.
std::string pointer_segment(std::string_view key) {
    std::string out;
    for (char c : key) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
    return out;
}

const std::set<std::string, std::less<>> kKnownKeywords = {
    // checked
    "type", "properties", "required", "items", "enum", "additionalProperties", "anyOf", "$ref",
    // annotations
    "description", "format", "example", "examples", "pattern", "minimum", "maximum", "minLength", "maxLength",
    "minItems", "maxItems", "title", "default", "const", "deprecated", "readOnly", "writeOnly", "contentMediaType"};

}  // namespace

const json::value& JsonSchemaValidator::resolve(const std::string& ref) const {
    constexpr std::string_view kPrefix = "#/components/schemas/";
    if (!ref.starts_with(kPrefix)) throw std::invalid_argument("unsupported $ref " + ref);
    return component(ref.substr(kPrefix.size()));
}

const json::value& JsonSchemaValidator::component(const std::string& name) const {
    return document_.at("components").at("schemas").at(name);
}

std::vector<std::string> JsonSchemaValidator::validate(const json::value& value, const json::value& schema) const {
    std::vector<std::string> errors;
    check(value, schema, "", errors, 0);
    return errors;
}

void JsonSchemaValidator::check(const json::value& value, const json::value& schema, const std::string& at,
                                std::vector<std::string>& errors, int depth) const {
    if (depth > kMaxSchemaDepth) {
        errors.push_back(at + ": schema nested too deep");
        return;
    }
    if (schema.is_bool()) {
        if (!schema.as_bool()) errors.push_back(at + ": no value allowed here");
        return;
    }
    const auto& s = schema.as_object();
    if (const auto* ref = s.if_contains("$ref")) {
        check(value, resolve(std::string(ref->as_string())), at, errors, depth + 1);
    }
    if (const auto* any = s.if_contains("anyOf")) {
        const auto& options = any->as_array();
        const bool one_fits = std::any_of(options.begin(), options.end(), [&](const json::value& option) {
            std::vector<std::string> ignored;
            check(value, option, at, ignored, depth + 1);
            return ignored.empty();
        });
        if (!one_fits) errors.push_back(at + ": matches none of anyOf: " + json::serialize(value).substr(0, 200));
    }
    if (const auto* type = s.if_contains("type"); type && !type_matches(value, *type)) {
        errors.push_back(at + ": is " + json_type_of(value) + ", schema says " + json::serialize(*type));
        return;
    }
    if (const auto* allowed = s.if_contains("enum")) {
        const auto& list = allowed->as_array();
        if (std::find(list.begin(), list.end(), value) == list.end()) {
            errors.push_back(at + ": " + json::serialize(value) + " is not one of " + json::serialize(*allowed));
        }
    }
    if (value.is_object()) {
        const auto& object = value.as_object();
        const auto* properties = s.if_contains("properties");
        if (const auto* required = s.if_contains("required")) {
            for (const auto& name : required->as_array()) {
                if (!object.contains(name.as_string())) {
                    errors.push_back(at + ": lacks required property " + std::string(name.as_string()));
                }
            }
        }
        const auto* additional = s.if_contains("additionalProperties");
        for (const auto& [key, member] : object) {
            const std::string here = at + "/" + pointer_segment(key);
            const json::value* sub = properties ? properties->as_object().if_contains(key) : nullptr;
            if (sub) {
                check(member, *sub, here, errors, depth + 1);
            } else if (additional) {
                if (additional->is_bool() && !additional->as_bool()) {
                    errors.push_back(here + ": property not in the schema");
                } else if (!additional->is_bool()) {
                    check(member, *additional, here, errors, depth + 1);
                }
            }
        }
    }
    if (value.is_array()) {
        if (const auto* items = s.if_contains("items")) {
            const auto& array = value.as_array();
            for (std::size_t i = 0; i < array.size(); ++i) {
                check(array[i], *items, at + "/" + std::to_string(i), errors, depth + 1);
            }
        }
    }
}

std::vector<std::string> unknown_schema_keywords(const json::value& schema, const std::string& at) {
    std::vector<std::string> out;
    if (!schema.is_object()) return out;
    for (const auto& [key, member] : schema.as_object()) {
        if (!kKnownKeywords.contains(key)) out.push_back(at + ": " + std::string(key));
        auto descend = [&](const json::value& sub, const std::string& where) {
            auto more = unknown_schema_keywords(sub, where);
            out.insert(out.end(), more.begin(), more.end());
        };
        if (key == "properties") {
            for (const auto& [name, sub] : member.as_object()) descend(sub, at + "/properties/" + std::string(name));
        } else if (key == "items" || key == "additionalProperties") {
            descend(member, at + "/" + std::string(key));
        } else if (key == "anyOf") {
            const auto& options = member.as_array();
            for (std::size_t i = 0; i < options.size(); ++i) descend(options[i], at + "/anyOf/" + std::to_string(i));
        }
    }
    return out;
}

}  // namespace sanpi::testing
