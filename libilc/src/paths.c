/* paths.c — being written. */
#include "ilc_internal.h"
