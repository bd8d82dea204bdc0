// The target's one function is inline, in its header; SwiftPM wants a source file per C target.
#include "CPrefetch.h"
