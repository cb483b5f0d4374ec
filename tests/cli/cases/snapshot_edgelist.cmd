$ILC import s.ilc --participants participants.csv --interactions interactions.csv 2>/dev/null && $ILC snapshot s.ilc --format edgelist
