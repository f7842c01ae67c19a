// Must not compile: the importers (services) use the readers, never the reverse.
#include "service/project_service.hpp"
