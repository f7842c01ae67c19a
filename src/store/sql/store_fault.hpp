#pragma once
#include <stdexcept>

namespace sanpi::store::sql {

// A stored value the domain refuses (e.g. an unknown stage): the database was changed behind
// the application's back. Reported as an internal error, never to users in detail.
class StoreFault : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace sanpi::store::sql
