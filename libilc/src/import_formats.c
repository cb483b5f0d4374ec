/* import_formats.c — being written. */
#include "ilc_internal.h"
