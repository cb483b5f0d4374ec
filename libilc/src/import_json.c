/* import_json.c — being written. */
#include "ilc_internal.h"
