$ILC summary nope.ilc
