/*
 * libilc — network analysis of international learning communities.
 *
 * The one header users include.  Data flows one way: input formats ->
 * store -> timeline -> snapshot -> measures -> results (tables).
 */
#ifndef ILC_H
#define ILC_H

#include "ilc/brokerage.h"
#include "ilc/cohesion.h"
#include "ilc/common.h"
#include "ilc/decay.h"
#include "ilc/diagnostics.h"
#include "ilc/import.h"
#include "ilc/paths.h"
#include "ilc/snapshot.h"
#include "ilc/store.h"
#include "ilc/survival.h"
#include "ilc/table.h"
#include "ilc/time.h"
#include "ilc/timeline.h"

#endif /* ILC_H */
