/* libilc — decay (being written). */
#ifndef ILC_DECAY_H
#define ILC_DECAY_H

#include "ilc/common.h"

#endif
