// Must not compile: the domain depends on nothing but the standard library.
#include "service/project_service.hpp"
