// Must compile: the sheet readers' own headers and the domain's, so the failing probes fail for
// the include alone.
#include "domain/date.hpp"
#include "sheet/sheet_reader.hpp"
