/* libilc — brokerage (being written). */
#ifndef ILC_BROKERAGE_H
#define ILC_BROKERAGE_H

#include "ilc/common.h"

#endif
