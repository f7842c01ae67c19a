// Must not compile: the sheet readers know the domain only, not the store.
#include "store/store.hpp"
