#pragma once
#include "domain/user.hpp"

namespace sanpi::service {

// The authenticated caller of a use case.
struct Principal {
    domain::User user;
    domain::Scope scope;
};

// The scope in which the caller sees enterprises (docs/api.md, "Enterprises"). The province sees the
// whole register: an enterprise belongs to no region of its own (one registered by the province or
// the system, with no project yet, would otherwise be seen by nobody). Anyone else sees through its
// own scope: the projects and the zones' registrations inside it.
inline domain::Scope enterprise_scope(const Principal& who) {
    return who.user.role == domain::Role::kProvince ? domain::Scope::all() : who.scope;
}

}  // namespace sanpi::service
