// Must not compile: the service reaches the store only through its interface (store/store.hpp).
#include "store/postgres/pg_store.hpp"
