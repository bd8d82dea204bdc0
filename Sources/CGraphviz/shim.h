#ifndef COAUTHOR_CGRAPHVIZ_SHIM_H
#define COAUTHOR_CGRAPHVIZ_SHIM_H
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#endif
