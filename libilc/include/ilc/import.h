/* libilc — import (being written). */
#ifndef ILC_IMPORT_H
#define ILC_IMPORT_H

#include "ilc/common.h"

#endif
