/* libilc — cohesion (being written). */
#ifndef ILC_COHESION_H
#define ILC_COHESION_H

#include "ilc/common.h"

#endif
