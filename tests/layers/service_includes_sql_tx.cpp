// Must not compile: the shared Tx implementation is the backends' business, not the service's.
#include "store/sql/sql_tx.hpp"
