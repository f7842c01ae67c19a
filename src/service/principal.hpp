#pragma once
#include "domain/user.hpp"

namespace sanpi::service {

// The authenticated caller of a use case.
struct Principal {
    domain::User user;
    domain::Scope scope;
};

}  // namespace sanpi::service
