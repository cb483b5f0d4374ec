$ILC import s.ilc --participants participants.csv --interactions interactions.csv 2>/dev/null && $ILC snapshot s.ilc --to 2024-01-03 --format graphml
