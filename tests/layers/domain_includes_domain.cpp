// Must compile: the domain's own headers, so the failing probes fail for the include alone.
#include "domain/error.hpp"
#include "domain/project.hpp"
