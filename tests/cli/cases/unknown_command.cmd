$ILC frobnicate
