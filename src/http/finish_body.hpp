#pragma once
// The last step of a body decoder that read its fields with a FieldReader.
#include <utility>

#include "http/codec.hpp"
#include "http/field_reader.hpp"
#include "http/problem.hpp"

namespace sanpi::http {

// A 400 when any field has the wrong type or is unknown (naming the invalid values too, so one
// answer lists every problem of the body), else a 422 for invalid values, else the value.
template <class T>
Decoded<T> finish_body(const FieldReader& reader, T value) {
    if (!reader.malformed().empty()) {
        auto fields = reader.malformed();
        fields.insert(fields.end(), reader.invalid().begin(), reader.invalid().end());
        return bad_request(
            {"请求体中有字段类型错误或未知字段", "the body has fields of the wrong type or unknown fields"},
            std::move(fields));
    }
    if (!reader.ok()) return problem_for(Error::invalid(reader.invalid()));
    return value;
}

}  // namespace sanpi::http
