$ILC import s.ilc --participants participants.csv --interactions interactions.csv 2>/dev/null; $ILC import s.ilc --interactions interactions.csv 2>/dev/null
