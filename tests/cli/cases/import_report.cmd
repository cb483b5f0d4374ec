$ILC import s.ilc --participants participants.csv --interactions interactions.csv
