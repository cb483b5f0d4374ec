$ILC snapshot s.ilc --weight heavy
