#pragma once
// Expected failures travel as values: Result<T> holds either T or an Error.
#include <boost/system/result.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sanpi {

enum class ErrorCode {
    kInvalidInput,          // validation: see Error::fields
    kNotFound,              // also what a caller outside its scope sees
    kConflict,              // stale version or a uniqueness rule (e.g. double counting a batch)
    kPreconditionRequired,  // an update without the version it is based on
    kUnauthorized,
    kForbidden,
    kUnavailable,
    kInternal,
};

// A message in both languages the product speaks; the UI/HTTP layer picks one.
struct Text {
    std::string zh;
    std::string en;
};

struct FieldError {
    std::string field;  // dotted JSON-style path, e.g. "planned.start" or "rows[3].credit_code"
    Text message;
};

struct Error {
    ErrorCode code = ErrorCode::kInternal;
    Text message;
    std::vector<FieldError> fields;

    static Error invalid(std::vector<FieldError> fields);
    static Error invalid_field(std::string_view field, std::string zh, std::string en);
    static Error not_found(std::string what_zh, std::string what_en);
    static Error conflict(std::string zh, std::string en);
    static Error precondition_required(std::string zh, std::string en);
    static Error unauthorized(std::string zh, std::string en);
    static Error forbidden(std::string zh, std::string en);
    static Error unavailable(std::string zh, std::string en);
    static Error internal(std::string zh, std::string en);
};

// Thrown only when a caller calls .value() on a failed Result, which is a programming error.
class ErrorException : public std::runtime_error {
public:
    explicit ErrorException(Error error);
    const Error& error() const noexcept { return error_; }

private:
    Error error_;
};

[[noreturn]] void throw_exception_from_error(const Error& e, const boost::source_location& loc);

template <class T>
using Result = boost::system::result<T, Error>;

}  // namespace sanpi
