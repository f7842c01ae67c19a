// Must not compile: only the composition root opens a store by URL.
#include "store/open_store.hpp"
