// The target's one function is `static inline` in include/CMemoryPrefetch.h, so that Swift inlines it
// at each call; a C target needs a source file to build, and this one compiles the header alone.
#include "CMemoryPrefetch.h"
