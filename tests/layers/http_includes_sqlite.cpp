// Must not compile: the HTTP layer reaches the store only through the services.
#include "store/sqlite/sqlite_store.hpp"
