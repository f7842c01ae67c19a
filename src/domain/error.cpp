#include "domain/error.hpp"

namespace sanpi {

Error Error::invalid(std::vector<FieldError> fields) {
    return Error{ErrorCode::kInvalidInput, {"输入有误", "invalid input"}, std::move(fields)};
}

Error Error::invalid_field(std::string_view field, std::string zh, std::string en) {
    return invalid({FieldError{std::string(field), {std::move(zh), std::move(en)}}});
}

Error Error::not_found(std::string what_zh, std::string what_en) {
    return Error{ErrorCode::kNotFound, {std::move(what_zh) + "不存在", std::move(what_en) + " not found"}, {}};
}

Error Error::conflict(std::string zh, std::string en) {
    return Error{ErrorCode::kConflict, {std::move(zh), std::move(en)}, {}};
}

Error Error::precondition_required(std::string zh, std::string en) {
    return Error{ErrorCode::kPreconditionRequired, {std::move(zh), std::move(en)}, {}};
}

Error Error::unauthorized(std::string zh, std::string en) {
    return Error{ErrorCode::kUnauthorized, {std::move(zh), std::move(en)}, {}};
}

Error Error::forbidden(std::string zh, std::string en) {
    return Error{ErrorCode::kForbidden, {std::move(zh), std::move(en)}, {}};
}

Error Error::unavailable(std::string zh, std::string en) {
    return Error{ErrorCode::kUnavailable, {std::move(zh), std::move(en)}, {}};
}

Error Error::internal(std::string zh, std::string en) {
    return Error{ErrorCode::kInternal, {std::move(zh), std::move(en)}, {}};
}

ErrorException::ErrorException(Error error) : std::runtime_error(error.message.en), error_(std::move(error)) {}

void throw_exception_from_error(const Error& e, const boost::source_location&) { throw ErrorException(e); }

}  // namespace sanpi
