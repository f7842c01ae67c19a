// The Prometheus text format writer and the JSON Schema subset validator (no server).
#include "http/exposition.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <cmath>

#include "support/json_schema.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

TEST(Exposition, FamiliesSamplesAndEscapedLabels) {
    http::Exposition out;
    out.family("x_total", "counter", "Things.");
    out.sample("x_total", {{"route", R"(/a "b" \c)"}, {"k", "line\nbreak"}}, std::uint64_t{7});
    out.sample("x_total", {}, std::uint64_t{0});
    out.family("y_seconds", "gauge", "Time.");
    out.sample("y_seconds", {{"le", "+Inf"}}, 0.25);
    EXPECT_EQ(out.text(),
              "# HELP x_total Things.\n"
              "# TYPE x_total counter\n"
              "x_total{route=\"/a \\\"b\\\" \\\\c\",k=\"line\\nbreak\"} 7\n"
              "x_total 0\n"
              "# HELP y_seconds Time.\n"
              "# TYPE y_seconds gauge\n"
              "y_seconds{le=\"+Inf\"} 0.25\n");
}

TEST(Exposition, NumbersInPrometheusForms) {
    struct Case {
        double value;
        const char* text;
    };
    for (const auto& c :
         {Case{0.001, "0.001"}, Case{0.0025, "0.0025"}, Case{1.0, "1"}, Case{10.0, "10"}, Case{INFINITY, "+Inf"},
          Case{-INFINITY, "-Inf"}, Case{NAN, "NaN"}, Case{20.0305, "20.0305"}}) {
        EXPECT_EQ(http::format_metric_number(c.value), c.text) << c.text;
    }
}

struct SchemaCase {
    const char* schema;
    const char* value;
    bool valid;
};

class JsonSchemaSubset : public ::testing::TestWithParam<SchemaCase> {};

TEST_P(JsonSchemaSubset, AcceptsAndRefusesAsTheSchemaSays) {
    const json::value doc = json::parse(R"({"components": {"schemas": {
        "Rate": {"type": "object", "properties": {"n": {"type": "integer"}}, "required": ["n"], "additionalProperties": false},
        "Tree": {"type": "object", "properties": {"kids": {"type": "array", "items": {"$ref": "#/components/schemas/Tree"}}}}
    }}})");
    JsonSchemaValidator validator(doc);
    const auto& c = GetParam();
    const auto errors = validator.validate(json::parse(c.value), json::parse(c.schema));
    EXPECT_EQ(errors.empty(), c.valid) << c.schema << " / " << c.value << (errors.empty() ? "" : ": " + errors.front());
}

INSTANTIATE_TEST_SUITE_P(
    Cases, JsonSchemaSubset,
    ::testing::Values(
        SchemaCase{R"({"type": "string"})", R"("a")", true}, SchemaCase{R"({"type": "string"})", "1", false},
        SchemaCase{R"({"type": "integer"})", "1", true}, SchemaCase{R"({"type": "integer"})", "1.5", false},
        SchemaCase{R"({"type": "number"})", "1", true}, SchemaCase{R"({"type": "boolean"})", "null", false},
        SchemaCase{R"({"type": ["string", "null"]})", "null", true},
        SchemaCase{R"({"type": ["string", "null"]})", "3", false},
        SchemaCase{R"({"enum": ["a", "b"]})", R"("b")", true},
        SchemaCase{R"({"type": "string", "enum": ["a", "b"]})", R"("c")", false},
        SchemaCase{R"({"type": ["string", "null"], "enum": ["a", null]})", "null", true},
        SchemaCase{R"({"type": "object", "required": ["x"]})", R"({"y": 1})", false},
        SchemaCase{R"({"type": "object", "properties": {"x": {"type": "integer"}}})", R"({"x": "1"})", false},
        SchemaCase{R"({"type": "object", "properties": {"x": {}}})", R"({"x": [1, "a"], "z": 2})", true},
        SchemaCase{R"({"type": "object", "properties": {"x": {}}, "additionalProperties": false})",
                   R"({"x": 1, "z": 2})", false},
        SchemaCase{R"({"type": "object", "additionalProperties": {"type": "integer"}})", R"({"a": 1, "b": 2})", true},
        SchemaCase{R"({"type": "object", "additionalProperties": {"type": "integer"}})", R"({"a": "x"})", false},
        SchemaCase{R"({"type": "array", "items": {"type": "integer"}})", "[1, 2, 3]", true},
        SchemaCase{R"({"type": "array", "items": {"type": "integer"}})", R"([1, "2"])", false},
        SchemaCase{R"({"$ref": "#/components/schemas/Rate"})", R"({"n": 3})", true},
        SchemaCase{R"({"$ref": "#/components/schemas/Rate"})", R"({"n": 3, "m": 1})", false},
        SchemaCase{R"({"$ref": "#/components/schemas/Rate"})", R"({})", false},
        SchemaCase{R"({"$ref": "#/components/schemas/Tree"})", R"({"kids": [{"kids": [{}]}]})", true},
        SchemaCase{R"({"$ref": "#/components/schemas/Tree"})", R"({"kids": [{"kids": [1]}]})", false},
        SchemaCase{R"({"anyOf": [{"$ref": "#/components/schemas/Rate"}, {"type": "null"}]})", "null", true},
        SchemaCase{R"({"anyOf": [{"$ref": "#/components/schemas/Rate"}, {"type": "null"}]})", R"("x")", false}));

TEST(JsonSchemaSubsetErrors, NameWhereTheValueDisagrees) {
    const json::value doc = json::parse(R"({"components": {"schemas": {}}})");
    JsonSchemaValidator validator(doc);
    const auto errors = validator.validate(
        json::parse(R"({"items": [{"id": 1}, {"id": "2"}]})"),
        json::parse(
            R"({"type": "object", "properties": {"items": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "integer"}}}}}})"));
    ASSERT_EQ(errors.size(), 1U);
    EXPECT_EQ(errors.front(), "/items/1/id: is string, schema says \"integer\"");
    EXPECT_EQ(unknown_schema_keywords(json::parse(R"({"type": "object", "properties": {"a": {"oneOf": []}}})")),
              std::vector<std::string>{"/properties/a: oneOf"});
}

}  // namespace
}  // namespace sanpi::testing
