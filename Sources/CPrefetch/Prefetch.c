// The target's functions are inline, in its header; SwiftPM wants a source file per C target.
#include "CPrefetch.h"
