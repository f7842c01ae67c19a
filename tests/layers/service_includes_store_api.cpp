// Must compile: what the service may use, so the failing probes fail for the include alone.
#include "domain/money.hpp"
#include "store/store.hpp"
#include "store/transact.hpp"
