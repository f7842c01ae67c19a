// Must not compile: the domain depends on nothing but the standard library.
#include "store/store.hpp"
