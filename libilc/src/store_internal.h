/* Internal access to the store's SQLite handle (timeline loading). */
#ifndef ILC_STORE_INTERNAL_H
#define ILC_STORE_INTERNAL_H

#include "ilc/store.h"

struct sqlite3;

/* The store's database connection; borrowed. */
struct sqlite3 *ilc__store_db(const ilc_store *store);

#endif
